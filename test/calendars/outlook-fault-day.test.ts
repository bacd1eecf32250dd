// Outlook under every fault its Graph fake can play: nothing is lost or duplicated, a refresh never deadlocks, a revoke breaks cleanly.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OAuthTokens } from '../../src/calendars/calendar-client.ts';
import { readConnection } from '../../src/calendars/calendar-connections.ts';
import { createOutlookCalendar } from '../../src/calendars/outlook/outlook-calendar.ts';
import { pushAppointment } from '../../src/calendars/push-appointment.ts';
import { syncCalendar } from '../../src/calendars/sync-calendar.ts';
import { everyFault } from '../fakes/fault-plan.ts';
import { type FakeGraph, type GraphEventInput, startFakeGraph } from '../fakes/graph-api.ts';
import {
  activeAppointments,
  blockSources,
  bookAppointment,
  cancelAppointment,
  connectionStatus,
  DayJobs,
  type FaultDay,
  moveAppointment,
  NOW,
  type OpenClient,
  startFaultDay,
} from './fault-day-sync-harness.ts';
import { app, connectOutlook } from './outlook/outlook-connection.ts';

const TIMEOUT_MS = 300;
const EVENTS = '/graph/v1.0/me/events';
const DELTA = '/graph/v1.0/me/calendarView/delta';
const SUBSCRIPTIONS = '/graph/v1.0/subscriptions';
const EVERY_FAULT = everyFault(TIMEOUT_MS);

/** The fake's clock and the app's: a test moves it to make a subscription due. */
const clock = { now: NOW };
let fake: FakeGraph;
let day: FaultDay;
const sleeps: number[] = [];

beforeAll(async () => {
  // Tokens for 30 s, inside the client's 60 s margin: a refresh before every call.
  fake = await startFakeGraph({
    clientId: app.clientId,
    clientSecret: app.clientSecret,
    now: () => clock.now,
    validationTimeoutMs: 2_000,
    accessTokenSeconds: 30,
    pageSize: 2,
  });
});
afterAll(() => fake.close());
// A provider of its own per test: one calendar connection each.
beforeEach(async () => {
  clock.now = NOW;
  day = await startFaultDay();
});
afterEach(() => day.close());

const openOutlook: OpenClient = (connection, saveTokens) =>
  createOutlookCalendar({
    graphUrl: fake.graphUrl,
    loginUrl: fake.loginUrl,
    ...app,
    tokens: connection.tokens,
    saveTokens,
    now: () => clock.now,
    timeoutMs: TIMEOUT_MS,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });

const connectFake = () => connectOutlook(fake, clock);

/** Queues every fault on each kind of request Slotline sends Microsoft. */
function faultEverything(): void {
  fake.faults.add({ method: 'POST', path: '/login/' }, ...EVERY_FAULT);
  fake.faults.add({ method: 'GET', path: DELTA }, ...EVERY_FAULT);
  fake.faults.add({ method: 'POST', path: SUBSCRIPTIONS }, ...EVERY_FAULT);
  fake.faults.add({ method: 'POST', path: EVENTS }, ...EVERY_FAULT);
  fake.faults.add({ method: 'PATCH', path: `${EVENTS}/` }, ...EVERY_FAULT);
  fake.faults.add({ method: 'DELETE', path: `${EVENTS}/` }, ...EVERY_FAULT);
}

function external(dayOfMonth: number, hour: number): GraphEventInput {
  const at = (h: number) => ({
    dateTime: new Date(Date.UTC(2026, 11, dayOfMonth, h)).toISOString().slice(0, 19),
    timeZone: 'UTC',
  });
  return { subject: 'Dentist', start: at(hour), end: at(hour + 1), showAs: 'busy' };
}

const isOurs = (e: { transactionId: string | null }) =>
  e.transactionId?.startsWith('slotline-') === true;

/** Slotline's live events in the fake, by appointment id, with their start. */
function slotlineEvents(): Map<string, string> {
  const ours = fake.events().filter(isOurs);
  return new Map(
    ours.map((e) => [
      (e.transactionId ?? '').slice('slotline-'.length),
      new Date(`${e.start.dateTime.slice(0, 19)}Z`).toISOString(),
    ]),
  );
}

function busyExternalIds(): string[] {
  return fake
    .events()
    .filter((e) => !isOurs(e) && !e.isCancelled && e.showAs !== 'free')
    .map((e) => e.id)
    .sort();
}

const eventIdOf = (appointmentId: string) => appointmentId;

/** Duplicated and out-of-order notifications on every subscription. */
async function noisyNotifications(): Promise<void> {
  const [first] = fake.events();
  for (const subscription of fake.subscriptions()) {
    await Promise.all([fake.notify(subscription.id), fake.notify(subscription.id)]);
    if (first) await fake.notify(subscription.id, { changeType: 'created', resourceId: first.id });
  }
}

describe('a whole day of Outlook calendar life under every fault', () => {
  it('ends with the calendar equal to the appointments and the blocks equal to the busy events', async () => {
    const tokens: OAuthTokens = await connectFake();
    const connection = await day.connect('OUTLOOK', tokens);
    const deps = day.deps(openOutlook);
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
    const lunch = fake.addExternalEvent(external(10, 12));
    const gym = fake.addExternalEvent(external(11, 7));
    fake.addExternalEvent({ ...external(12, 12), showAs: 'free' });
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
    fake.updateExternalEvent(lunch.id, external(10, 15));
    fake.deleteExternalEvent(gym.id);
    fake.addExternalEvent(external(13, 8));
    fake.faults.add({ method: 'GET', path: DELTA }, { kind: 'slow', ms: 100 });
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
    fake.addExternalEvent(external(14, 8));
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
    // A 429's Retry-After (2 s) was waited out before the one resend.
    expect(sleeps.some((ms) => ms >= 2_000)).toBe(true);
    expect(day.notifications()).toBeGreaterThan(0);
  }, 60_000);
});

describe('a token refresh during a channel renewal', () => {
  it('completes on a pool of one connection', async () => {
    const connection = await day.connect('OUTLOOK', await connectFake());
    expect(await syncCalendar(day.deps(openOutlook), connection.id)).toBe('synced');
    const first = (await readConnection(day.db.db, day.key, connection.id))?.channel;
    const refreshes = tokenCalls();
    // About two days later the 70-hour subscription is due: renewing it needs a fresh token.
    clock.now = new Date(NOW.getTime() + 2.2 * 86_400_000);
    expect(
      await syncCalendar(
        day.deps(openOutlook, () => clock.now),
        connection.id,
      ),
    ).toBe('synced');
    const renewed = (await readConnection(day.db.db, day.key, connection.id))?.channel;
    expect(renewed?.expiresAt.getTime()).toBeGreaterThan(first?.expiresAt.getTime() ?? Infinity);
    expect(tokenCalls()).toBeGreaterThan(refreshes);
  }, 20_000);
});

const tokenCalls = () =>
  fake.calls.filter((c) => c.method === 'POST' && c.path.startsWith('/login/')).length;

describe('a refresh token revoked in the middle of a sync', () => {
  it('marks the connection broken, tells the provider and keeps what was applied', async () => {
    const connection = await day.connect('OUTLOOK', await connectFake());
    const deps = day.deps(openOutlook);
    const id = await bookAppointment(day);
    expect(await pushAppointment(deps, id)).toBe('created');
    fake.addExternalEvent(external(20, 12));
    expect(await syncCalendar(deps, connection.id)).toBe('synced');
    const blocks = await blockSources(day);
    const before = await readConnection(day.db.db, day.key, connection.id);
    for (const date of [21, 22, 23, 24]) fake.addExternalEvent(external(date, 12));
    // Four changes make two list pages. The first page is answered slowly; the user revokes access while it is in flight.
    fake.faults.add({ method: 'GET', path: DELTA }, { kind: 'slow', ms: 150 });
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
