// verifyAppleCredentials against the fake iCloud CalDAV server: the connect step's outcomes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAppleCredentials } from '../../../src/calendars/apple/verify-apple-credentials.ts';
import { CalendarUnavailableError } from '../../../src/calendars/calendar-client.ts';
import type { FakeCalDav } from '../../fakes/caldav-server.ts';
import {
  deadServerUrl,
  password,
  startAppleFake,
  startTodoOnlyProxy,
  username,
} from './apple-fixtures.ts';

let fake: FakeCalDav;

beforeEach(async () => {
  ({ fake } = await startAppleFake());
});

afterEach(async () => {
  await fake.close();
});

describe('verifyAppleCredentials', () => {
  it('accepts good credentials and returns the event calendar URL', async () => {
    const check = await verifyAppleCredentials({ serverUrl: fake.url, username, password });

    expect(check).toEqual({ ok: true, calendarUrl: fake.calendarUrl() });
    const auth = fake.calls.map((call) => call.status);
    expect(auth).not.toContain(401);
  });

  it('reports a refused password as a value', async () => {
    const check = await verifyAppleCredentials({
      serverUrl: fake.url,
      username,
      password: 'wrong-password',
    });

    expect(check).toEqual({ ok: false, code: 'CREDENTIALS_REFUSED' });
  });

  it('reports an account without an event calendar as NO_CALENDAR', async () => {
    const proxy = await startTodoOnlyProxy(fake);
    try {
      const check = await verifyAppleCredentials({ serverUrl: proxy.url, username, password });

      expect(check).toEqual({ ok: false, code: 'NO_CALENDAR' });
      expect(fake.calls.some((call) => call.depth === '1' && call.method === 'PROPFIND')).toBe(
        true,
      );
    } finally {
      await proxy.close();
    }
  });

  it.each([
    ['an Apple ID', { username: 'ana@例え.jp', password }],
    ['a password', { username, password: 'pässwörd-€uro' }],
  ])('refuses %s outside Latin-1 without asking iCloud', async (_, credentials) => {
    const check = await verifyAppleCredentials({ serverUrl: fake.url, ...credentials });

    expect(check).toEqual({ ok: false, code: 'CREDENTIALS_REFUSED' });
    expect(fake.calls).toEqual([]);
  });

  it('throws CalendarUnavailableError when iCloud answers 503', async () => {
    for (let i = 0; i < 10; i += 1) fake.failNext('PROPFIND', 503);

    const check = verifyAppleCredentials({ serverUrl: fake.url, username, password });

    await expect(check).rejects.toBeInstanceOf(CalendarUnavailableError);
    await expect(check).rejects.toThrow(/503/);
  });

  it('throws CalendarUnavailableError when nothing answers', async () => {
    const serverUrl = await deadServerUrl();

    const check = verifyAppleCredentials({ serverUrl, username, password });

    await expect(check).rejects.toBeInstanceOf(CalendarUnavailableError);
    await expect(check).rejects.not.toThrow(password);
  });
});
