// Inbound sync from the Google fake: full pulls, sync-token changes and resync after 410.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGoogleCalendar } from '../../../src/calendars/google/google-calendar.ts';
import { type FakeGoogle, startFakeGoogle } from '../../fakes/google-calendar-api.ts';
import { clientId, clientSecret, connectGoogle, outbound, settingsFor } from './google-fixtures.ts';

const window = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-03-08T00:00:00Z') };
const at = (day: number, hour: number) => ({
  dateTime: `2026-03-0${day}T${String(hour).padStart(2, '0')}:00:00+01:00`,
  timeZone: 'Europe/Paris',
});
const meeting = (summary: string, day: number, hour: number) => ({
  summary,
  start: at(day, hour),
  end: at(day, hour + 1),
});

let fake: FakeGoogle;
beforeEach(async () => {
  fake = await startFakeGoogle({ clientId, clientSecret });
});
afterEach(async () => {
  await fake.close();
});

async function connectedCalendar() {
  return createGoogleCalendar({
    oauth: settingsFor(fake),
    apiRoot: fake.rootUrl,
    tokens: await connectGoogle(fake),
    saveTokens: async () => {},
  });
}

const hour = (day: number, h: number) =>
  new Date(`2026-03-0${day}T${String(h - 1).padStart(2, '0')}:00:00Z`);

describe('full pull', () => {
  it('lists the window with busy flags and all-day dates', async () => {
    const client = await connectedCalendar();
    const dentist = fake.addExternalEvent('primary', meeting('Dentist', 2, 9));
    const reminder = fake.addExternalEvent('primary', {
      ...meeting('Reminder', 2, 12),
      transparency: 'transparent',
    });
    const ours = await client.createEvent(outbound());
    const holiday = fake.addExternalEvent('primary', {
      summary: 'Holiday',
      start: { date: '2026-03-05' },
      end: { date: '2026-03-07' },
    });
    const declined = fake.addExternalEvent('primary', {
      ...meeting('Optional sync', 3, 15),
      attendees: [
        { email: 'boss@example.com', responseStatus: 'accepted' },
        { email: 'owner@example.com', self: true, responseStatus: 'declined' },
      ],
    });
    const accepted = fake.addExternalEvent('primary', {
      ...meeting('Team sync', 3, 17),
      attendees: [{ email: 'owner@example.com', self: true, responseStatus: 'accepted' }],
    });
    fake.addExternalEvent('primary', meeting('Next month', 9, 9));
    const result = await client.pullEvents(null, window);
    expect(result.complete).toBe(true);
    expect(result.cursor).toEqual(expect.any(String));
    const timed = (day: number, h: number) => ({
      kind: 'timed',
      start: hour(day, h),
      end: hour(day, h + 1),
    });
    expect(result.events).toEqual([
      { externalEventId: dentist.id, removed: false, busy: true, timing: timed(2, 9) },
      { externalEventId: reminder.id, removed: false, busy: false, timing: timed(2, 12) },
      {
        externalEventId: ours.externalEventId,
        removed: false,
        busy: false,
        timing: {
          kind: 'timed',
          start: new Date('2026-03-02T09:00:00Z'),
          end: new Date('2026-03-02T10:00:00Z'),
        },
      },
      {
        externalEventId: holiday.id,
        removed: false,
        busy: true,
        timing: { kind: 'all-day', startDate: '2026-03-05', endDate: '2026-03-07' },
      },
      { externalEventId: declined.id, removed: false, busy: false, timing: timed(3, 15) },
      { externalEventId: accepted.id, removed: false, busy: true, timing: timed(3, 17) },
    ]);
    expect(fake.calls.at(-1)?.query).toMatchObject({
      timeMin: '2026-03-01T00:00:00.000Z',
      timeMax: '2026-03-08T00:00:00.000Z',
      singleEvents: 'true',
      maxResults: '250',
    });
  });

  it('follows page tokens to the end', async () => {
    const client = await connectedCalendar();
    for (let i = 0; i < 260; i += 1) fake.addExternalEvent('primary', meeting(`E${i}`, 4, 10));
    const result = await client.pullEvents(null, window);
    expect(result.events).toHaveLength(260);
    expect(new Set(result.events.map((event) => event.externalEventId)).size).toBe(260);
    expect(fake.calls.filter((call) => call.path.endsWith('/events'))).toHaveLength(2);
  });
});

describe('incremental pull', () => {
  it('returns changes since the cursor, deletions as removed', async () => {
    const client = await connectedCalendar();
    const kept = fake.addExternalEvent('primary', meeting('Kept', 2, 9));
    const moved = fake.addExternalEvent('primary', meeting('Moved', 2, 11));
    const gone = fake.addExternalEvent('primary', meeting('Gone', 2, 13));
    const first = await client.pullEvents(null, window);
    expect(first.events.map((event) => event.externalEventId)).toEqual([
      kept.id,
      moved.id,
      gone.id,
    ]);

    fake.updateExternalEvent('primary', moved.id, { start: at(3, 14), end: at(3, 16) });
    fake.deleteExternalEvent('primary', gone.id);
    const added = fake.addExternalEvent('primary', {
      ...meeting('Added', 4, 8),
      transparency: 'transparent',
    });
    const changes = await client.pullEvents(first.cursor, window);
    expect(changes.complete).toBe(false);
    const incremental = fake.calls.at(-1)?.query;
    expect(incremental).toMatchObject({ syncToken: first.cursor, singleEvents: 'true' });
    expect(incremental).not.toHaveProperty('timeMin');
    expect(changes.events).toEqual([
      {
        externalEventId: moved.id,
        removed: false,
        busy: true,
        timing: { kind: 'timed', start: hour(3, 14), end: hour(3, 16) },
      },
      { externalEventId: gone.id, removed: true },
      {
        externalEventId: added.id,
        removed: false,
        busy: false,
        timing: { kind: 'timed', start: hour(4, 8), end: hour(4, 9) },
      },
    ]);
    expect(changes.cursor).toEqual(expect.any(String));
    expect(changes.cursor).not.toBe(first.cursor);
    const quiet = await client.pullEvents(changes.cursor, window);
    expect(quiet).toEqual({ complete: false, events: [], cursor: expect.any(String) });
  });

  it('falls back to a complete pull when Google no longer accepts the cursor (410)', async () => {
    const client = await connectedCalendar();
    const event = fake.addExternalEvent('primary', meeting('Dentist', 2, 9));
    const first = await client.pullEvents(null, window);
    fake.invalidateSyncTokens();
    const again = await client.pullEvents(first.cursor, window);
    expect(again).toEqual({
      complete: true,
      events: [expect.objectContaining({ externalEventId: event.id, busy: true })],
      cursor: expect.any(String),
    });
    const lists = fake.calls.filter((call) => call.path.endsWith('/events')).map((c) => c.status);
    expect(lists).toEqual([200, 410, 200]);
    expect((await client.pullEvents(again.cursor, window)).complete).toBe(false);
  });

  it('absorbs a passing 503 on a pull through gaxios retries', async () => {
    const client = await connectedCalendar();
    const { cursor } = await client.pullEvents(null, window);
    fake.failNext('/calendar/v3/calendars/primary/events', 503);
    expect((await client.pullEvents(cursor, window)).complete).toBe(false);
    const lists = fake.calls.filter((call) => call.path.endsWith('/events')).map((c) => c.status);
    expect(lists).toEqual([200, 503, 200]);
  });
});
