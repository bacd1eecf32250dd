// Seeds the reminder burst: one provider, client and confirmed appointment per reminder, all due at once.
import { PgBoss } from 'pg-boss';
import { openDatabase } from '../src/db/database.ts';
import { appointments } from '../src/db/schema/appointments.ts';
import { chatIdentities } from '../src/db/schema/chat.ts';
import { clients } from '../src/db/schema/clients.ts';
import { providers, services } from '../src/db/schema/providers.ts';
import { createJobBatch } from '../src/jobs/job-batch.ts';
import { remindersFor } from '../src/jobs/reminder-plan.ts';

const HOUR_MS = 3_600_000;
const CHUNK = 1_000;
/** Telegram chat ids of the clients: FIRST_CHAT + i, numeric as Telegram's are. */
export const FIRST_CHAT = 5_000_000;

/** Who should hear from the burst: every mail address, and every client chat id. */
export type BurstRecipients = { readonly emails: string[]; readonly chats: number[] };

/**
 * Seeds `count` providers (email only, no chat identity), each with a 30-minute service, and
 * `count` clients (email and a Telegram identity of their own chat). One provider per appointment:
 * starts in one minute would overlap otherwise, and the exclusion constraint forbids that.
 */
export async function seedBurstParties(url: string, count: number, tag: string) {
  const handle = openDatabase(url, { max: 4 });
  try {
    const { db } = handle;
    const parties: { providerId: string; serviceId: string; clientId: string }[] = [];
    for (let from = 0; from < count; from += CHUNK) {
      const indexes = Array.from({ length: Math.min(CHUNK, count - from) }, (_, k) => from + k);
      const providerRows = await db
        .insert(providers)
        .values(
          indexes.map((i) => ({
            name: `Provider ${i}`,
            type: 'TRAINER' as const,
            timezone: 'UTC',
            email: `p${i}-${tag}@bench.test`,
          })),
        )
        .returning({ id: providers.id });
      const serviceRows = await db
        .insert(services)
        .values(
          providerRows.map((p) => ({
            providerId: p.id,
            name: 'Session',
            durationMinutes: 30,
            price: 0,
            currency: 'EUR',
            maxAdvanceDays: 365,
          })),
        )
        .returning({ id: services.id, providerId: services.providerId });
      const clientRows = await db
        .insert(clients)
        .values(
          indexes.map((i) => ({
            name: `Client ${i}`,
            timezone: 'UTC',
            email: `c${i}-${tag}@bench.test`,
          })),
        )
        .returning({ id: clients.id });
      await db.insert(chatIdentities).values(
        clientRows.map((c, k) => ({
          platform: 'telegram',
          platformUserId: String(FIRST_CHAT + from + k),
          displayName: `Client ${from + k}`,
          clientId: c.id,
        })),
      );
      parties.push(
        ...serviceRows.map((s, k) => ({
          providerId: s.providerId,
          serviceId: s.id,
          clientId: clientRows[k]?.id ?? '',
        })),
      );
    }
    const recipients: BurstRecipients = {
      emails: Array.from({ length: count }, (_, i) => [
        `p${i}-${tag}@bench.test`,
        `c${i}-${tag}@bench.test`,
      ]).flat(),
      chats: Array.from({ length: count }, (_, i) => FIRST_CHAT + i),
    };
    return { parties, recipients };
  } finally {
    await handle.close();
  }
}

type Parties = Awaited<ReturnType<typeof seedBurstParties>>['parties'];

/**
 * Books every party's appointment, CONFIRMED, 48 h after `due`, and schedules its 48 h reminder
 * jobs (email and chat, client and provider) as the relay would: the same queues and deterministic
 * ids, due at `due`. The 1 h ones are left out: they would fall due 47 hours later.
 */
export async function bookAndSchedule(url: string, parties: Parties, due: Date): Promise<void> {
  const start = new Date(due.getTime() + 48 * HOUR_MS);
  const end = new Date(start.getTime() + 30 * 60_000);
  const handle = openDatabase(url, { max: 2 });
  const boss = new PgBoss({
    connectionString: url,
    schema: 'pgboss',
    supervise: false,
    schedule: false,
  });
  boss.on('error', () => {});
  try {
    await boss.start();
    const batch = createJobBatch(boss);
    for (let from = 0; from < parties.length; from += CHUNK) {
      const rows = await handle.db
        .insert(appointments)
        .values(
          parties.slice(from, from + CHUNK).map((p) => ({
            ...p,
            startTime: start,
            endTime: end,
            blockedUntil: end,
            status: 'CONFIRMED' as const,
            price: 0,
            currency: 'EUR',
          })),
        )
        .returning({ id: appointments.id });
      for (const row of rows) {
        for (const job of remindersFor(row.id, start)) {
          if (job.data.kind === 'reminder-48h') batch.add(job);
        }
      }
    }
    await batch.flush();
  } finally {
    await boss.stop({ graceful: false });
    await handle.close();
  }
}
