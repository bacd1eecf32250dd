// Chat round trip (issue 14): simulated users booking at once on Telegram, Slack and Discord fakes.
import { TELEGRAM_RATE_LIMITS } from '../bots/telegram/rate-limit-transformer.ts';
import type { Database } from '../src/db/database.ts';
import { createChatBenchDatabase } from './chat-database.ts';
import { runDiscordUsers } from './chat-discord-users.ts';
import { figuresOf, type LatencyFigures, type PlatformRun } from './chat-platform-run.ts';
import { runSlackUsers } from './chat-slack-users.ts';
import { runTelegramUsers } from './chat-telegram-users.ts';

export type ChatBenchOptions = {
  /** Users booking at once on each platform. Default 50 (BENCH_CHAT_USERS). */
  readonly users: number;
  /** How long a user reads a reply before clicking on. Default 1000 (BENCH_CHAT_THINK_MS). */
  readonly thinkMs: number;
};

export type ChatRun = {
  readonly name: string;
  /** Whether the latency target applies; not under Telegram's own pacing, which forbids it. */
  readonly latencyTarget: boolean;
  readonly figures: LatencyFigures;
};

export type ChatBenchResult = ChatBenchOptions & {
  readonly runs: readonly ChatRun[];
  /** Every run: no update lost or handled twice, every user booked; where it applies, p99 ≤ target. */
  readonly targetsMet: boolean;
};

export const TARGET_P99_MS = 50;
const NO_PACING = { globalIntervalMs: 0, perChatIntervalMs: 0, maxRetries: 3 };

/** The options from BENCH_CHAT_USERS and BENCH_CHAT_THINK_MS, else the issue's. */
export function chatOptionsFromEnv(): ChatBenchOptions {
  const users = Number(process.env.BENCH_CHAT_USERS ?? 50);
  const thinkMs = Number(process.env.BENCH_CHAT_THINK_MS ?? 1000);
  if (!(users >= 1) || !(thinkMs >= 0)) throw new Error('BENCH_CHAT_USERS >= 1, _THINK_MS >= 0');
  return { users, thinkMs };
}

/**
 * Runs, one after another and each on a fresh database of its own on the server of `serverUrl`
 * (dropped afterwards): Telegram long polling with pacing off (the bot's own cost), Telegram with its
 * real pacing (30 sends a second overall, 1 a second per chat), Slack over HTTP and Discord over
 * the gateway, each with `users` users clicking through a booking at once.
 */
export async function runChatRoundTripBench(
  serverUrl: string,
  options: ChatBenchOptions,
): Promise<ChatBenchResult> {
  const { users, thinkMs } = options;
  const runs: ChatRun[] = [];
  const add = async (
    name: string,
    latencyTarget: boolean,
    run: (db: Database) => Promise<PlatformRun>,
  ) => {
    // A database per run: the same slots free for each, and update ids the fake reuses unseen.
    const database = await createChatBenchDatabase(serverUrl, `slotline_chat_${process.pid}`);
    try {
      runs.push({ name, latencyTarget, figures: figuresOf(await run(database.db)) });
    } finally {
      await database.drop();
    }
  };
  await add('telegram', true, (db) =>
    runTelegramUsers(db, { users, thinkMs, rateLimits: NO_PACING, firstUserId: 10_000 }),
  );
  await add('telegram, Telegram pacing', false, (db) =>
    runTelegramUsers(db, { users, thinkMs, rateLimits: TELEGRAM_RATE_LIMITS, firstUserId: 10_000 }),
  );
  await add('slack', true, (db) => runSlackUsers(db, { users, thinkMs, firstUser: 0 }));
  await add('discord', true, (db) => runDiscordUsers(db, { users, thinkMs, firstUser: 0 }));
  return { ...options, runs, targetsMet: runs.every((r) => runMet(r, users)) };
}

function runMet(run: ChatRun, users: number): boolean {
  const f = run.figures;
  const whole = f.lost === 0 && f.duplicates === 0 && f.booked === users;
  return whole && (!run.latencyTarget || f.allReplies.p99 <= TARGET_P99_MS);
}

const met = (ok: boolean) => (ok ? 'met' : 'NOT met');

/** Prints each platform's figures with their targets. */
export function printChatRoundTripBench(result: ChatBenchResult): void {
  console.log(
    `chat round trip: ${result.users} users at once per platform, each clicking through a booking (${result.thinkMs} ms between a reply and the next click)`,
  );
  for (const { name, latencyTarget, figures: f } of result.runs) {
    const target = latencyTarget
      ? `(target p99 <= ${TARGET_P99_MS} ms: ${met(f.allReplies.p99 <= TARGET_P99_MS)})`
      : '(no latency target: the pacing holds replies by design)';
    console.log(`  ${name}: ${f.updates} updates, ${f.booked}/${f.users} booked`);
    console.log(
      `    update in to last reply out: p50 ${f.allReplies.p50} ms, p99 ${f.allReplies.p99} ms ${target}`,
    );
    console.log(
      `    update in to first reply out: p50 ${f.firstReply.p50} ms, p99 ${f.firstReply.p99} ms`,
    );
    console.log(
      `    engine alone (handleChatEvent): p50 ${f.engine.p50} ms, p99 ${f.engine.p99} ms`,
    );
    console.log(
      `    lost ${f.lost} (target 0: ${met(f.lost === 0)}), handled twice ${f.duplicates} (target 0: ${met(f.duplicates === 0)}), booked ${f.booked} (target ${f.users}: ${met(f.booked === f.users)})`,
    );
  }
  console.log(`chat round trip targets: ${met(result.targetsMet)}`);
}
