// connectAppleCalendar against the fake iCloud CalDAV server: calendar choice and failure classes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectAppleCalendar } from '../../../src/calendars/apple/apple-calendar.ts';
import {
  CalendarAuthError,
  CalendarUnavailableError,
} from '../../../src/calendars/calendar-client.ts';
import type { FakeCalDav } from '../../fakes/caldav-server.ts';
import {
  deadServerUrl,
  type FakeAccount,
  fixedNow,
  password,
  startAppleFake,
  username,
} from './apple-fixtures.ts';

let fake: FakeCalDav;
let account: FakeAccount;

beforeEach(async () => {
  ({ fake, account } = await startAppleFake());
});

afterEach(async () => {
  await fake.close();
});

function connect(calendarUrl: string | null, pass = password) {
  return connectAppleCalendar({
    serverUrl: fake.url,
    username,
    password: pass,
    calendarUrl,
    now: () => fixedNow,
  });
}

describe('connectAppleCalendar', () => {
  it('picks the first event calendar when none is stored', async () => {
    const calendar = await connect(null);

    expect(calendar.kind).toBe('APPLE');
    expect(calendar.calendarUrl).toBe(fake.calendarUrl());
  });

  it('binds the stored calendar, with or without its trailing slash', async () => {
    const exact = await connect(fake.calendarUrl());
    const unslashed = await connect(fake.calendarUrl().replace(/\/$/, ''));

    expect(exact.calendarUrl).toBe(fake.calendarUrl());
    expect(unslashed.calendarUrl).toBe(fake.calendarUrl());
  });

  it('asks for a reconnect when the stored calendar is gone', async () => {
    await expect(connect(fake.calendarUrl('deleted-calendar'))).rejects.toBeInstanceOf(
      CalendarAuthError,
    );
  });

  it('throws CalendarAuthError without the password when credentials are refused', async () => {
    const wrong = 'wrong-Secret-9876';
    const error = await connect(null, wrong).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(CalendarAuthError);
    const text = `${String(error)} ${String((error as Error).cause)}`;
    expect(text).not.toContain(wrong);
    expect(text).not.toContain(password);
  });

  it('throws CalendarAuthError from an operation once the password is revoked', async () => {
    const calendar = await connect(null);
    account.password = 'revoked';

    const window = { from: new Date('2026-12-01T00:00:00Z'), to: new Date('2026-12-02T00:00:00Z') };
    await expect(calendar.pullEvents(null, window)).rejects.toBeInstanceOf(CalendarAuthError);
    await expect(calendar.deleteEvent('appt-1.ics')).rejects.toBeInstanceOf(CalendarAuthError);
  });

  it('throws CalendarUnavailableError on 5xx and on network failures', async () => {
    for (let i = 0; i < 10; i += 1) fake.failNext('PROPFIND', 500);
    await expect(connect(null)).rejects.toBeInstanceOf(CalendarUnavailableError);

    const serverUrl = await deadServerUrl();
    const offline = connectAppleCalendar({ serverUrl, username, password, calendarUrl: null });
    await expect(offline).rejects.toBeInstanceOf(CalendarUnavailableError);
  });
});
