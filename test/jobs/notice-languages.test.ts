// Each party reads a change in their own stored language: a German client, an English provider.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelAppointment } from '../../src/booking/cancel-appointment.ts';
import { type Jobs, startJobs } from '../../src/jobs/start-jobs.ts';
import { RecordingMessenger } from '../chat/chat-harness.ts';
import { createTestDatabase } from '../support/test-database.ts';
import { HOUR, sleep, waitFor } from './job-inspection.ts';
import { book, move, RecordingMailer, seedParties, silentLogger } from './jobs-fixtures.ts';

const db = await createTestDatabase();
const messenger = new RecordingMessenger();
let jobs: Jobs;

beforeAll(async () => {
  const deps = { databaseUrl: db.url, db: db.db, messenger, mailer: new RecordingMailer() };
  const clock = () => new Date();
  jobs = await startJobs({ ...deps, logger: silentLogger, clock }, { pollingIntervalSeconds: 0.5 });
});
afterAll(() => jobs.stop());

const later = (hours: number) =>
  new Date(Math.floor(Date.now() / 1000) * 1000 + (240 + hours) * HOUR);
const texts = (user: string | null, word: RegExp) =>
  messenger.sent
    .filter((s) => s.to.platformUserId === user && word.test(s.message.text))
    .map((s) => s.message.text);

async function partiesSpeaking(client: string, provider: string) {
  const p = await seedParties(db);
  await db.pool.query('update clients set language = $1 where id = $2', [client, p.clientId]);
  await db.pool.query('update providers set language = $1 where id = $2', [provider, p.providerId]);
  return p;
}

describe('notices in the recipient’s language', () => {
  it('tells a German client and an English provider of the same move, each in their own', async () => {
    const p = await partiesSpeaking('de', 'en');
    const a = await book(db.pool, p, later(1), new Date());
    await move(db, a.id, later(3), new Date());
    await jobs.relayOnce();
    const toClient = () => texts(p.clientChat, /verschoben|moved/);
    const toProvider = () => texts(p.providerChat, /verschoben|moved/);
    await waitFor(() => toClient().length > 0 && toProvider().length > 0);
    await sleep(500);
    expect(toClient()).toEqual([expect.stringMatching(/^Ihr Termin Massage bei Anna Weber wurde/)]);
    expect(toClient()[0]).toContain('(Ihre Zeit, London)');
    expect(toProvider()).toEqual([expect.stringMatching(/^Sam Client's Massage moved from/)]);
  });

  it('tells an English client and a German provider of a cancel, each in their own', async () => {
    const p = await partiesSpeaking('en', 'de');
    const a = await book(db.pool, p, later(5), new Date());
    const input = { appointmentId: a.id, by: 'PROVIDER', actor: 'admin', reason: null } as const;
    expect((await cancelAppointment(db.db, input, new Date())).ok).toBe(true);
    await jobs.relayOnce();
    const toClient = () => texts(p.clientChat, /cancelled/);
    const toProvider = () => texts(p.providerChat, /Neue Buchung/);
    await waitFor(() => toClient().length > 0 && toProvider().length > 0);
    expect(toClient()).toEqual([expect.stringMatching(/^Anna Weber cancelled Massage on /)]);
    expect(toProvider()).toEqual([expect.stringMatching(/^Neue Buchung: Sam Client hat Massage/)]);
  });
});
