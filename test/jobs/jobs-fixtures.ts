// Test data for the jobs: parties with chat identities and emails, bookings and moves written
// through the core's own statements, and a recording mailer.
import { randomBytes } from 'node:crypto';
import { insertBooking } from '../../src/booking/insert-booking.ts';
import { lockAppointmentRow, moveAppointment } from '../../src/booking/move-appointment.ts';
import { type SqlClient, withPgTransaction } from '../../src/db/pg-transaction.ts';
import { chatIdentities } from '../../src/db/schema/chat.ts';
import { clients } from '../../src/db/schema/clients.ts';
import { providers, type services } from '../../src/db/schema/providers.ts';
import type { Appointment, AppointmentStatus } from '../../src/domain/appointment.ts';
import type { Mailer, MailMessage } from '../../src/mail/mail-types.ts';
import { MailRejectedError } from '../../src/mail/mail-types.ts';
import { addService } from '../support/fixtures.ts';
import type { TestDatabase } from '../support/test-database.ts';

/** Collects what the jobs mail; addresses in `rejectFor` are refused for good. */
export class RecordingMailer implements Mailer {
  readonly sent: MailMessage[] = [];
  readonly rejectFor = new Set<string>();
  async send(message: MailMessage): Promise<void> {
    if (this.rejectFor.has(message.to)) throw new MailRejectedError('550 mailbox unavailable');
    this.sent.push(message);
  }
  to(address: string): MailMessage[] {
    return this.sent.filter((m) => m.to === address);
  }
  /** The reminder mails to `address`, leaving out the change mails (confirmation, moves, ...). */
  reminders(address: string): MailMessage[] {
    return this.to(address).filter((m) => m.subject.startsWith('Reminder: in'));
  }
}

/** The reminder DMs among `sent` to `user` (other DMs, such as booking notices, left out). */
export function reminderDms<
  T extends { to: { platformUserId: string }; message: { text: string } },
>(sent: readonly T[], user: string | null): T[] {
  return sent.filter((s) => s.to.platformUserId === user && s.message.text.startsWith('Reminder'));
}

export const silentLogger = { info: () => {}, warn: () => {}, error: () => {} };

export type Parties = {
  providerId: string;
  serviceId: string;
  clientId: string;
  /** Chat user ids (telegram) and email addresses; null where the person has none. */
  clientChat: string | null;
  providerChat: string | null;
  clientEmail: string | null;
  providerEmail: string | null;
};

/** A provider with a 60-minute service and a client, each with one chat identity and an email. */
export async function seedParties(
  db: TestDatabase,
  options: {
    clientChat?: boolean;
    clientEmail?: boolean;
    service?: Partial<typeof services.$inferInsert>;
  } = {},
): Promise<Parties> {
  const tag = randomBytes(4).toString('hex');
  const providerEmail = `provider-${tag}@example.test`;
  const clientEmail = options.clientEmail === false ? null : `client-${tag}@example.test`;
  const [provider] = await db.db
    .insert(providers)
    .values({
      name: 'Anna Weber',
      type: 'THERAPIST',
      timezone: 'Europe/Berlin',
      email: providerEmail,
    })
    .returning();
  const [client] = await db.db
    .insert(clients)
    .values({ name: 'Sam Client', timezone: 'Europe/London', email: clientEmail })
    .returning();
  if (!provider || !client) throw new Error('no parties');
  const serviceId = await addService(db.db, provider.id, {
    name: 'Massage',
    ...options.service,
  });
  const providerChat = `p${tag}`;
  const clientChat = options.clientChat === false ? null : `c${tag}`;
  const chat = (platformUserId: string) => ({
    platform: 'telegram',
    platformUserId,
    displayName: platformUserId,
  });
  await db.db.insert(chatIdentities).values({ ...chat(providerChat), providerId: provider.id });
  if (clientChat)
    await db.db.insert(chatIdentities).values({ ...chat(clientChat), clientId: client.id });
  return {
    providerId: provider.id,
    serviceId,
    clientId: client.id,
    clientChat,
    providerChat,
    clientEmail,
    providerEmail,
  };
}

/** Books through the core's insert: the appointment, its BOOKED event and its idempotency key. */
export async function book(
  client: SqlClient,
  p: Parties,
  start: Date,
  now: Date,
  status: AppointmentStatus = 'CONFIRMED',
): Promise<Appointment> {
  const end = new Date(start.getTime() + 3_600_000);
  return insertBooking(
    client,
    {
      providerId: p.providerId,
      clientId: p.clientId,
      serviceId: p.serviceId,
      startTime: start,
      endTime: end,
      blockedUntil: end,
      status,
      amountDue: 0,
      holdExpiresAt: null,
      notes: null,
      price: 5000,
      currency: 'EUR',
      actor: `client:${p.clientId}`,
      key: { scope: `client:${p.clientId}`, key: randomBytes(8).toString('hex'), requestHash: 'h' },
    },
    now,
  );
}

/** Moves the appointment through the core's reschedule statement (no slot rules: tests pick times). */
export async function move(db: TestDatabase, id: string, start: Date, now: Date): Promise<void> {
  await withPgTransaction(db.pool, async (client) => {
    const current = await lockAppointmentRow(client, id);
    if (!current) throw new Error('no appointment');
    const end = new Date(start.getTime() + 3_600_000);
    await moveAppointment(
      client,
      { startTime: start, endTime: end, blockedUntil: end, current, actor: 'admin' },
      now,
    );
  });
}
