// Puts one appointment on its provider's calendar as it is now: created, moved or removed.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { type AppointmentFacts, readAppointmentFacts } from '../booking/read-appointment-facts.ts';
import type { Database } from '../db/database.ts';
import { appointments } from '../db/schema/appointments.ts';
import type { Language } from '../i18n/languages.ts';
import { languageOf } from '../i18n/resolve-language.ts';
import { translatorFor } from '../i18n/translator.ts';
import { CalendarAuthError, type OutboundEvent } from './calendar-client.ts';
import { markConnectionBroken, readProviderConnection } from './calendar-connections.ts';
import type { CalendarDeps, OpenedCalendar } from './calendar-deps.ts';
import { tellBroken } from './tell-provider.ts';

type PushOutcome = 'created' | 'updated' | 'deleted' | 'unchanged' | 'no-calendar' | 'broken';

/** Changes racing ours (a cancel while we created): this many fresh looks, then the job retries. */
const MAX_ROUNDS = 3;

/**
 * Reconciles the provider's calendar with the appointment: a CONFIRMED one without an event gets
 * one, a CONFIRMED one with an event has it updated to the current times, a CANCELLED one has its
 * event deleted. PENDING, COMPLETED and NO_SHOW leave the calendar as it is. No transaction or
 * lock is held while the calendar (or its OAuth server) is called: the call goes first, then its
 * result is recorded with a compare-and-set on the stored event id. When the appointment changed
 * in between (cancelled while its event was made) or another push recorded an event first (its
 * duplicate is deleted; Google's ids derived from the appointment make duplicates impossible
 * there), it looks again. A CalendarAuthError marks the connection BROKEN and tells the
 * provider; other errors, and changes still racing after MAX_ROUNDS looks, are thrown for the
 * job to retry. Never asks for a meeting link; see pushAppointmentWithMeet.
 */
export function pushAppointment(deps: CalendarDeps, appointmentId: string): Promise<PushOutcome> {
  const fallback = deps.defaultLanguage ?? 'en';
  return push(deps, appointmentId, (facts) => outbound(facts, fallback));
}

/**
 * pushAppointment, but a virtual appointment without a link asks the calendar for one (Google
 * Meet; other calendars ignore the request), and the link it makes is stored on the appointment.
 */
export function pushAppointmentWithMeet(
  deps: CalendarDeps,
  appointmentId: string,
): Promise<PushOutcome> {
  const fallback = deps.defaultLanguage ?? 'en';
  return push(deps, appointmentId, (facts) => outboundAskingForMeet(facts, fallback));
}

/** How the calendar event is written: the only difference between the two pushes. */
type OutboundOf = (facts: AppointmentFacts) => OutboundEvent;

async function push(
  deps: CalendarDeps,
  appointmentId: string,
  outboundOf: OutboundOf,
): Promise<PushOutcome> {
  try {
    for (let round = 1; round <= MAX_ROUNDS; round += 1) {
      const outcome = await pushOnce(deps, appointmentId, outboundOf);
      if (outcome !== 'changed') return outcome;
    }
    throw new CalendarPushRaceError('the appointment kept changing during its calendar push');
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

async function pushOnce(
  deps: CalendarDeps,
  appointmentId: string,
  outboundOf: OutboundOf,
): Promise<PushOutcome | 'changed'> {
  const facts = await readAppointmentFacts(deps.db, appointmentId);
  if (!facts) return 'unchanged';
  const connection = await readProviderConnection(deps.db, deps.key, facts.providerId);
  if (connection?.status !== 'ACTIVE') return 'no-calendar';
  return reconcile(deps.db, await deps.openCalendar(connection), facts, outboundOf);
}

async function reconcile(
  db: Database,
  calendar: OpenedCalendar,
  facts: AppointmentFacts,
  outboundOf: OutboundOf,
): Promise<PushOutcome | 'changed'> {
  const eventId = facts.externalEventId;
  if (facts.status === 'CANCELLED') {
    if (eventId === null) return 'unchanged';
    await calendar.deleteEvent(eventId);
    return (await forgetEvent(db, facts.appointmentId, eventId)) ? 'deleted' : 'changed';
  }
  if (facts.status !== 'CONFIRMED') return 'unchanged';
  const event = outboundOf(facts);
  if (eventId !== null) {
    // A move made meanwhile has a push job of its own, which updates the event again.
    await calendar.updateEvent(eventId, event);
    return 'updated';
  }
  const created = await calendar.createEvent(event);
  const recorded = await recordEvent(db, facts.appointmentId, created);
  if (recorded.kind === 'other-event') {
    if (recorded.eventId !== created.externalEventId) {
      await calendar.deleteEvent(created.externalEventId);
    }
    return 'changed';
  }
  return recorded.status === 'CONFIRMED' ? 'created' : 'changed';
}

/** Clears the stored event id if it is still `eventId`; false when it changed meanwhile. */
async function forgetEvent(db: Database, appointmentId: string, eventId: string): Promise<boolean> {
  const rows = await db
    .update(appointments)
    .set({ externalEventId: null })
    .where(and(eq(appointments.id, appointmentId), eq(appointments.externalEventId, eventId)))
    .returning({ id: appointments.id });
  return rows.length > 0;
}

type Recorded =
  | { readonly kind: 'recorded'; readonly status: string }
  | { readonly kind: 'other-event'; readonly eventId: string | null };

/**
 * Stores the created event's id (and its Meet link, if the appointment has none) unless an event
 * id is stored already; then says the appointment's status now, or which event beat ours.
 */
async function recordEvent(
  db: Database,
  appointmentId: string,
  created: { readonly externalEventId: string; readonly meetingLink: string | null },
): Promise<Recorded> {
  const [row] = await db
    .update(appointments)
    .set({
      externalEventId: created.externalEventId,
      meetingLink: sql`coalesce(${appointments.meetingLink}, ${created.meetingLink})`,
    })
    .where(and(eq(appointments.id, appointmentId), isNull(appointments.externalEventId)))
    .returning({ status: appointments.status });
  if (row) return { kind: 'recorded', status: row.status };
  const [current] = await db
    .select({ eventId: appointments.externalEventId })
    .from(appointments)
    .where(eq(appointments.id, appointmentId));
  return { kind: 'other-event', eventId: current?.eventId ?? null };
}

/** A push that kept losing races with changes to its appointment; the job tries again later. */
class CalendarPushRaceError extends Error {
  override name = 'CalendarPushRaceError';
}

function outbound(facts: AppointmentFacts, fallback: Language): OutboundEvent {
  // The event's words go in the provider's language (providers.language), else DEFAULT_LANGUAGE.
  const t = translatorFor(languageOf(facts.providerLanguage, fallback));
  const names = { service: facts.serviceName, client: facts.clientName };
  const lines = [t.t('mail.calendarEvent.booked', names)];
  if (facts.notes) lines.push(t.t('mail.calendarEvent.notes', { notes: facts.notes }));
  if (facts.meetingLink) lines.push(t.t('mail.join', { link: facts.meetingLink }));
  return {
    appointmentId: facts.appointmentId,
    summary: t.t('mail.calendarEvent.summary', names),
    description: lines.join('\n'),
    start: facts.startTime,
    end: facts.endTime,
    timezone: facts.providerTimezone,
    meetingLink: facts.meetingLink,
    requestMeeting: false,
  };
}

/** Asks only for a virtual appointment that has no link yet: one link per appointment. */
function outboundAskingForMeet(facts: AppointmentFacts, fallback: Language): OutboundEvent {
  return {
    ...outbound(facts, fallback),
    requestMeeting: facts.meetingLink === null && facts.isVirtual,
  };
}

async function providerOf(deps: CalendarDeps, appointmentId: string): Promise<string | null> {
  const [row] = await deps.db
    .select({ providerId: appointments.providerId })
    .from(appointments)
    .where(eq(appointments.id, appointmentId));
  return row?.providerId ?? null;
}
