// What a change mail needs to know, read when the job runs: the appointment, names, addresses.
import { and, count, eq, lte } from 'drizzle-orm';
import { readAppointmentFacts } from '../booking/read-appointment-facts.ts';
import type { Database } from '../db/database.ts';
import { appointmentEvents } from '../db/schema/appointments.ts';
import { parseLanguage } from '../i18n/languages.ts';
import { type Translator, translatorFor } from '../i18n/translator.ts';
import type { MailedChange } from '../mail/mail-types.ts';
import type { ChangeMailPayload } from './job-payloads.ts';
import type { JobsDeps } from './jobs-deps.ts';

export type ChangeMailFacts = {
  readonly appointmentId: string;
  readonly status: string;
  readonly startTime: Date;
  readonly endTime: Date;
  readonly meetingLink: string | null;
  /** The price the client agreed to; a no-show keeps it. */
  readonly price: number;
  readonly serviceName: string;
  readonly durationMinutes: number;
  readonly isVirtual: boolean;
  readonly providerName: string;
  readonly providerEmail: string | null;
  readonly providerTimezone: string;
  /** providers.language: the provider's mail goes in it; null: the default language. */
  readonly providerLanguage: string | null;
  readonly clientName: string;
  readonly clientEmail: string | null;
  readonly clientTimezone: string;
  /** clients.language: the client's mail goes in it; null: the default language. */
  readonly clientLanguage: string | null;
};

/**
 * The translator for mail to someone whose stored language (clients.language or
 * providers.language) is `stored`; none stored: deps.defaultLanguage (DEFAULT_LANGUAGE), else
 * English.
 */
export function mailTranslator(
  deps: Pick<JobsDeps, 'defaultLanguage'>,
  stored: string | null,
): Translator {
  return translatorFor(parseLanguage(stored) ?? deps.defaultLanguage ?? 'en');
}

/** The appointment with its service, provider and client as they are now; null when gone. */
export function readChangeMailFacts(
  db: Database,
  appointmentId: string,
): Promise<ChangeMailFacts | null> {
  return readAppointmentFacts(db, appointmentId);
}

/**
 * The change as a mail shows it: at the start the event set (a later move has its own job),
 * keeping the appointment's length, with `meetingLink` as the mail should carry it.
 */
export function mailedChange(
  facts: ChangeMailFacts,
  payload: Pick<ChangeMailPayload, 'startTime' | 'previousStartTime' | 'reason'>,
  meetingLink: string | null,
): MailedChange {
  const start = new Date(payload.startTime);
  const length = facts.endTime.getTime() - facts.startTime.getTime();
  return {
    serviceName: facts.serviceName,
    start,
    end: new Date(start.getTime() + length),
    previousStart: payload.previousStartTime ? new Date(payload.previousStartTime) : null,
    meetingLink,
    reason: payload.reason,
  };
}

/**
 * The invite SEQUENCE for the mail of event `eventId`: how many events the appointment had up to
 * and including it. Every later change has a later event, so its invite always counts higher.
 */
export async function inviteSequence(
  db: Database,
  appointmentId: string,
  eventId: number,
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(appointmentEvents)
    .where(
      and(eq(appointmentEvents.appointmentId, appointmentId), lte(appointmentEvents.id, eventId)),
    );
  return row?.n ?? 0;
}
