// The join link of a confirmed virtual appointment: made once, stored before anyone is mailed.
import { and, eq, isNull } from 'drizzle-orm';
import { pushAppointmentWithMeet } from '../calendars/push-appointment.ts';
import type { Queryable } from '../db/database.ts';
import { appointments } from '../db/schema/appointments.ts';
import type { Translator } from '../i18n/translator.ts';
import type { AppointmentMailKind } from '../mail/appointment-mail-view.ts';
import type { MeetingSource } from '../meetings/choose-meeting-source.ts';
import {
  MeetingConfigError,
  type MeetingLink,
  type MeetingProvider,
} from '../meetings/meeting-provider.ts';
import { type ChangeMailFacts, mailTranslator } from './change-mail-facts.ts';
import type { JobsDeps } from './jobs-deps.ts';
import { recordDeliveryFailure } from './record-delivery-failure.ts';

type MeetingLinkRequest = {
  readonly facts: ChangeMailFacts;
  readonly kind: AppointmentMailKind;
  readonly jobId: string;
};

/**
 * The appointment's link, creating it first when the appointment is a CONFIRMED booking of a
 * virtual service without one, from deps.meetings (absent: no link is made). A link from the
 * calendar is stored by its push; a provider's link is stored only where meeting_link is still
 * null, and when another job stored one first, that one is answered. A MeetingConfigError is
 * recorded as DELIVERY_FAILED with channel 'meeting' and answers null (the mail goes without a
 * link); MeetingError and other faults are thrown so pg-boss retries.
 */
export async function ensureMeetingLink(
  deps: JobsDeps,
  request: MeetingLinkRequest,
): Promise<string | null> {
  const { facts } = request;
  if (facts.meetingLink !== null || !facts.isVirtual || facts.status !== 'CONFIRMED') {
    return facts.meetingLink;
  }
  const source: MeetingSource = deps.meetings ?? { kind: 'none' };
  switch (source.kind) {
    case 'none':
      return null;
    case 'provider':
      return providerLink(deps, source.provider, request);
    case 'calendar':
      return calendarMeetLink(deps, facts.appointmentId);
    case 'calendar-or-provider':
      return (
        (await calendarMeetLink(deps, facts.appointmentId)) ??
        providerLink(deps, source.provider, request)
      );
    default: {
      const _never: never = source;
      return _never;
    }
  }
}

/**
 * A link from the meeting provider, made with no lock or transaction held: the provider is asked
 * first and the link is then stored by compare-and-set, only where none is stored yet. The
 * confirmation DM and mail jobs may ask at the same moment; both may then make a meeting, and the
 * one whose link was not stored deletes its meeting again (a meeting whose delete fails is left
 * orphaned, unused and logged). Zoom offers no idempotency key for meetings, so this is the price
 * of never holding a database connection across its call.
 */
async function providerLink(
  deps: JobsDeps,
  provider: MeetingProvider,
  request: MeetingLinkRequest,
): Promise<string | null> {
  const { facts } = request;
  const stored = await currentLink(deps.db, facts.appointmentId);
  if (stored !== null) return stored;
  let link: MeetingLink;
  try {
    link = await createLink(mailTranslator(deps, facts.providerLanguage), provider, facts);
  } catch (error) {
    if (!(error instanceof MeetingConfigError)) throw error;
    await recordDeliveryFailure(deps.db, {
      appointmentId: facts.appointmentId,
      channel: 'meeting',
      kind: request.kind,
      party: 'client',
      jobId: request.jobId,
      error,
      at: deps.clock(),
    });
    return null;
  }
  const kept = await storeLink(deps.db, facts.appointmentId, link.url);
  if (kept !== link.url) await discardMeeting(deps, provider, link);
  return kept;
}

/** Deletes a meeting whose link lost the race; a failure only leaves an unused meeting behind. */
async function discardMeeting(deps: JobsDeps, provider: MeetingProvider, link: MeetingLink) {
  try {
    await provider.deleteMeeting?.(link);
  } catch (error) {
    deps.logger.warn(
      { err: error, meeting: link.externalId },
      'could not delete an extra meeting; it stays unused',
    );
  }
}

async function currentLink(tx: Queryable, appointmentId: string): Promise<string | null> {
  const [row] = await tx
    .select({ link: appointments.meetingLink })
    .from(appointments)
    .where(eq(appointments.id, appointmentId));
  return row?.link ?? null;
}

/**
 * A Meet link through the calendar: the push creates the event with one and stores it (or finds
 * it already stored). Null without calendar sync, or when the provider's calendar made none (no
 * connection, or not Google).
 */
async function calendarMeetLink(deps: JobsDeps, appointmentId: string): Promise<string | null> {
  const calendars = deps.calendars;
  if (!calendars) return null;
  await pushAppointmentWithMeet(calendars, appointmentId);
  const [row] = await deps.db
    .select({ link: appointments.meetingLink })
    .from(appointments)
    .where(eq(appointments.id, appointmentId));
  return row?.link ?? null;
}

/** The meeting's topic reads in its host's (the provider's) language. */
function createLink(
  t: Translator,
  provider: MeetingProvider,
  facts: ChangeMailFacts,
): Promise<MeetingLink> {
  const names = { service: facts.serviceName, provider: facts.providerName };
  return provider.createMeeting({
    appointmentId: facts.appointmentId,
    topic: t.t('mail.meetingTopic', names),
    start: facts.startTime,
    durationMinutes: (facts.endTime.getTime() - facts.startTime.getTime()) / 60_000,
    timezone: facts.providerTimezone,
  });
}

async function storeLink(
  db: Queryable,
  appointmentId: string,
  url: string,
): Promise<string | null> {
  const [stored] = await db
    .update(appointments)
    .set({ meetingLink: url })
    .where(and(eq(appointments.id, appointmentId), isNull(appointments.meetingLink)))
    .returning({ link: appointments.meetingLink });
  if (stored) return stored.link;
  const [current] = await db
    .select({ link: appointments.meetingLink })
    .from(appointments)
    .where(eq(appointments.id, appointmentId));
  return current?.link ?? null;
}
