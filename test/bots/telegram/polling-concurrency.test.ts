// Long polling through grammY's runner: concurrent across chats, ordered within one, drained on stop.
import { afterEach, describe, expect, it } from 'vitest';
import type { BotAdapter, ChatHandler } from '../../../bots/bot-adapter.ts';
import { createTelegramAdapter } from '../../../bots/telegram/create-telegram-adapter.ts';
import type { ChatEvent } from '../../../src/chat/chat-types.ts';
import { type FakeTelegram, startFakeTelegram } from '../../fakes/telegram-api.ts';
import { ALICE, BOB, NO_LIMITS, recordingLogger, reply, TOKEN } from './telegram-harness.ts';

const CAROL = { id: 333, is_bot: false, first_name: 'Carol' };
const running: { fake: FakeTelegram; adapter: BotAdapter }[] = [];

afterEach(async () => {
  for (const { fake, adapter } of running.splice(0)) {
    await adapter.stop();
    await fake.close();
  }
});

async function startPolling(
  handle: ChatHandler,
  fake?: FakeTelegram,
  logger = recordingLogger().logger,
) {
  const telegram = fake ?? (await startFakeTelegram({ token: TOKEN, maxHoldMs: 200 }));
  const adapter = createTelegramAdapter({
    token: TOKEN,
    apiRoot: telegram.apiRoot,
    webhookSecret: null,
    publicUrl: null,
    handle,
    logger,
    rateLimits: NO_LIMITS,
    pollTimeoutSeconds: 1,
  });
  await adapter.start();
  running.push({ fake: telegram, adapter });
  return { fake: telegram, adapter };
}

/** A promise with its resolve, to hold a handler until the test lets it go. */
function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

const textOf = (event: ChatEvent) => (event.input.kind === 'text' ? event.input.text : '');

describe('telegram long polling with the runner', () => {
  it('answers chat B while a slow update of chat A is still running', async () => {
    const held = gate();
    const { fake } = await startPolling(async (event) => {
      if (event.user.platformUserId === String(ALICE.id)) await held.opened;
      return [reply(`done ${textOf(event)}`)];
    });
    fake.push(fake.textUpdate(ALICE, 'slow'));
    fake.push(fake.textUpdate(BOB, 'quick'));
    const [first] = await fake.waitForCalls('sendMessage', 1);
    expect(first?.payload).toMatchObject({ chat_id: BOB.id, text: 'done quick' });
    held.open();
    const calls = await fake.waitForCalls('sendMessage', 2);
    expect(calls[1]?.payload).toMatchObject({ chat_id: ALICE.id, text: 'done slow' });
  });

  it('runs the updates of one chat one at a time, in the order they came', async () => {
    const seen: string[] = [];
    let active = 0;
    let mostActive = 0;
    const { fake } = await startPolling(async (event) => {
      active += 1;
      mostActive = Math.max(mostActive, active);
      // The first update is the slowest: without ordering the later ones would overtake it.
      await new Promise((r) => setTimeout(r, textOf(event) === '1' ? 120 : 10));
      seen.push(textOf(event));
      active -= 1;
      return [reply(`done ${textOf(event)}`)];
    });
    for (const text of ['1', '2', '3', '4']) fake.push(fake.textUpdate(ALICE, text));
    await fake.waitForCalls('sendMessage', 4);
    expect(seen).toEqual(['1', '2', '3', '4']);
    expect(mostActive).toBe(1);
    expect(fake.callsTo('sendMessage').map((c) => c.payload.text)).toEqual([
      'done 1',
      'done 2',
      'done 3',
      'done 4',
    ]);
  });

  it('orders a button press after the text of the same chat', async () => {
    const seen: string[] = [];
    const { fake } = await startPolling(async (event) => {
      await new Promise((r) => setTimeout(r, event.input.kind === 'text' ? 80 : 0));
      seen.push(event.input.kind);
      return [];
    });
    fake.push(fake.textUpdate(CAROL, 'hello'));
    fake.push(fake.callbackUpdate(CAROL, 'again', 1));
    await fake.waitForCalls('answerCallbackQuery', 1);
    await expect.poll(() => seen).toEqual(['text', 'action']);
  });

  it('waits in stop() for the updates in hand, then confirms the offset', async () => {
    const held = gate();
    const handled: string[] = [];
    const { fake, adapter } = await startPolling(async (event) => {
      await held.opened;
      handled.push(event.updateId);
      return [reply('late but delivered')];
    });
    const update = fake.textUpdate(ALICE, 'hold on');
    fake.push(update);
    await expect.poll(() => fake.callsTo('getUpdates').length).toBeGreaterThan(1);
    let stopped = false;
    const stopping = adapter.stop().then(() => {
      stopped = true;
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(stopped).toBe(false);
    held.open();
    await stopping;
    expect(handled).toEqual([String(update.update_id)]);
    expect(fake.callsTo('sendMessage').map((c) => c.payload.text)).toEqual(['late but delivered']);
    expect(fake.pending()).toBe(0);
  });

  it('hands every update to the handler exactly once, across chats and a restart', async () => {
    const handled: string[] = [];
    const handle: ChatHandler = async (event) => {
      handled.push(event.updateId);
      await new Promise((r) => setTimeout(r, Math.random() * 20));
      return [reply('ok')];
    };
    const first = await startPolling(handle);
    const { fake } = first;
    const pushed: number[] = [];
    const pushSome = (n: number) => {
      for (let i = 0; i < n; i += 1) {
        const update = fake.textUpdate([ALICE, BOB, CAROL][i % 3] ?? ALICE, `m${i}`);
        pushed.push(update.update_id);
        fake.push(update);
      }
    };
    pushSome(30);
    await fake.waitForCalls('sendMessage', 30);
    await first.adapter.stop();
    await startPolling(handle, fake);
    pushSome(30);
    await fake.waitForCalls('sendMessage', 60);
    expect([...handled].sort()).toEqual(pushed.map(String).sort());
    expect(new Set(handled).size).toBe(60);
  });

  it('goes on after an update whose handler throws', async () => {
    const { fake } = await startPolling(async (event) => {
      if (textOf(event) === 'boom') throw new Error('handler crashed');
      return [reply(`done ${textOf(event)}`)];
    });
    fake.push(fake.textUpdate(ALICE, 'boom'));
    fake.push(fake.textUpdate(ALICE, 'after'));
    const calls = await fake.waitForCalls('sendMessage', 2);
    expect(calls.map((c) => c.payload.text)).toEqual([
      expect.stringMatching(/^Sorry, something went wrong/),
      'done after',
    ]);
  });

  it('logs, without crashing, when another instance takes over polling (409)', async () => {
    const { logger, entries } = recordingLogger();
    const fake = await startFakeTelegram({ token: TOKEN, maxHoldMs: 200 });
    fake.failNext('getUpdates', {
      error_code: 409,
      description: 'Conflict: terminated by other getUpdates request',
    });
    await startPolling(async () => [], fake, logger);
    const faults = () =>
      entries.filter((e) => e.level !== 'info').map((e) => `${e.level} ${e.message}`);
    await expect.poll(faults).toEqual(['warn poll refused', 'error telegram polling stopped']);
  });
});
