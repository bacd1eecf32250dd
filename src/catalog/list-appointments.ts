// Lists appointments matching optional filters, page by page, in start-time order.
import { and, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db/database.ts';
import { appointments } from '../db/schema/appointments.ts';
import type { Appointment, AppointmentStatus } from '../domain/appointment.ts';
import { isUuid } from '../domain/is-uuid.ts';
import type { InvalidInput, Ok } from '../domain/outcome.ts';
import { ok } from '../domain/outcome.ts';
import { invalidField } from './field-issue.ts';
import { decodeInstantIdCursor, readInstantIdPage } from './list-oldest-first.ts';
import type { Page, PageRequest } from './page.ts';

/** Every filter is optional (null); they combine with AND. */
export type AppointmentFilter = {
  readonly providerId: string | null;
  readonly clientId: string | null;
  readonly status: AppointmentStatus | null;
  /** Appointments starting at or after this instant. */
  readonly from: Date | null;
  /** Appointments starting before this instant. */
  readonly to: Date | null;
};

/**
 * One page of matching appointments ordered by (start_time, id). A malformed provider or client
 * id matches nothing, like an unknown one. VALIDATION_ERROR when `to` is before `from` or for a
 * foreign cursor.
 */
export async function listAppointments(
  q: Queryable,
  filter: AppointmentFilter,
  page: PageRequest,
): Promise<Ok<Page<Appointment>> | InvalidInput> {
  if (filter.from && filter.to && filter.to < filter.from) {
    return invalidField(['to'], 'to must not be before from');
  }
  const cursor = decodeInstantIdCursor(page.cursor);
  if (!cursor.ok) return cursor;
  if (!knownIdForm(filter.providerId) || !knownIdForm(filter.clientId))
    return ok({ items: [], nextCursor: null });
  const where = and(...conditions(filter));
  const query = { instant: appointments.startTime, where, after: cursor.value, limit: page.limit };
  return ok(await readInstantIdPage(q, appointments, query));
}

function knownIdForm(id: string | null): boolean {
  return id === null || isUuid(id);
}

function conditions(f: AppointmentFilter): (SQL | undefined)[] {
  return [
    f.providerId === null ? undefined : eq(appointments.providerId, f.providerId),
    f.clientId === null ? undefined : eq(appointments.clientId, f.clientId),
    f.status === null ? undefined : eq(appointments.status, f.status),
    f.from === null ? undefined : gte(appointments.startTime, f.from),
    f.to === null ? undefined : lt(appointments.startTime, f.to),
  ];
}
