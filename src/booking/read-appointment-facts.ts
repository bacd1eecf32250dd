// One appointment with its service, client and provider, as its calendar event and change mails tell it.
import { eq } from 'drizzle-orm';
import type { Queryable } from '../db/database.ts';
import { appointments } from '../db/schema/appointments.ts';
import { clients } from '../db/schema/clients.ts';
import { providers, services } from '../db/schema/providers.ts';

/** What a calendar push and a change mail read of an appointment, in one query. */
export type AppointmentFacts = NonNullable<Awaited<ReturnType<typeof readAppointmentFacts>>>;

/** Appointment `appointmentId` as it is now, with its service, provider and client; null when gone. */
export async function readAppointmentFacts(db: Queryable, appointmentId: string) {
  const [row] = await db
    .select({
      appointmentId: appointments.id,
      providerId: appointments.providerId,
      status: appointments.status,
      startTime: appointments.startTime,
      endTime: appointments.endTime,
      notes: appointments.notes,
      meetingLink: appointments.meetingLink,
      externalEventId: appointments.externalEventId,
      price: appointments.price,
      serviceName: services.name,
      durationMinutes: services.durationMinutes,
      isVirtual: services.isVirtual,
      providerName: providers.name,
      providerEmail: providers.email,
      providerTimezone: providers.timezone,
      providerLanguage: providers.language,
      clientName: clients.name,
      clientEmail: clients.email,
      clientTimezone: clients.timezone,
      clientLanguage: clients.language,
    })
    .from(appointments)
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .innerJoin(providers, eq(providers.id, appointments.providerId))
    .innerJoin(clients, eq(clients.id, appointments.clientId))
    .where(eq(appointments.id, appointmentId));
  return row ?? null;
}
