// ChatMessages become Telegram messages: keyboards, selects as rows, edits in place, apologies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CallbackDataError,
  renderTelegramMessage,
} from '../../../bots/telegram/render-telegram-message.ts';
import type { ChatEvent, ChatMessage } from '../../../src/chat/chat-types.ts';
import {
  ALICE,
  reply,
  startWebhookHarness,
  TOKEN,
  type WebhookHarness,
} from './telegram-harness.ts';

let next: (event: ChatEvent) => ChatMessage[] = () => [];
let h: WebhookHarness;

beforeAll(async () => {
  h = await startWebhookHarness(async (event) => next(event));
});
afterAll(() => h.close());

/** Has the bot send one message with a button and returns that message's id. */
async function botMessageWithButton(): Promise<number> {
  next = () => [reply('Pick a service', [[{ label: 'Massage', data: 'svc:1' }]])];
  await h.deliver(h.fake.textUpdate(ALICE, '/book'));
  const sent = h.fake.callsTo('sendMessage').at(-1)?.reply;
  if (!sent?.ok) throw new Error('the bot sent nothing');
  return (sent.result as { message_id: number }).message_id;
}

describe('telegram reply rendering', () => {
  it('renders button rows as an inline keyboard with styles, text untouched', async () => {
    next = () => [
      reply('When? <b>not html</b>', [
        [
          { label: 'Mon 09:00', data: 'slot:1', style: 'primary' },
          { label: 'Mon 10:00', data: 'slot:2' },
        ],
        [{ label: 'Cancel', data: 'x', style: 'danger' }],
      ]),
    ];
    await h.deliver(h.fake.textUpdate(ALICE, '/book'));
    const call = h.fake.callsTo('sendMessage').at(-1);
    expect(call?.payload).toMatchObject({ chat_id: 111, text: 'When? <b>not html</b>' });
    expect(call?.payload.parse_mode).toBeUndefined();
    expect(call?.payload.reply_markup).toEqual({
      inline_keyboard: [
        [
          { text: 'Mon 09:00', callback_data: 'slot:1', style: 'primary' },
          { text: 'Mon 10:00', callback_data: 'slot:2' },
        ],
        [{ text: 'Cancel', callback_data: 'x', style: 'danger' }],
      ],
    });
  });

  it('turns a select into one button row per option', async () => {
    next = () => [
      {
        text: 'Which service?',
        buttons: [],
        select: {
          placeholder: 'Choose',
          options: [
            { label: 'Massage', data: 'svc:a', description: '60 min' },
            { label: 'Checkup', data: 'svc:b', description: null },
          ],
        },
        replace: false,
      },
    ];
    await h.deliver(h.fake.textUpdate(ALICE, '/book'));
    expect(h.fake.callsTo('sendMessage').at(-1)?.payload.reply_markup).toEqual({
      inline_keyboard: [
        [{ text: 'Massage · 60 min', callback_data: 'svc:a' }],
        [{ text: 'Checkup', callback_data: 'svc:b' }],
      ],
    });
  });

  it('edits the pressed message in place for a replace reply, and answers the query', async () => {
    const messageId = await botMessageWithButton();
    const sends = h.fake.callsTo('sendMessage').length;
    next = () => [reply('Pick a time', [[{ label: '09:00', data: 'slot:9' }]], true)];
    const update = h.fake.callbackUpdate(ALICE, 'svc:1', messageId);
    await h.deliver(update);
    expect(h.fake.callsTo('sendMessage').length).toBe(sends);
    const edit = h.fake.callsTo('editMessageText').at(-1);
    expect(edit?.payload).toMatchObject({
      chat_id: 111,
      message_id: messageId,
      text: 'Pick a time',
    });
    expect(edit?.reply.ok).toBe(true);
    expect(h.fake.message(messageId)?.replyMarkup).toEqual({
      inline_keyboard: [[{ text: '09:00', callback_data: 'slot:9' }]],
    });
    expect(h.fake.callsTo('answerCallbackQuery').at(-1)?.payload.callback_query_id).toBe(
      update.callback_query?.id,
    );
  });

  it('removes the old buttons when an in-place reply has none', async () => {
    const messageId = await botMessageWithButton();
    next = () => [reply('Booked.', [], true)];
    await h.deliver(h.fake.callbackUpdate(ALICE, 'svc:1', messageId));
    expect(h.fake.message(messageId)).toMatchObject({
      text: 'Booked.',
      replyMarkup: { inline_keyboard: [] },
    });
  });

  it('sends a replace reply as a new message when the input was typed', async () => {
    const edits = h.fake.callsTo('editMessageText').length;
    next = () => [reply('Typed answer', [], true)];
    await h.deliver(h.fake.textUpdate(ALICE, 'tomorrow'));
    expect(h.fake.callsTo('editMessageText').length).toBe(edits);
    expect(h.fake.callsTo('sendMessage').at(-1)?.payload.text).toBe('Typed answer');
  });

  it('sends a new message when the pressed message can no longer be edited', async () => {
    next = () => [reply('Still here', [], true)];
    await h.deliver(h.fake.callbackUpdate(ALICE, 'svc:1', 99_999));
    const call = h.fake.callsTo('sendMessage').at(-1);
    expect(call?.payload.text).toBe('Still here');
    expect(call?.reply.ok).toBe(true);
  });

  it('splits text over 4096 characters, keyboard on the last part, nothing lost', async () => {
    const line = `${'a'.repeat(99)}\n`;
    const text = line.repeat(60);
    const sends = h.fake.callsTo('sendMessage').length;
    next = () => [reply(text, [[{ label: 'More', data: 'more' }]])];
    await h.deliver(h.fake.textUpdate(ALICE, '/mybookings'));
    const parts = h.fake.callsTo('sendMessage').slice(sends);
    expect(parts.length).toBe(2);
    expect(parts.every((p) => p.reply.ok)).toBe(true);
    expect(parts.map((p) => p.payload.text).join('\n')).toBe(text);
    expect(parts[0]?.payload.reply_markup).toBeUndefined();
    expect(parts[1]?.payload.reply_markup).toBeDefined();
  });

  it('never sends button data over 64 bytes: it apologises and logs the fault', async () => {
    const sends = h.fake.callsTo('sendMessage').length;
    next = () => [reply('Bad', [[{ label: 'Too long', data: 'é'.repeat(33) }]])];
    await h.deliver(h.fake.textUpdate(ALICE, '/book'));
    const calls = h.fake.callsTo('sendMessage').slice(sends);
    expect(calls.map((c) => c.reply.ok)).toEqual([true]);
    expect(calls[0]?.payload.text).toMatch(/^Sorry/);
    const unsendable = h.entries.find((e) => e.message === 'unsendable reply');
    expect(unsendable?.fields.err).toMatchObject({ name: 'CallbackDataError' });
  });

  it('throws CallbackDataError from the renderer at 65 bytes, accepts 64', () => {
    expect(() =>
      renderTelegramMessage(reply('x', [[{ label: 'a', data: 'a'.repeat(65) }]])),
    ).toThrow(CallbackDataError);
    expect(
      renderTelegramMessage(reply('x', [[{ label: 'a', data: 'a'.repeat(64) }]])).keyboard,
    ).not.toBeNull();
  });

  it('turns a handler fault into a short apology, logged without personal data', async () => {
    const messageId = await botMessageWithButton();
    next = () => {
      throw new Error('engine broke reading Alice Lovelace at +49 170 1234567', {
        cause: new TypeError('x'),
      });
    };
    const update = h.fake.callbackUpdate(ALICE, 'svc:1', messageId);
    const res = await h.deliver(update);
    expect(res.status).toBe(200);
    expect(h.fake.callsTo('sendMessage').at(-1)?.payload.text).toMatch(/^Sorry/);
    expect(h.fake.callsTo('answerCallbackQuery').at(-1)?.payload.callback_query_id).toBe(
      update.callback_query?.id,
    );
    const fault = h.entries.find((e) => e.message === 'chat handler fault');
    expect(fault?.fields).toMatchObject({
      updateId: String(update.update_id),
      err: { name: 'Error', cause: { name: 'TypeError' } },
    });
    const logged = JSON.stringify(h.entries);
    for (const secret of ['Alice', 'Lovelace', '1234567', TOKEN, 'alice_l']) {
      expect(logged).not.toContain(secret);
    }
  });
});
