// The chat bench on Slack: simulated users posting signed requests to Bolt, replies to the fake.
import { handleChatEvent } from '../src/chat/handle-chat-event.ts';
import { createRoutingMessenger } from '../src/chat/routing-messenger.ts';
import type { Database } from '../src/db/database.ts';
import { lastShown } from '../test/bots/slack/slack-conversation.ts';
import { createSlackHarness, FORM, type SlackHarness } from '../test/bots/slack/slack-harness.ts';
import {
  blockActionsPayload,
  interactionBody,
  slashCommandBody,
} from '../test/fakes/slack-requests.ts';
import { MONDAY_MORNING } from '../test/support/fixtures.ts';
import { type BenchUser, clickThroughBooking, type Turn } from './chat-flow.ts';
import { chatDepsFor, logHandled } from './chat-handled.ts';
import type { PlatformRun } from './chat-platform-run.ts';
import { type ReplyWatch, watchReplies } from './chat-reply-watch.ts';
import { REPLY_TIMEOUT_MS } from './chat-telegram-users.ts';

export type SlackRunOptions = {
  readonly users: number;
  readonly thinkMs: number;
  /** First user number, so runs on one database are different users. */
  readonly firstUser: number;
};

/**
 * Starts the fake Web API and the adapter in HTTP mode (no per-channel spacing) with the real
 * engine on `db`, lets every user click through a booking at once, and stops both. A turn starts
 * when its signed request is handed to the events route.
 */
export async function runSlackUsers(db: Database, options: SlackRunOptions): Promise<PlatformRun> {
  const messenger = createRoutingMessenger();
  const deps = chatDepsFor(db, messenger);
  const log = logHandled((event) => handleChatEvent(deps, event, MONDAY_MORNING));
  const harness = await createSlackHarness(log.handle);
  messenger.register('slack', harness.adapter.messenger);
  const watch = watchReplies(harness.api.calls, (c) =>
    c.method === 'chat.postMessage' || c.method === 'chat.update'
      ? { chat: String(c.args.channel), at: c.at }
      : null,
  );
  try {
    const outcomes = await Promise.all(
      Array.from({ length: options.users }, (_, i) => {
        const userId = `UBENCH${options.firstUser + i}`;
        harness.api.users.set(userId, {
          name: `u${i}`,
          realName: `User ${i}`,
          tz: 'Europe/Berlin',
        });
        return clickThroughBooking(slackUser(harness, userId, log, watch), i, options.thinkMs);
      }),
    );
    return { outcomes, duplicates: log.duplicates(), engineMs: log.engineMs() };
  } finally {
    watch.stop();
    await harness.adapter.idle();
    await harness.close();
  }
}

let requests = 0;

function slackUser(
  harness: SlackHarness,
  userId: string,
  log: ReturnType<typeof logHandled>,
  watch: ReplyWatch,
): BenchUser {
  const channel = `D${userId}`;
  let sent = 0;
  const turn = async (body: string): Promise<Turn | null> => {
    sent += 1;
    const before = watch.count(channel);
    const startedAt = performance.now();
    const response = await harness.send(body, FORM);
    if (response.status !== 200) return null;
    const replies = await log.replies(userId, sent, REPLY_TIMEOUT_MS);
    if (replies === null || replies === 0) return null;
    const at = await watch.waitFor(channel, before, replies, REPLY_TIMEOUT_MS);
    if (at === null) return null;
    return { startedAt, firstReplyAt: at[0] ?? startedAt, lastReplyAt: at.at(-1) ?? startedAt };
  };
  return {
    say: (text) => {
      requests += 1;
      const [command = '', ...words] = text.split(' ');
      const fields = { command, text: words.join(' '), userId, triggerId: `bench-${requests}` };
      return turn(slashCommandBody(fields));
    },
    press: (button) => {
      requests += 1;
      const shown = lastShown(harness.api, channel);
      const payload = blockActionsPayload({
        userId,
        value: button.data,
        actionTs: `1700002000.${String(requests).padStart(6, '0')}`,
        triggerId: `bench-${requests}`,
        channel,
        messageTs: shown.ts,
      });
      return turn(interactionBody(payload));
    },
    shown: () => {
      const shown = lastShown(harness.api, channel);
      return {
        text: shown.text,
        buttons: shown.buttons.map((b) => ({ label: b.label, data: b.value })),
      };
    },
  };
}
