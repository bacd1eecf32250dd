// The event Slotline puts on a provider's calendar reads in the provider's language.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OutboundEvent } from '../../src/calendars/calendar-client.ts';
import type { CalendarDeps, OpenedCalendar } from '../../src/calendars/calendar-deps.ts';
import { pushAppointment } from '../../src/calendars/push-appointment.ts';
import { providers } from '../../src/db/schema/providers.ts';
import type { Language } from '../../src/i18n/languages.ts';
import { createFixture } from '../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import {
  insertConfirmedHour,
  saveGoogleConnection,
  testCalendarDeps,
} from './calendar-test-deps.ts';

const NOW = new Date('2026-11-30T06:00:00Z');
const key = randomBytes(32);
let test: TestDatabase;

beforeAll(async () => {
  test = await createTestDatabase();
});

/** A calendar that keeps each event it is asked to create. */
function recordingCalendar(created: OutboundEvent[]): OpenedCalendar {
  const unused = () => Promise.reject(new Error('not used here'));
  return {
    kind: 'GOOGLE',
    createEvent: async (event) => {
      created.push(event);
      return { externalEventId: `event-${created.length}`, meetingLink: null };
    },
    updateEvent: unused,
    deleteEvent: unused,
    pullEvents: unused,
  };
}

/** A provider speaking `language` with a connected calendar and one confirmed appointment. */
async function pushFor(
  language: string | null,
  defaultLanguage: Language = 'en',
): Promise<OutboundEvent | undefined> {
  const fixture = await createFixture(test.db, { service: { name: 'Massage' } });
  await test.db.update(providers).set({ language }).where(eq(providers.id, fixture.providerId));
  await saveGoogleConnection(test.db, key, fixture.providerId, NOW);
  const start = new Date('2026-12-02T09:00:00Z');
  const appointmentId = await insertConfirmedHour(test.db, fixture, start, 'Bitte klingeln');
  const created: OutboundEvent[] = [];
  const deps: CalendarDeps = {
    ...testCalendarDeps(test.db, key, () => recordingCalendar(created), NOW),
    defaultLanguage,
  };
  expect(await pushAppointment(deps, appointmentId)).toBe('created');
  return created[0];
}

describe('the pushed event in the provider language', () => {
  it.each([
    [
      'de',
      'Massage mit Test Client',
      'Massage mit Test Client, gebucht über Slotline.\nNotizen: Bitte klingeln',
    ],
    [
      'en',
      'Massage with Test Client',
      'Massage with Test Client, booked through Slotline.\nNotes: Bitte klingeln',
    ],
    [
      null,
      'Massage with Test Client',
      'Massage with Test Client, booked through Slotline.\nNotes: Bitte klingeln',
    ],
  ])('a provider reading %s gets its summary and description', async (language, summary, text) => {
    const event = await pushFor(language);
    expect(event?.summary).toBe(summary);
    expect(event?.description).toBe(text);
  });

  it('a provider with no language stored gets DEFAULT_LANGUAGE, and a stored one beats it', async () => {
    expect((await pushFor(null, 'de'))?.summary).toBe('Massage mit Test Client');
    expect((await pushFor('en', 'de'))?.summary).toBe('Massage with Test Client');
  });
});
