// An appointment with the names and zones a chat message needs, in one query.
import { and, asc, eq, gt, gte, inArray, lt, ne, type SQL } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { appointments } from '../db/schema/appointments.ts';
import { clients } from '../db/schema/clients.ts';
import { providers, services } from '../db/schema/providers.ts';
import type { Appointment } from '../domain/appointment.ts';
import { ACTIVE_STATUSES } from '../domain/appointment.ts';
import { isUuid } from '../domain/is-uuid.ts';

export type AppointmentView = {
  readonly appointment: Appointment;
  readonly serviceName: string;
  /** A video appointment: its join link is appointment.meetingLink once made. Absent: in person. */
  readonly isVirtual?: boolean;
  readonly durationMinutes: number;
  readonly cancellationHours: number;
  readonly providerName: string;
  readonly providerTimezone: string;
  readonly clientName: string;
  readonly clientTimezone: string;
  /** The language DMs to each party go in (clients.language, providers.language); null: default. */
  readonly clientLanguage?: string | null;
  readonly providerLanguage?: string | null;
};

const columns = {
  appointment: appointments,
  serviceName: services.name,
  isVirtual: services.isVirtual,
  durationMinutes: services.durationMinutes,
  cancellationHours: services.cancellationHours,
  providerName: providers.name,
  providerTimezone: providers.timezone,
  clientName: clients.name,
  clientTimezone: clients.timezone,
  clientLanguage: clients.language,
  providerLanguage: providers.language,
};

function views(db: Database, where: SQL | undefined, limit: number): Promise<AppointmentView[]> {
  return db
    .select(columns)
    .from(appointments)
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .innerJoin(providers, eq(providers.id, appointments.providerId))
    .innerJoin(clients, eq(clients.id, appointments.clientId))
    .where(where)
    .orderBy(asc(appointments.startTime), asc(appointments.id))
    .limit(limit);
}

export async function readAppointmentView(
  db: Database,
  appointmentId: string,
): Promise<AppointmentView | null> {
  if (!isUuid(appointmentId)) return null;
  const [row] = await views(db, eq(appointments.id, appointmentId), 1);
  return row ?? null;
}

/** The client's PENDING and CONFIRMED appointments that start after `now`, soonest first. */
export function upcomingOfClient(
  db: Database,
  clientId: string,
  now: Date,
  limit: number,
): Promise<AppointmentView[]> {
  return views(
    db,
    and(
      eq(appointments.clientId, clientId),
      inArray(appointments.status, [...ACTIVE_STATUSES]),
      gt(appointments.startTime, now),
    ),
    limit,
  );
}

/** The provider's appointments starting in [from, to), cancelled ones left out. */
export function providerAppointmentsBetween(
  db: Database,
  providerId: string,
  from: Date,
  to: Date,
): Promise<AppointmentView[]> {
  return views(
    db,
    and(
      eq(appointments.providerId, providerId),
      ne(appointments.status, 'CANCELLED'),
      gte(appointments.startTime, from),
      lt(appointments.startTime, to),
    ),
    200,
  );
}
