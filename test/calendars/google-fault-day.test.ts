// Google under every fault its fake can play: nothing is lost or duplicated, a refresh never deadlocks, a revoke breaks cleanly.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OAuthTokens } from '../../src/calendars/calendar-client.ts';
import { readConnection } from '../../src/calendars/calendar-connections.ts';
import { createGoogleCalendar } from '../../src/calendars/google/google-calendar.ts';
import { pushAppointment } from '../../src/calendars/push-appointment.ts';
import { syncCalendar } from '../../src/calendars/sync-calendar.ts';
import { everyFault } from '../fakes/fault-plan.ts';
import { type FakeGoogle, startFakeGoogle } from '../fakes/google-calendar-api.ts';
import {
  activeAppointments,
  blockSources,
  bookAppointment,
  cancelAppointment,
  connectionStatus,
  DayJobs,
  type FaultDay,
  moveAppointment,
  type OpenClient,
  startFaultDay,
} from './fault-day-sync-harness.ts';
import { clientId, clientSecret, connectGoogle, settingsFor } from './google/google-fixtures.ts';

const TIMEOUT_MS = 300;
const EVENTS = '/calendar/v3/calendars/primary/events';
const EVERY_FAULT = everyFault(TIMEOUT_MS);

let fake: FakeGoogle;
let day: FaultDay;
const sleeps: number[] = [];

beforeAll(async () => {
  // Tokens for 4 minutes: google-auth-library refreshes before every call.
  fake = await startFakeGoogle({ clientId, clientSecret, accessTokenSeconds: 240, pageSize: 2 });
});
afterAll(() => fake.close());
// A provider of its own per test: one calendar connection each.
beforeEach(async () => {
  day = await startFaultDay();
});
afterEach(() => day.close());

const openGoogle: OpenClient = (connection, saveTokens) =>
  createGoogleCalendar({
    oauth: settingsFor(fake),
    apiRoot: fake.rootUrl,
    tokens: connection.tokens,
    saveTokens,
    timeoutMs: TIMEOUT_MS,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });

/** Queues every fault on each kind of request Slotline sends Google. */
function faultEverything(): void {
  fake.faults.add({ method: 'POST', path: '/token' }, ...EVERY_FAULT);
  fake.faults.add({ method: 'GET', path: EVENTS }, ...EVERY_FAULT);
  fake.faults.add({ method: 'POST', path: `${EVENTS}/watch` }, ...EVERY_FAULT);
  fake.faults.add({ method: 'POST', path: EVENTS }, ...EVERY_FAULT);
  fake.faults.add({ method: 'PATCH', path: `${EVENTS}/` }, ...EVERY_FAULT);
  fake.faults.add({ method: 'DELETE', path: `${EVENTS}/` }, ...EVERY_FAULT);
}

function external(dayOfMonth: number, hour: number) {
  return {
    summary: 'Dentist',
    start: { dateTime: new Date(Date.UTC(2026, 11, dayOfMonth, hour)).toISOString() },
    end: { dateTime: new Date(Date.UTC(2026, 11, dayOfMonth, hour + 1)).toISOString() },
  };
}

/** Slotline's live events in the fake, by appointment-derived id, with their start. */
function slotlineEvents(): Map<string, string> {
  const live = fake.events('primary').filter((e) => e.status !== 'cancelled');
  const ours = live.filter((e) => e.id.startsWith('slotline'));
  return new Map(ours.map((e) => [e.id, new Date(e.start?.dateTime ?? '').toISOString()]));
}

function busyExternalIds(): string[] {
  return fake
    .events('primary')
    .filter((e) => e.status !== 'cancelled' && !e.id.startsWith('slotline'))
    .filter((e) => e.transparency !== 'transparent')
    .map((e) => e.id)
    .sort();
}

const eventIdOf = (appointmentId: string) =>
  `slotline${appointmentId.toLowerCase().replace(/[^0-9a-f]/g, '')}`;

/** Sends duplicated, late and overlapping notifications on every open channel. */
async function noisyNotifications(): Promise<void> {
  for (const channel of fake.channels()) {
    await Promise.all([fake.notify(channel.id), fake.notify(channel.id)]);
    await fake.notify(channel.id, 'exists', 1);
  }
}

describe('a whole day of Google calendar life under every fault', () => {
  it('ends with the calendar equal to the appointments and the blocks equal to the busy events', async () => {
    const tokens: OAuthTokens = await connectGoogle(fake);
    const connection = await day.connect('GOOGLE', tokens);
    const deps = day.deps(openGoogle);
    const jobs = new DayJobs(deps, connection.id);
    day.onNotification(() => jobs.sync());
    faultEverything();

    // Morning: three bookings, two busy events made in Google, the first sync opens a channel.
    const booked = [
      await bookAppointment(day),
      await bookAppointment(day),
      await bookAppointment(day),
    ];
    for (const id of booked) jobs.push(id);
    const lunch = fake.addExternalEvent('primary', external(10, 12));
    const gym = fake.addExternalEvent('primary', external(11, 7));
    fake.addExternalEvent('primary', { ...external(12, 12), transparency: 'transparent' });
    jobs.sync();
    await jobs.runOnce();
    await noisyNotifications();
    jobs.sync();
    await jobs.runOnce();

    // Midday: a move, a cancel, an external move and delete, a notification during a sync.
    await moveAppointment(day, booked[0] as string);
    await cancelAppointment(day, booked[1] as string);
    jobs.push(booked[0] as string);
    jobs.push(booked[1] as string);
    fake.updateExternalEvent('primary', lunch.id, external(10, 15));
    fake.deleteExternalEvent('primary', gym.id);
    fake.addExternalEvent('primary', external(13, 8));
    fake.faults.add({ method: 'GET', path: EVENTS }, { kind: 'slow', ms: 100 });
    jobs.sync();
    await Promise.all([jobs.runOnce(), noisyNotifications()]);

    // Evening: a late booking, cancelled before its push ever succeeds; more noise.
    const late = await bookAppointment(day);
    jobs.push(late);
    await jobs.runOnce();
    await cancelAppointment(day, late);
    jobs.push(late);
    await noisyNotifications();
    jobs.sync();

    // The jobs retry through what is left of the faults; then the faults clear and they settle.
    await jobs.runOnce();
    await jobs.runOnce();
    const kinds = fake.faults.played().map((f) => (f.kind === 'status' ? f.status : f.kind));
    expect(new Set(kinds)).toEqual(new Set([429, 500, 503, 'reset', 'slow']));
    fake.faults.clear();
    await jobs.drain();
    // The channel is open now: a last burst of notifications, one arriving during the sync.
    await noisyNotifications();
    fake.addExternalEvent('primary', external(14, 8));
    await Promise.all([jobs.drain(), noisyNotifications()]);
    await jobs.drain();

    const active = await activeAppointments(day);
    // Two bookings stay (one moved); lunch (moved), the 13th and the 14th stay busy.
    expect(active.size).toBe(2);
    expect(busyExternalIds()).toHaveLength(3);
    const expected = new Map([...active].map(([id, start]) => [eventIdOf(id), start]));
    expect(slotlineEvents()).toEqual(expected);
    expect(await blockSources(day)).toEqual(busyExternalIds());
    expect(await connectionStatus(day, connection.id)).toBe('ACTIVE');
    // A 429's Retry-After (2 s) was waited out instead of gaxios's 100 ms backoff.
    expect(sleeps.some((ms) => ms >= 2_000)).toBe(true);
    expect(day.notifications()).toBeGreaterThan(0);
  }, 60_000);
});

describe('a token refresh during a channel renewal', () => {
  it('completes on a pool of one connection', async () => {
    const connection = await day.connect('GOOGLE', await connectGoogle(fake));
    expect(await syncCalendar(day.deps(openGoogle), connection.id)).toBe('synced');
    const first = (await readConnection(day.db.db, day.key, connection.id))?.channel;
    const refreshes = fake.tokenCalls.length;
    // Six and a half days later the week-long channel is due: renewing it needs a fresh token.
    // (The fake dates channels by the real clock.)
    const later = () => new Date(Date.now() + 6.5 * 86_400_000);
    expect(await syncCalendar(day.deps(openGoogle, later), connection.id)).toBe('synced');
    const renewed = (await readConnection(day.db.db, day.key, connection.id))?.channel;
    expect(renewed?.id).not.toBe(first?.id);
    expect(fake.tokenCalls.length).toBeGreaterThan(refreshes);
  }, 20_000);
});

describe('a refresh token revoked in the middle of a sync', () => {
  it('marks the connection broken, tells the provider and keeps what was applied', async () => {
    const connection = await day.connect('GOOGLE', await connectGoogle(fake));
    const deps = day.deps(openGoogle);
    const id = await bookAppointment(day);
    expect(await pushAppointment(deps, id)).toBe('created');
    fake.addExternalEvent('primary', external(20, 12));
    expect(await syncCalendar(deps, connection.id)).toBe('synced');
    const blocks = await blockSources(day);
    const before = await readConnection(day.db.db, day.key, connection.id);
    for (const date of [21, 22, 23, 24]) fake.addExternalEvent('primary', external(date, 12));
    // Four changes make two list pages. The first page is answered slowly; the user revokes access while it is in flight.
    fake.faults.add({ method: 'GET', path: EVENTS }, { kind: 'slow', ms: 150 });
    const told = day.messenger.sent.length;
    const sync = syncCalendar(deps, connection.id);
    await new Promise((resolve) => setTimeout(resolve, 50));
    fake.revokeRefreshTokens();
    expect(await sync).toBe('broken');
    expect(await connectionStatus(day, connection.id)).toBe('BROKEN');
    expect(day.messenger.sent.length).toBe(told + 1);
    // Nothing applied was lost: the blocks, the cursor and the event id are as they were.
    expect(await blockSources(day)).toEqual(blocks);
    const after = await readConnection(day.db.db, day.key, connection.id);
    expect(after?.cursor).toBe(before?.cursor);
    expect(slotlineEvents().has(eventIdOf(id))).toBe(true);
  }, 20_000);
});
