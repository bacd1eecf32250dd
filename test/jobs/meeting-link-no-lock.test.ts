// A Zoom link is made with no lock, transaction or second connection held; a lost race deletes its meeting.
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../src/db/database.ts';
import { appointments } from '../../src/db/schema/appointments.ts';
import { readChangeMailFacts } from '../../src/jobs/change-mail-facts.ts';
import { ensureMeetingLink } from '../../src/jobs/ensure-meeting-link.ts';
import type { JobsDeps } from '../../src/jobs/jobs-deps.ts';
import type {
  MeetingInput,
  MeetingLink,
  MeetingProvider,
} from '../../src/meetings/meeting-provider.ts';
import { createZoomProvider } from '../../src/meetings/zoom-provider.ts';
import { RecordingMessenger } from '../chat/chat-harness.ts';
import { type FakeZoomApi, startFakeZoomApi } from '../fakes/zoom-api.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { book, RecordingMailer, seedParties, silentLogger } from './jobs-fixtures.ts';

const NOW = new Date('2026-11-30T06:00:00Z');
const credentials = { accountId: 'acct-1', clientId: 'client-1', clientSecret: 'secret-1' };
let test: TestDatabase;
// One connection only: a link made while holding it and waiting for a second would time out.
let single: DatabaseHandle;
let zoom: FakeZoomApi;

beforeAll(async () => {
  test = await createTestDatabase();
  single = openDatabase(test.url, { max: 1 });
  zoom = await startFakeZoomApi({ ...credentials, expiresInSeconds: 3599 });
});
afterAll(async () => {
  await single.close();
  await zoom.close();
});

type Probe = { readonly advisoryLocks: number; readonly openTransactions: number };

/** Advisory locks and open transactions of the test database, seen from a connection of its own. */
async function probe(): Promise<Probe> {
  const client = new pg.Client({ connectionString: test.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ advisory: string; open: string }>(
      `select
        (select count(*) from pg_locks l join pg_stat_activity a on a.pid = l.pid
          where l.locktype = 'advisory' and a.datname = current_database()) as advisory,
        (select count(*) from pg_stat_activity where datname = current_database()
          and pid <> pg_backend_pid() and state like 'idle in transaction%') as open`,
    );
    return { advisoryLocks: Number(rows[0]?.advisory), openTransactions: Number(rows[0]?.open) };
  } finally {
    await client.end();
  }
}

/**
 * The real Zoom client against the fake, wrapped so each create looks at the database from
 * outside and then reads through the one-connection pool, and `during` runs mid-call.
 */
function probedZoom(seen: Probe[], during: () => Promise<void>) {
  const real = createZoomProvider({
    ...credentials,
    apiUrl: zoom.url,
    oauthUrl: zoom.url,
    clock: () => NOW,
  });
  const deleted: MeetingLink[] = [];
  const provider: MeetingProvider = {
    name: 'zoom',
    async createMeeting(input: MeetingInput) {
      seen.push(await probe());
      await single.db.select({ id: appointments.id }).from(appointments).limit(1);
      await during();
      return real.createMeeting(input);
    },
    async deleteMeeting(link: MeetingLink) {
      deleted.push(link);
      await real.deleteMeeting?.(link);
    },
  };
  return { provider, deleted };
}

function depsWith(provider: MeetingProvider): JobsDeps {
  return {
    db: single.db,
    messenger: new RecordingMessenger(),
    mailer: new RecordingMailer(),
    logger: silentLogger,
    clock: () => NOW,
    meetings: { kind: 'provider', provider },
  };
}

async function virtualBooking() {
  const parties = await seedParties(test, { service: { isVirtual: true } });
  const appointment = await book(test.pool, parties, new Date('2026-12-02T10:00:00Z'), NOW);
  const facts = await readChangeMailFacts(test.db, appointment.id);
  if (facts === null) throw new Error('no facts');
  return facts;
}

async function storedLink(appointmentId: string): Promise<string | null> {
  const [row] = await test.db
    .select({ link: appointments.meetingLink })
    .from(appointments)
    .where(eq(appointments.id, appointmentId));
  return row?.link ?? null;
}

describe('a Zoom link', () => {
  it('is made with no lock or transaction held, on a pool of one connection', async () => {
    const facts = await virtualBooking();
    const seen: Probe[] = [];
    const { provider } = probedZoom(seen, async () => {});
    const request = { facts, kind: 'confirmation' as const, jobId: 'job-1' };
    const link = await ensureMeetingLink(depsWith(provider), request);
    expect(link).toMatch(/^https:\/\/us05web\.zoom\.us\/j\/\d+/);
    expect(await storedLink(facts.appointmentId)).toBe(link);
    expect(seen).toEqual([{ advisoryLocks: 0, openTransactions: 0 }]);
  });

  it('keeps the link stored first when two jobs race, and deletes the other meeting', async () => {
    const facts = await virtualBooking();
    const seen: Probe[] = [];
    let other: Promise<string | null> | null = null;
    const { provider, deleted } = probedZoom(seen, async () => {
      // While the first job is at Zoom, a second job makes and stores its own link.
      if (other !== null) return;
      other = ensureMeetingLink(depsWith(provider), { facts, kind: 'confirmation', jobId: 'b' });
      await other;
    });
    const first = await ensureMeetingLink(depsWith(provider), {
      facts,
      kind: 'confirmation',
      jobId: 'a',
    });
    const second = await other;
    const stored = await storedLink(facts.appointmentId);
    expect(first).toBe(stored);
    expect(second).toBe(stored);
    expect(deleted).toHaveLength(1);
    expect(deleted[0]?.url).not.toBe(stored);
    expect(zoom.meetingCalls().filter((c) => c.method === 'DELETE')).toHaveLength(1);
    expect(seen.every((s) => s.advisoryLocks === 0 && s.openTransactions === 0)).toBe(true);
  });
});
