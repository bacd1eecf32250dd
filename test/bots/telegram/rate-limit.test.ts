// The outgoing throttle: one chat is paced, other chats are not held up, the overall pace holds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatAddress } from '../../../src/chat/chat-types.ts';
import { reply, startWebhookHarness, type WebhookHarness } from './telegram-harness.ts';

const PER_CHAT_MS = 300;
const GLOBAL_MS = 100;
/** Scheduling and loopback HTTP jitter. */
const SLACK_MS = 30;
let h: WebhookHarness;

const to = (id: string): ChatAddress => ({
  platform: 'telegram',
  platformUserId: id,
  dmAddress: id,
});

beforeAll(async () => {
  h = await startWebhookHarness(async () => [], {
    globalIntervalMs: GLOBAL_MS,
    perChatIntervalMs: PER_CHAT_MS,
    maxRetries: 1,
  });
});
afterAll(() => h.close());

function sendTimes(chatId: number, from: number): number[] {
  return h.fake
    .callsTo('sendMessage')
    .slice(from)
    .filter((c) => c.payload.chat_id === chatId)
    .map((c) => c.at);
}

describe('telegram outgoing rate limits', () => {
  it('spaces messages to one chat by the per-chat interval without delaying another chat', async () => {
    const from = h.fake.callsTo('sendMessage').length;
    const started = Date.now();
    await Promise.all([
      h.adapter.messenger.send(to('1'), reply('a1')),
      h.adapter.messenger.send(to('1'), reply('a2')),
      h.adapter.messenger.send(to('1'), reply('a3')),
      h.adapter.messenger.send(to('2'), reply('b1')),
    ]);
    const one = sendTimes(1, from);
    expect(
      h.fake
        .callsTo('sendMessage')
        .slice(from)
        .filter((c) => c.payload.chat_id === 1)
        .map((c) => c.payload.text),
    ).toEqual(['a1', 'a2', 'a3']);
    expect(one.length).toBe(3);
    expect((one[1] ?? 0) - (one[0] ?? 0)).toBeGreaterThanOrEqual(PER_CHAT_MS - SLACK_MS);
    expect((one[2] ?? 0) - (one[1] ?? 0)).toBeGreaterThanOrEqual(PER_CHAT_MS - SLACK_MS);
    const [two] = sendTimes(2, from);
    expect((two ?? Infinity) - started).toBeLessThan(PER_CHAT_MS);
  });

  it('spaces messages to different chats by the overall interval', async () => {
    const from = h.fake.callsTo('sendMessage').length;
    await Promise.all(
      ['10', '11', '12', '13'].map((id) => h.adapter.messenger.send(to(id), reply('hi'))),
    );
    const times = h.fake
      .callsTo('sendMessage')
      .slice(from)
      .map((c) => c.at)
      .sort((a, b) => a - b);
    expect(times.length).toBe(4);
    const gaps = times.slice(1).map((t, i) => t - (times[i] ?? 0));
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(GLOBAL_MS - SLACK_MS);
    expect((times[3] ?? 0) - (times[0] ?? 0)).toBeLessThan(PER_CHAT_MS * 3);
  });

  it('leaves callback answers unthrottled', async () => {
    await h.adapter.messenger.send(to('20'), reply('busy'));
    const started = Date.now();
    const update = h.fake.textUpdate({ id: 20, is_bot: false, first_name: 'C' }, 'x');
    const press = h.fake.callbackUpdate({ id: 20, is_bot: false, first_name: 'C' }, 'd', 1);
    expect(update.update_id).toBeLessThan(press.update_id);
    await h.deliver(press);
    const answer = h.fake.callsTo('answerCallbackQuery').at(-1);
    expect((answer?.at ?? Infinity) - started).toBeLessThan(PER_CHAT_MS / 2);
  });
});
