// Reminders falling due together go out side by side: held mails do not hold the rest back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Jobs, startJobs } from '../../src/jobs/start-jobs.ts';
import type { MailMessage } from '../../src/mail/mail-types.ts';
import { RecordingMessenger } from '../chat/chat-harness.ts';
import { createTestDatabase } from '../support/test-database.ts';
import { HOUR, sleep, waitFor } from './job-inspection.ts';
import {
  book,
  type Parties,
  RecordingMailer,
  reminderDms,
  seedParties,
  silentLogger,
} from './jobs-fixtures.ts';

/** A mail server that keeps the mails to `held` waiting until release(). */
class HoldingMailer extends RecordingMailer {
  readonly held = new Set<string>();
  #release: () => void = () => {};
  readonly #released = new Promise<void>((resolve) => {
    this.#release = resolve;
  });
  release(): void {
    this.#release();
  }
  override async send(message: MailMessage): Promise<void> {
    if (this.held.has(message.to)) await this.#released;
    return super.send(message);
  }
}

const db = await createTestDatabase();
const messenger = new RecordingMessenger();
const mailer = new HoldingMailer();
let jobs: Jobs;

beforeAll(async () => {
  const deps = { databaseUrl: db.url, db: db.db, messenger, mailer, logger: silentLogger };
  jobs = await startJobs({ ...deps, clock: () => new Date() }, { pollingIntervalSeconds: 0.5 });
});
afterAll(async () => {
  mailer.release();
  await jobs.stop();
});

describe('a burst of reminders due at once', () => {
  it('sends every mail and DM once while mails outnumbering the workers are held', async () => {
    const parties: Parties[] = [];
    for (let i = 0; i < 12; i++) parties.push(await seedParties(db));
    const now = new Date();
    const start = new Date(now.getTime() + 48 * HOUR + 2_500);
    for (const p of parties) await book(db.pool, p, start, now);
    // More held mails than the email queue has workers: sent one batch job after another, the
    // rest would wait behind them.
    const held = parties.slice(0, 3).map((p) => p.clientEmail ?? '');
    for (const address of held) mailer.held.add(address);
    await jobs.relayOnce();

    const emails = parties.flatMap((p) => [p.clientEmail ?? '', p.providerEmail ?? '']);
    const free = emails.filter((address) => !held.includes(address));
    await waitFor(() => free.every((address) => mailer.reminders(address).length > 0));
    expect(held.map((address) => mailer.reminders(address).length)).toEqual([0, 0, 0]);

    mailer.release();
    const chats = parties.flatMap((p) => [p.clientChat, p.providerChat]);
    await waitFor(
      () =>
        emails.every((address) => mailer.reminders(address).length > 0) &&
        chats.every((chat) => reminderDms(messenger.sent, chat).length > 0),
    );
    await sleep(1_000);
    for (const address of emails) expect(mailer.reminders(address)).toHaveLength(1);
    for (const chat of chats) expect(reminderDms(messenger.sent, chat)).toHaveLength(1);
  });
});
