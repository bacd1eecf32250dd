// Worker thread: one Slotline instance's background jobs for the reminder burst bench.
import { parentPort, workerData } from 'node:worker_threads';
import { createTelegramAdapter } from '../bots/telegram/create-telegram-adapter.ts';
import { openDatabase } from '../src/db/database.ts';
import { BACKGROUND_TIMEOUTS } from '../src/db/database-timeouts.ts';
import { startJobs } from '../src/jobs/start-jobs.ts';
import { createSmtpMailer } from '../src/mail/smtp-mailer.ts';

/** What the bench hands the instance. */
export type BurstInstanceInput = {
  readonly url: string;
  readonly smtpUrl: string;
  /** The fake Bot API the real grammY client (with its rate-limit transformer) talks to. */
  readonly telegramApiRoot: string;
  readonly telegramToken: string;
};
/** Posted to the bench: the jobs run, or they stopped. */
export type BurstInstanceMessage = { kind: 'ready' } | { kind: 'stopped' };

const input = workerData as BurstInstanceInput;
const port = parentPort;
if (!port) throw new Error('reminder-burst-instance runs as a worker thread');
const post = (message: BurstInstanceMessage) => port.postMessage(message);

const silent = { info: () => {}, warn: () => {}, error: () => {} };
// Faults must show in the bench output; the fields are dropped (they may name people).
const logger = {
  ...silent,
  error: (_fields: Record<string, unknown>, message?: string) => console.error(message),
};
const clock = () => new Date();

// As src/main.ts composes them: the Telegram adapter's messenger (grammY, TELEGRAM_RATE_LIMITS),
// the SMTP mailer, a background pool and startJobs with its default pg-boss settings. The adapter
// is never started: the bench has no updates to poll, only DMs to send.
const adapter = createTelegramAdapter({
  token: input.telegramToken,
  apiRoot: input.telegramApiRoot,
  webhookSecret: null,
  publicUrl: null,
  handle: async () => [],
  logger: silent,
});
const mailer = createSmtpMailer({
  smtpUrl: input.smtpUrl,
  from: 'Bench <bench@example.test>',
  logger,
  clock,
});
const background = openDatabase(input.url, { timeouts: BACKGROUND_TIMEOUTS, name: 'bench-bg' });
const jobs = await startJobs({
  databaseUrl: input.url,
  db: background.db,
  messenger: adapter.messenger,
  mailer,
  logger,
  clock,
});
post({ kind: 'ready' });

port.on('message', async (message: { kind: string }) => {
  if (message.kind !== 'stop') return;
  await jobs.stop();
  await background.close();
  post({ kind: 'stopped' });
});
