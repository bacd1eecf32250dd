// Telegram updates become the right ChatEvents (command, text, action, user) through real grammY.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatEvent } from '../../../src/chat/chat-types.ts';
import { translatorFor } from '../../../src/i18n/translator.ts';
import { ALICE, BOB, reply, startWebhookHarness, type WebhookHarness } from './telegram-harness.ts';

const events: ChatEvent[] = [];
let h: WebhookHarness;

beforeAll(async () => {
  h = await startWebhookHarness(async (event) => {
    events.push(event);
    return [reply('ok', [[{ label: 'Go', data: 'go' }]])];
  });
});
afterAll(() => h.close());

function lastEvent(): ChatEvent {
  const event = events.at(-1);
  if (!event) throw new Error('no event reached the handler');
  return event;
}

describe('telegram update mapping', () => {
  it('maps a command, stripping @botname and lower-casing it, keeping the words after it', async () => {
    const update = h.fake.textUpdate(ALICE, '/Book@SlotlineTestBot  tomorrow at 3pm ');
    const res = await h.deliver(update);
    expect(res.status).toBe(200);
    expect(lastEvent()).toEqual({
      user: {
        platform: 'telegram',
        platformUserId: '111',
        displayName: 'Alice Lovelace',
        timezone: null,
        dmAddress: '111',
      },
      input: { kind: 'command', command: 'book', args: 'tomorrow at 3pm' },
      updateId: String(update.update_id),
    });
  });

  it('maps a bare command with no arguments', async () => {
    await h.deliver(h.fake.textUpdate(BOB, '/mybookings'));
    expect(lastEvent().input).toEqual({ kind: 'command', command: 'mybookings', args: '' });
    expect(lastEvent().user.displayName).toBe('Bob');
  });

  it('maps other text to a text input, unchanged', async () => {
    await h.deliver(h.fake.textUpdate(ALICE, 'next Tuesday / afternoon please'));
    expect(lastEvent().input).toEqual({ kind: 'text', text: 'next Tuesday / afternoon please' });
  });

  it('maps a button press to an action and answers the callback query', async () => {
    await h.deliver(h.fake.textUpdate(ALICE, '/book'));
    const sent = h.fake.callsTo('sendMessage').at(-1)?.reply;
    const messageId = sent?.ok ? (sent.result as { message_id: number }).message_id : -1;
    const update = h.fake.callbackUpdate(ALICE, 'svc:1', messageId);
    await h.deliver(update);
    expect(lastEvent().input).toEqual({ kind: 'action', data: 'svc:1', text: null });
    expect(lastEvent().updateId).toBe(String(update.update_id));
    const answer = h.fake.callsTo('answerCallbackQuery').at(-1);
    expect(answer?.payload.callback_query_id).toBe(update.callback_query?.id);
    expect(answer?.reply.ok).toBe(true);
  });

  it('passes the same updateId when Telegram redelivers an update', async () => {
    const update = h.fake.textUpdate(ALICE, '/help');
    const before = events.length;
    await h.deliver(update);
    await h.deliver(update);
    const ids = events.slice(before).map((e) => e.updateId);
    expect(ids).toEqual([String(update.update_id), String(update.update_id)]);
  });

  it('answers a message without text with a hint instead of calling the engine', async () => {
    const update = h.fake.textUpdate(ALICE, 'x');
    const { text: _text, ...photo } = update.message ?? {};
    const before = events.length;
    await h.deliver({ ...update, message: { ...photo, photo: [] } } as never);
    expect(events.length).toBe(before);
    expect(h.fake.callsTo('sendMessage').at(-1)?.payload.text).toMatch(/only read text/);
  });

  it('gives that hint in the language Telegram says the user reads', async () => {
    const update = h.fake.textUpdate({ ...ALICE, language_code: 'de' }, 'x');
    const { text: _text, ...photo } = update.message ?? {};
    await h.deliver({ ...update, message: { ...photo, photo: [] } } as never);
    const hint = h.fake.callsTo('sendMessage').at(-1)?.payload.text;
    expect(hint).toBe(translatorFor('de').t('bots.unreadable'));
    expect(hint).toMatch(/^Ich kann nur Textnachrichten/);
  });

  it('ignores messages in groups, where a booking would be public', async () => {
    const update = h.fake.textUpdate(ALICE, '/book');
    const sendsBefore = h.fake.callsTo('sendMessage').length;
    const before = events.length;
    const group = { ...update.message, chat: { id: -100, type: 'group', title: 'Team' } };
    const res = await h.deliver({ ...update, message: group } as never);
    expect(res.status).toBe(200);
    expect(events.length).toBe(before);
    expect(h.fake.callsTo('sendMessage').length).toBe(sendsBefore);
  });
});
