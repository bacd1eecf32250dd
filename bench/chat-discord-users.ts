// The chat bench on Discord: simulated users' interactions over the fake gateway, replies by REST.
import type { APIInteraction, APIUser } from 'discord.js';
import { handleChatEvent } from '../src/chat/handle-chat-event.ts';
import { createRoutingMessenger } from '../src/chat/routing-messenger.ts';
import type { Database } from '../src/db/database.ts';
import {
  GUILD_ID,
  type Harness,
  shownMessage,
  startHarness,
} from '../test/bots/discord/discord-harness.ts';
import {
  buttonInteraction,
  commandInteraction,
  type Origin,
  selectInteraction,
} from '../test/fakes/discord-interactions.ts';
import { fakeUser } from '../test/fakes/discord-payloads.ts';
import type { RecordedCall } from '../test/fakes/discord-rest-fake.ts';
import { MONDAY_MORNING } from '../test/support/fixtures.ts';
import { type BenchUser, clickThroughBooking, type ShownButton, type Turn } from './chat-flow.ts';
import { chatDepsFor, logHandled } from './chat-handled.ts';
import type { PlatformRun } from './chat-platform-run.ts';
import { type ReplyWatch, watchReplies } from './chat-reply-watch.ts';
import { REPLY_TIMEOUT_MS } from './chat-telegram-users.ts';

export type DiscordRunOptions = {
  readonly users: number;
  readonly thinkMs: number;
  /** First user number, so runs on one database are different users. */
  readonly firstUser: number;
};

type Component = {
  custom_id: string;
  label?: string;
  options?: { label: string; value: string }[];
};
type Body = { content?: string; components?: { components: Component[] }[] };

/**
 * Starts the fake gateway and REST API and the adapter with the real engine on `db`, lets every
 * user click through a booking at once in one guild channel, and stops both. A turn starts when
 * its interaction is dispatched on the gateway; its replies are the calls made with its token
 * after the acknowledgement (the edit of the original reply and any follow-ups).
 */
export async function runDiscordUsers(
  db: Database,
  options: DiscordRunOptions,
): Promise<PlatformRun> {
  const messenger = createRoutingMessenger();
  const deps = chatDepsFor(db, messenger);
  const log = logHandled((event) => handleChatEvent(deps, event, MONDAY_MORNING));
  const harness = await startHarness(log.handle);
  messenger.register('discord', harness.adapter.messenger);
  const arrived = stampArrivals(harness.fake.rest.calls);
  const watch = watchReplies(harness.fake.rest.calls, (c) => {
    const reply = /^\/webhooks\/\d+\/([^/]+)(\/messages\/@original)?$/.exec(c.path);
    return reply && c.method !== 'DELETE'
      ? { chat: reply[1] ?? '', at: arrived.get(c) ?? Number.NaN }
      : null;
  });
  try {
    const outcomes = await Promise.all(
      Array.from({ length: options.users }, (_, i) => {
        const id = (3_000_000_000_000_000_000n + BigInt(options.firstUser + i)).toString();
        const user: APIUser = fakeUser(id, `user${i}`, `User ${i}`);
        const origin: Origin = {
          user,
          place: { kind: 'guild', guildId: GUILD_ID, channelId: '1110000000000000042' },
        };
        return clickThroughBooking(discordUser(harness, origin, log, watch), i, options.thinkMs);
      }),
    );
    return { outcomes, duplicates: log.duplicates(), engineMs: log.engineMs() };
  } finally {
    watch.stop();
    await harness.close();
  }
}

/**
 * The REST fake records a call when its body has been read but keeps no time; this stamps each
 * call as the fake records it, by wrapping that one array's push.
 */
function stampArrivals(calls: RecordedCall[]): WeakMap<RecordedCall, number> {
  const arrived = new WeakMap<RecordedCall, number>();
  const push = calls.push.bind(calls);
  calls.push = (...items: RecordedCall[]) => {
    for (const item of items) arrived.set(item, performance.now());
    return push(...items);
  };
  return arrived;
}

function discordUser(
  harness: Harness,
  origin: Origin,
  log: ReturnType<typeof logHandled>,
  watch: ReplyWatch,
): BenchUser {
  let sent = 0;
  let shown: RecordedCall | null = null;
  const turn = async (interaction: APIInteraction): Promise<Turn | null> => {
    sent += 1;
    const startedAt = performance.now();
    harness.fake.deliver(interaction);
    const replies = await log.replies(origin.user.id, sent, REPLY_TIMEOUT_MS);
    if (replies === null || replies === 0) return null;
    const at = await watch.waitFor(interaction.token, 0, replies, REPLY_TIMEOUT_MS);
    if (at === null) return null;
    const calls = harness.fake.rest.calls.filter((c) => c.path.includes(`/${interaction.token}`));
    shown = calls.filter((c) => !c.path.endsWith('/callback')).at(-1) ?? shown;
    return { startedAt, firstReplyAt: at[0] ?? startedAt, lastReplyAt: at.at(-1) ?? startedAt };
  };
  const components = () =>
    ((shown?.body as Body | null)?.components ?? []).flatMap((r) => r.components);
  return {
    say: (text) => turn(commandInteraction(origin, text.replace(/^\//, ''))),
    press: (button: ShownButton) => {
      const message = shownMessage(shown as RecordedCall, origin.place.channelId);
      const select = components().find((c) => c.options?.some((o) => o.value === button.data));
      return turn(
        select
          ? selectInteraction(origin, message, select.custom_id, [button.data])
          : buttonInteraction(origin, message, button.data),
      );
    },
    shown: () => ({
      text: (shown?.body as Body | null)?.content ?? '',
      buttons: components().flatMap((c) =>
        c.options
          ? c.options.map((o) => ({ label: o.label, data: o.value }))
          : [{ label: c.label ?? '', data: c.custom_id }],
      ),
    }),
  };
}
