// Reminder burst: thousands of 48 h reminders due at one instant, by SMTP and by Telegram DM.
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import { SMTPServer } from 'smtp-server';
import { runMigrations } from '../src/db/run-migrations.ts';
import { type FakeTelegram, startFakeTelegram } from '../test/fakes/telegram-api.ts';
import { runAdminStatement, withDatabase } from './bench-database.ts';
import type { BurstInstanceInput, BurstInstanceMessage } from './reminder-burst-instance.ts';
import { type BurstRecipients, bookAndSchedule, seedBurstParties } from './reminder-burst-seed.ts';

export type ReminderBurstResult = {
  /** Appointments whose 48 h reminders fell due together (BENCH_REMINDER_COUNT). */
  readonly count: number;
  readonly email: {
    readonly expected: number;
    readonly missing: number;
    readonly duplicates: number;
    /** From the due time to the SMTP server accepting the mail. */
    readonly p50LatenessMs: number;
    readonly worstLatenessMs: number;
    /** Mails accepted per second, from the due time to the last. */
    readonly perSecond: number;
  };
  readonly dm: {
    readonly expected: number;
    readonly missing: number;
    readonly duplicates: number;
    readonly worstLatenessMs: number;
    /** DMs accepted per second, from the first accepted to the last. */
    readonly perSecond: number;
    /** 429s the fake answered, and sends that came while a flood wait still ran (ignored). */
    readonly tooManyRequests: number;
    readonly ignoredWaits: number;
  };
  readonly targetsMet: boolean;
};

export const EMAIL_LATENESS_TARGET_MS = 30_000;
/** Telegram's documented limits, and 90 % of the overall one as the rate to reach. */
export const TELEGRAM_PER_SECOND = 30;
export const DM_RATE_TARGET = 0.9 * TELEGRAM_PER_SECOND;
const TOKEN = '123456:bench-burst-token';
/** Time from the end of seeding to the instant the reminders fall due: jobs are polled by then. */
const LEAD_MS = 10_000;
const QUIET_MS = 3_000;

/** BENCH_REMINDER_COUNT, default 5,000 (the figure). */
export function reminderCountFromEnv(): number {
  const count = Number(process.env.BENCH_REMINDER_COUNT ?? 5_000);
  if (!Number.isInteger(count) || count <= 0) {
    throw new Error('BENCH_REMINDER_COUNT must be a positive integer');
  }
  return count;
}

/**
 * Creates a database of its own on the server of `serverUrl` (dropped afterwards), starts a local
 * SMTP server, a Telegram fake enforcing 30 messages/s overall and 1/s per chat (429 with
 * retry_after, then a flood wait), and one instance's jobs in a worker thread; seeds `count`
 * confirmed appointments whose 48 h reminders fall due at one instant, and waits until every mail
 * and DM arrived (or far past the time they should need), then a little more for duplicates.
 */
export async function runReminderBurstBench(
  serverUrl: string,
  count: number,
): Promise<ReminderBurstResult> {
  const name = `slotline_burst_${process.pid}`;
  await runAdminStatement(serverUrl, `create database ${name}`);
  const url = withDatabase(serverUrl, name);
  const mails = new Map<string, number[]>();
  const smtp = await startSmtp(mails);
  const telegram = await startFakeTelegram({
    token: TOKEN,
    floodLimits: { perChatMs: 1_000, perSecond: TELEGRAM_PER_SECOND, retryAfterSeconds: 1 },
  });
  let worker: Worker | null = null;
  try {
    await runMigrations(url);
    const tag = randomUUID().slice(0, 8);
    const { parties, recipients } = await seedBurstParties(url, count, tag);
    worker = await startInstance({
      url,
      smtpUrl: smtp.url,
      telegramApiRoot: telegram.apiRoot,
      telegramToken: TOKEN,
    });
    const due = new Date(Date.now() + LEAD_MS + count);
    await bookAndSchedule(url, parties, due);
    if (Date.now() >= due.getTime()) throw new Error('seeding ran past the due time');
    const deadline = due.getTime() + 60_000 + (2_000 * count) / DM_RATE_TARGET;
    await waitUntil(() => allArrived(recipients, mails, telegram), deadline);
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    return measure(count, due.getTime(), recipients, mails, telegram);
  } finally {
    if (worker) await stopInstance(worker);
    await telegram.close();
    await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
    await runAdminStatement(serverUrl, `drop database if exists ${name} with (force)`);
  }
}

/** Prints each figure with its target. */
export function printReminderBurstBench(r: ReminderBurstResult): void {
  const s = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(1)} s` : '-');
  const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const { email: e, dm: d } = r;
  console.log(
    `Reminder burst: ${r.count} appointments (BENCH_REMINDER_COUNT, default 5000), their 48 h reminders due at one instant; one instance, mails to a local SMTP server, DMs through grammY to a Telegram fake enforcing ${TELEGRAM_PER_SECOND}/s overall and 1/s per chat`,
  );
  console.log(
    `  emails (client and provider, ${e.expected}): worst lateness ${s(e.worstLatenessMs)} (target <= ${EMAIL_LATENESS_TARGET_MS / 1000} s): ${met(emailMet(r))}  p50 ${s(e.p50LatenessMs)}  rate ${e.perSecond.toFixed(0)}/s  missing ${e.missing}  duplicates ${e.duplicates}`,
  );
  console.log(
    `  DMs (clients, distinct chats, ${d.expected}): rate ${d.perSecond.toFixed(1)}/s (target >= ${DM_RATE_TARGET}/s, 90% of ${TELEGRAM_PER_SECOND}/s): ${met(d.perSecond >= DM_RATE_TARGET)}  worst lateness ${s(d.worstLatenessMs)}  missing ${d.missing}  duplicates ${d.duplicates}`,
  );
  console.log(
    `  429s received ${d.tooManyRequests}, sends during a flood wait ${d.ignoredWaits} (target 0: honoured): ${met(d.ignoredWaits === 0)}`,
  );
  console.log(`  targets: ${met(r.targetsMet)}`);
}

function emailMet(r: ReminderBurstResult): boolean {
  const e = r.email;
  return e.missing === 0 && e.duplicates === 0 && e.worstLatenessMs <= EMAIL_LATENESS_TARGET_MS;
}

function measure(
  count: number,
  due: number,
  recipients: BurstRecipients,
  mails: Map<string, number[]>,
  telegram: FakeTelegram,
): ReminderBurstResult {
  const mailTimes = recipients.emails.map((address) => mails.get(address) ?? []);
  const firstMails = mailTimes.flatMap((t) => (t.length ? [Math.min(...t)] : []));
  const sends = telegram.callsTo('sendMessage');
  const accepted = sends.filter((c) => c.reply.ok);
  const byChat = new Map<number, number[]>();
  for (const c of accepted) {
    const chat = Number(c.payload.chat_id);
    byChat.set(chat, [...(byChat.get(chat) ?? []), c.at]);
  }
  const dmTimes = recipients.chats.map((chat) => byChat.get(chat) ?? []);
  const dmAt = accepted.map((c) => c.at).sort((a, b) => a - b);
  const span = ((dmAt.at(-1) ?? 0) - (dmAt[0] ?? 0)) / 1000;
  const lastMail = Math.max(...firstMails);
  const email = {
    expected: recipients.emails.length,
    missing: mailTimes.filter((t) => t.length === 0).length,
    duplicates: mailTimes.reduce((n, t) => n + Math.max(0, t.length - 1), 0),
    p50LatenessMs: percentile(
      firstMails.map((t) => t - due),
      0.5,
    ),
    worstLatenessMs: lastMail - due,
    perSecond: firstMails.length / Math.max(0.001, (lastMail - due) / 1000),
  };
  const dm = {
    expected: recipients.chats.length,
    missing: dmTimes.filter((t) => t.length === 0).length,
    duplicates: dmTimes.reduce((n, t) => n + Math.max(0, t.length - 1), 0),
    worstLatenessMs: (dmAt.at(-1) ?? Number.NaN) - due,
    perSecond: span > 0 ? (dmAt.length - 1) / span : 0,
    tooManyRequests: sends.filter((c) => !c.reply.ok && c.reply.error_code === 429).length,
    ignoredWaits: telegram.ignoredFloodWaits(),
  };
  const result = { count, email, dm, targetsMet: false };
  const dmMet =
    dm.missing === 0 &&
    dm.duplicates === 0 &&
    dm.perSecond >= DM_RATE_TARGET &&
    dm.ignoredWaits === 0;
  return { ...result, targetsMet: emailMet(result) && dmMet };
}

function allArrived(
  recipients: BurstRecipients,
  mails: Map<string, number[]>,
  telegram: FakeTelegram,
): boolean {
  if (!recipients.emails.every((address) => mails.has(address))) return false;
  const chats = new Set(
    telegram
      .callsTo('sendMessage')
      .filter((c) => c.reply.ok)
      .map((c) => Number(c.payload.chat_id)),
  );
  return recipients.chats.every((chat) => chats.has(chat));
}

async function waitUntil(done: () => boolean, deadline: number): Promise<void> {
  while (!done() && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

/** A local SMTP server recording when it accepted a mail for each recipient. */
async function startSmtp(mails: Map<string, number[]>) {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // A remote server's reverse lookup of 127.0.0.1 is not the app's time: leave it out.
    disableReverseLookup: true,
    // nodemailer opens a connection per mail: let a burst's worth in at once.
    maxClients: 1_000,
    onData(stream, session, callback) {
      stream.resume();
      stream.on('end', () => {
        const at = Date.now();
        for (const rcpt of session.envelope.rcptTo) {
          mails.set(rcpt.address, [...(mails.get(rcpt.address) ?? []), at]);
        }
        callback();
      });
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  const { port } = server.server.address() as AddressInfo;
  return { server, url: `smtp://127.0.0.1:${port}` };
}

async function startInstance(input: BurstInstanceInput): Promise<Worker> {
  const worker = new Worker(new URL('./reminder-burst-instance.ts', import.meta.url), {
    workerData: input,
  });
  const [ready] = (await once(worker, 'message')) as [BurstInstanceMessage];
  if (ready.kind !== 'ready') throw new Error('instance did not start');
  return worker;
}

async function stopInstance(worker: Worker): Promise<void> {
  const stopped = new Promise<void>((resolve) => {
    worker.on('message', (m: BurstInstanceMessage) => {
      if (m.kind === 'stopped') resolve();
    });
    worker.once('exit', () => resolve());
  });
  worker.postMessage({ kind: 'stop' });
  await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, 30_000))]);
  await worker.terminate();
}

function percentile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
}
