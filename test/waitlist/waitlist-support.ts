// Shared set-up for waitlist tests: a provider with one Friday slot, clients in line for it.
import { cancelAppointment } from '../../src/booking/cancel-appointment.ts';
import type { Database } from '../../src/db/database.ts';
import { type JoinRequest, joinWaitlist } from '../../src/waitlist/join-waitlist.ts';
import { bookAsAdmin } from '../support/book-as-admin.ts';
import { addClient, createFixture, type Fixture } from '../support/fixtures.ts';

/** Friday 2026-12-04 10:00 in Berlin: the provider's only hour that week. */
export const FRIDAY_TEN = new Date('2026-12-04T09:00:00Z');

/** A provider working Fridays 10:00-11:00 (Berlin), one 60-minute service, a client. */
export function oneSlotProvider(
  db: Database,
  windows?: [number, string, string][],
): Promise<Fixture> {
  return createFixture(db, { windows: windows ?? [[4, '10:00', '11:00']] });
}

/** Books `start` for a new client (as admin); the appointment id. */
export async function bookForSomeone(
  db: Database,
  f: Fixture,
  start: Date,
  now: Date,
): Promise<string> {
  const clientId = await addClient(db, 'Someone');
  const result = await bookAsAdmin(db, { ...f, clientId }, start, now);
  if (!result.ok) throw new Error(`could not book: ${result.code}`);
  return result.value.appointment.id;
}

export async function cancel(db: Database, appointmentId: string, now: Date): Promise<void> {
  const result = await cancelAppointment(
    db,
    { appointmentId, actor: 'admin', by: 'PROVIDER', reason: null },
    now,
  );
  if (!result.ok) throw new Error(`could not cancel: ${result.code}`);
}

/** A new client in line for the Friday (Berlin wall clock unless told); its client and entry. */
export async function wait(
  db: Database,
  f: Fixture,
  now: Date,
  overrides: Partial<JoinRequest> = {},
): Promise<{ clientId: string; entryId: string }> {
  const clientId = await addClient(db, 'Waiting');
  const joined = await joinWaitlist(
    db,
    {
      clientId,
      providerId: f.providerId,
      serviceId: f.serviceId,
      fromDate: '2026-12-04',
      toDate: '2026-12-04',
      partOfDay: 'ANY',
      timezone: 'Europe/Berlin',
      ...overrides,
    },
    now,
  );
  if (!joined.ok) throw new Error(`could not join: ${joined.code}`);
  return { clientId, entryId: joined.value.id };
}

export function minutesAfter(at: Date, minutes: number): Date {
  return new Date(at.getTime() + minutes * 60_000);
}
