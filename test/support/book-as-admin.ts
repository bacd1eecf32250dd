// Books for a fixture's client as admin, straight through bookAppointment: the tests' direct booking.
import { randomUUID } from 'node:crypto';
import { bookAppointment } from '../../src/booking/book-appointment.ts';
import type { Database } from '../../src/db/database.ts';
import type { Fixture } from './fixtures.ts';

/** Books `start` for `f`'s client as admin, a new idempotency key each time; bookAppointment's result. */
export function bookAsAdmin(db: Database, f: Fixture, start: Date, now: Date) {
  return bookAppointment(
    db,
    {
      ...f,
      startTime: start,
      notes: null,
      idempotencyKey: randomUUID(),
      actor: 'admin',
      paymentHoldMinutes: null,
    },
    now,
  );
}
