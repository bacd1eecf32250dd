// Puts one appointment on its provider's calendar as it is now: created, moved or removed.
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../db/database.ts';
import { appointments } from '../db/schema/appointments.ts';
import { clients } from '../db/schema/clients.ts';
import { providers, services } from '../db/schema/providers.ts';
import { CalendarAuthError, type OutboundEvent } from './calendar-client.ts';
import { markConnectionBroken, readProviderConnection } from './calendar-connections.ts';
import type { CalendarDeps, OpenedCalendar } from './calendar-deps.ts';
import { tellBroken } from './tell-provider.ts';

export type PushOutcome =
  | 'created'
  | 'updated'
  | 'deleted'
  | 'unchanged'
  | 'no-calendar'
  | 'broken';

type Facts = NonNullable<Awaited<ReturnType<typeof readFacts>>>;

/**
 * Reconciles the provider's calendar with the appointment: a CONFIRMED one without an event gets
 * one (with a Google Meet link when `requestMeeting` and it has no link yet; the link is stored),
 * a CONFIRMED one with an event has it updated to the current times, a CANCELLED one has its
 * event deleted. PENDING, COMPLETED and NO_SHOW leave the calendar as it is. Serialised per
 * appointment with an advisory lock, so two jobs never both create. A CalendarAuthError marks
 * the connection BROKEN and tells the provider; other errors are thrown for the job to retry.
 */
export async function pushAppointment(
  deps: CalendarDeps,
  appointmentId: string,
  options: { readonly requestMeeting: boolean },
): Promise<PushOutcome> {
  try {
    return await deps.db.transaction(async (tx) => {
      await tx.execute(
        sql`select pg_advisory_xact_lock(hashtext(${`calendar-push:${appointmentId}`}))`,
      );
      const facts = await readFacts(tx, appointmentId);
      if (!facts) return 'unchanged';
      const connection = await readProviderConnection(tx, deps.key, facts.providerId);
      if (connection?.status !== 'ACTIVE') return 'no-calendar';
      return reconcile(tx, await deps.openCalendar(connection), facts, options.requestMeeting);
    });
  } catch (error) {
    if (!(error instanceof CalendarAuthError)) throw error;
    const providerId = await providerOf(deps, appointmentId);
    const connection = providerId && (await readProviderConnection(deps.db, deps.key, providerId));
    if (connection && (await markConnectionBroken(deps.db, connection.id))) {
      await tellBroken(deps, connection.providerId, connection.kind);
    }
    return 'broken';
  }
}

async function reconcile(
  tx: Tx,
  calendar: OpenedCalendar,
  facts: Facts,
  requestMeeting: boolean,
): Promise<PushOutcome> {
  const eventId = facts.externalEventId;
  if (facts.status === 'CANCELLED') {
    if (eventId === null) return 'unchanged';
    await calendar.deleteEvent(eventId);
    await tx
      .update(appointments)
      .set({ externalEventId: null })
      .where(eq(appointments.id, facts.id));
    return 'deleted';
  }
  if (facts.status !== 'CONFIRMED') return 'unchanged';
  const event = outbound(facts, requestMeeting && facts.meetingLink === null && facts.isVirtual);
  if (eventId !== null) {
    await calendar.updateEvent(eventId, event);
    return 'updated';
  }
  const created = await calendar.createEvent(event);
  await tx
    .update(appointments)
    .set({
      externalEventId: created.externalEventId,
      ...(facts.meetingLink === null && created.meetingLink
        ? { meetingLink: created.meetingLink }
        : {}),
    })
    .where(eq(appointments.id, facts.id));
  return 'created';
}

function outbound(facts: Facts, requestMeeting: boolean): OutboundEvent {
  const lines = [`${facts.serviceName} with ${facts.clientName}, booked through Slotline.`];
  if (facts.notes) lines.push(`Notes: ${facts.notes}`);
  if (facts.meetingLink) lines.push(`Join: ${facts.meetingLink}`);
  return {
    appointmentId: facts.id,
    summary: `${facts.serviceName} with ${facts.clientName}`,
    description: lines.join('\n'),
    start: facts.startTime,
    end: facts.endTime,
    timezone: facts.zone,
    meetingLink: facts.meetingLink,
    requestMeeting,
  };
}

function readFacts(tx: Tx, appointmentId: string) {
  return tx
    .select({
      id: appointments.id,
      providerId: appointments.providerId,
      status: appointments.status,
      startTime: appointments.startTime,
      endTime: appointments.endTime,
      notes: appointments.notes,
      meetingLink: appointments.meetingLink,
      externalEventId: appointments.externalEventId,
      serviceName: services.name,
      isVirtual: services.isVirtual,
      clientName: clients.name,
      zone: providers.timezone,
    })
    .from(appointments)
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .innerJoin(clients, eq(clients.id, appointments.clientId))
    .innerJoin(providers, eq(providers.id, appointments.providerId))
    .where(eq(appointments.id, appointmentId))
    .then((rows) => rows[0] ?? null);
}

async function providerOf(deps: CalendarDeps, appointmentId: string): Promise<string | null> {
  const [row] = await deps.db
    .select({ providerId: appointments.providerId })
    .from(appointments)
    .where(eq(appointments.id, appointmentId));
  return row?.providerId ?? null;
}
