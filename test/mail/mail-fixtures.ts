// One appointment as the mail jobs would describe it, and helpers to read an invite back.
import ical, { type VEvent } from 'node-ical';
import { translatorFor } from '../../src/i18n/translator.ts';
import type { AppointmentMailView } from '../../src/mail/appointment-mail-view.ts';
import type { ProviderMailView } from '../../src/mail/provider-mail.ts';

/** The readers' languages the mail tests write in. */
export const en = translatorFor('en');
export const de = translatorFor('de');

/** Tue 1 Dec 2026 14:00-15:00 UTC: 15:00-16:00 in Berlin. */
export const START = new Date('2026-12-01T14:00:00Z');
export const END = new Date('2026-12-01T15:00:00Z');
export const NOW = new Date('2026-11-24T10:00:00Z');

export function mailView(overrides: Partial<AppointmentMailView> = {}): AppointmentMailView {
  return {
    appointmentId: '6f1c2a4e-0000-4000-8000-000000000001',
    sequence: 0,
    client: { name: 'Bob', email: 'bob@example.com', timezone: 'Europe/Berlin' },
    providerName: 'Ana Ruiz',
    organizer: { name: 'Ana Ruiz', email: 'bookings@slotline.test' },
    serviceName: 'Haircut',
    start: START,
    end: END,
    previousStart: null,
    meetingLink: null,
    reason: null,
    refundWords: null,
    consequences: [],
    now: NOW,
    ...overrides,
  };
}

/** Bob's Haircut at START-END (moved from a day earlier) as Ana Ruiz, living in `timezone`, is told. */
export function providerMailView(
  timezone: string,
  overrides: Partial<ProviderMailView> = {},
): ProviderMailView {
  return {
    provider: { name: 'Ana Ruiz', email: 'ana@example.com', timezone },
    clientName: 'Bob',
    serviceName: 'Haircut',
    start: START,
    end: END,
    previousStart: new Date('2026-11-30T14:00:00Z'),
    meetingLink: null,
    reason: null,
    ...overrides,
  };
}

/** The single VEVENT of an .ics text, with the calendar's METHOD. */
export function readInvite(ics: string): { event: VEvent; method: string | undefined } {
  const parsed = ical.sync.parseICS(ics);
  const events = Object.values(parsed).filter((item) => item?.type === 'VEVENT') as VEvent[];
  if (events.length !== 1 || !events[0])
    throw new Error(`expected one VEVENT, got ${events.length}`);
  return { event: events[0], method: parsed.vcalendar?.method };
}
