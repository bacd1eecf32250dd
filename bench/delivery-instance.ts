// Worker thread: one Slotline instance for the delivery bench (HTTP app, relay nudge, jobs).
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';
import { serve } from '@hono/node-server';
import type { ChatAddress, Messenger } from '../src/chat/chat-types.ts';
import { openDatabase } from '../src/db/database.ts';
import { BACKGROUND_TIMEOUTS, REQUEST_TIMEOUTS } from '../src/db/database-timeouts.ts';
import { createApp } from '../src/http/create-app.ts';
import { createRelayNudge } from '../src/jobs/relay-nudge.ts';
import { type Jobs, startJobs } from '../src/jobs/start-jobs.ts';
import { createSmtpMailer } from '../src/mail/smtp-mailer.ts';

/** What the bench hands each instance. */
export type InstanceInput = {
  url: string;
  smtpUrl: string;
  token: string;
  /** How long the chat platform takes to answer a DM, as a remote API would. */
  dmDelayMs: number;
};
/** Posted to the bench: the instance listens, a DM went out, or the instance stopped. */
export type InstanceMessage =
  | { kind: 'ready'; port: number }
  | { kind: 'dm'; user: string; text: string; at: number }
  | { kind: 'stopped' };

const { url, smtpUrl, token, dmDelayMs } = workerData as InstanceInput;
const port = parentPort;
if (!port) throw new Error('delivery-instance runs as a worker thread');
const post = (message: InstanceMessage) => port.postMessage(message);

const silent = { info: () => {}, warn: () => {}, error: () => {} };
// Faults must show in the bench output; the fields are dropped (they may name people).
const logger = {
  ...silent,
  error: (_fields: Record<string, unknown>, message?: string) => console.error(message),
};
const clock = () => new Date();
/** Records each DM with the wall-clock time the chat platform accepted it. */
const messenger: Messenger = {
  async send(to: ChatAddress, message) {
    if (dmDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, dmDelayMs));
    post({ kind: 'dm', user: to.platformUserId, text: message.text, at: Date.now() });
    return [];
  },
  async edit() {},
};

// As in production (src/main.ts): a request pool, a background pool for the jobs, and startJobs
// with its default pg-boss settings.
const handle = openDatabase(url, { timeouts: REQUEST_TIMEOUTS, name: 'bench-requests' });
const background = openDatabase(url, { timeouts: BACKGROUND_TIMEOUTS, name: 'bench-background' });
let jobs: Jobs | null = null;
const relayChanges = createRelayNudge(() => (jobs ? jobs.relayOnce() : Promise.resolve(0)), silent);
const app = createApp({
  db: handle.db,
  adminToken: token,
  clock,
  noShowLockoutDays: 30,
  logger: silent,
  relayChanges,
});
const mailer = createSmtpMailer({ smtpUrl, from: 'Bench <bench@example.test>', logger, clock });
jobs = await startJobs({ databaseUrl: url, db: background.db, messenger, mailer, logger, clock });
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
await once(server, 'listening');
post({ kind: 'ready', port: (server.address() as AddressInfo).port });

port.on('message', async (message: { kind: string }) => {
  if (message.kind !== 'stop') return;
  server.close();
  await jobs?.stop();
  await handle.close();
  await background.close();
  post({ kind: 'stopped' });
});
