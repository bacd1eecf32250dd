// The Messenger port: DMs through the fake, refusals as MessengerError, 429 retried after retry_after.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TelegramSendError } from '../../../bots/telegram/telegram-messenger.ts';
import { type ChatAddress, MessengerError } from '../../../src/chat/chat-types.ts';
import { reply, startWebhookHarness, type WebhookHarness } from './telegram-harness.ts';

let h: WebhookHarness;
const alice: ChatAddress = { platform: 'telegram', platformUserId: '111', dmAddress: '111' };

beforeAll(async () => {
  h = await startWebhookHarness(async () => []);
});
afterAll(() => h.close());

describe('telegram messenger', () => {
  it('sends to dmAddress, falling back to the user id, with the keyboard', async () => {
    await h.adapter.messenger.send(
      { platform: 'telegram', platformUserId: '5', dmAddress: '-42' },
      reply('New request', [[{ label: 'Approve', data: 'ap:1', style: 'primary' }]]),
    );
    await h.adapter.messenger.send({ ...alice, dmAddress: null }, reply('Reminder'));
    const [first, second] = h.fake.callsTo('sendMessage').slice(-2);
    expect(first?.payload).toMatchObject({
      chat_id: -42,
      text: 'New request',
      reply_markup: { inline_keyboard: [[{ text: 'Approve', callback_data: 'ap:1' }]] },
    });
    expect(second?.payload).toMatchObject({ chat_id: 111, text: 'Reminder' });
  });

  it('rejects with MessengerError when the user blocked the bot (403)', async () => {
    h.fake.failNext('sendMessage', {
      error_code: 403,
      description: 'Forbidden: bot was blocked by the user',
    });
    const sent = h.adapter.messenger.send(alice, reply('Your booking'));
    await expect(sent).rejects.toBeInstanceOf(MessengerError);
    await expect(sent).rejects.toHaveProperty('cause.error_code', 403);
  });

  it('rejects with MessengerError for a chat Telegram does not know', async () => {
    h.fake.failNext('sendMessage', { error_code: 400, description: 'Bad Request: chat not found' });
    await expect(h.adapter.messenger.send(alice, reply('x'))).rejects.toBeInstanceOf(
      MessengerError,
    );
  });

  it('rejects with TelegramSendError, not MessengerError, when Telegram fails for now', async () => {
    h.fake.failNext('sendMessage', { error_code: 502, description: 'Bad Gateway' });
    const sent = h.adapter.messenger.send(alice, reply('x'));
    await expect(sent).rejects.toBeInstanceOf(TelegramSendError);
    await expect(sent).rejects.not.toBeInstanceOf(MessengerError);
  });

  it('refuses an address of another platform', async () => {
    const sends = h.fake.callsTo('sendMessage').length;
    const slack: ChatAddress = { platform: 'slack', platformUserId: 'U1', dmAddress: 'D1' };
    await expect(h.adapter.messenger.send(slack, reply('x'))).rejects.toBeInstanceOf(
      MessengerError,
    );
    expect(h.fake.callsTo('sendMessage').length).toBe(sends);
  });

  it('waits retry_after seconds after a 429 and then delivers', async () => {
    h.fake.failNext('sendMessage', {
      error_code: 429,
      description: 'Too Many Requests: retry after 1',
      parameters: { retry_after: 1 },
    });
    const sends = h.fake.callsTo('sendMessage').length;
    await h.adapter.messenger.send(alice, reply('Eventually'));
    const [limited, retried] = h.fake.callsTo('sendMessage').slice(sends);
    expect(limited?.reply.ok).toBe(false);
    expect(retried?.reply.ok).toBe(true);
    expect(retried?.payload.text).toBe('Eventually');
    expect((retried?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(950);
    expect(h.entries.some((e) => e.fields.retryAfterSeconds === 1)).toBe(true);
  });

  it('answers the sent message and edits it in place, dropping its buttons', async () => {
    const buttons = [[{ label: 'Approve', data: 'ap:2', style: 'primary' as const }]];
    const [ref] = await h.adapter.messenger.send(alice, reply('Request', buttons));
    expect(ref).toEqual({ platform: 'telegram', address: '111', messageId: expect.any(String) });
    if (!ref) throw new Error('no reference');
    await h.adapter.messenger.edit(ref, reply('Request\n\nApproved ✓'));
    const [edit] = h.fake.callsTo('editMessageText').slice(-1);
    expect(edit?.payload).toMatchObject({
      chat_id: 111,
      message_id: Number(ref.messageId),
      text: 'Request\n\nApproved ✓',
      reply_markup: { inline_keyboard: [] },
    });
    // The same edit again is no change, not a failure.
    await h.adapter.messenger.edit(ref, reply('Request\n\nApproved ✓'));
  });

  it('rejects an edit of a message Telegram no longer has with MessengerError', async () => {
    h.fake.failNext('editMessageText', {
      error_code: 400,
      description: 'Bad Request: message to edit not found',
    });
    const ref = { platform: 'telegram' as const, address: '111', messageId: '9999' };
    await expect(h.adapter.messenger.edit(ref, reply('x'))).rejects.toBeInstanceOf(MessengerError);
  });
});
