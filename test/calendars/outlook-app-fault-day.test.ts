// Outlook through the running app under every fault: REST changes, notifications to the real webhook route, jobs on pg-boss.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { type FakeGraph, startFakeGraph } from '../fakes/graph-api.ts';
import {
  DAY_FAULTS,
  type FaultDayService,
  playFaultDay,
  playRevokedGrant,
  startFaultDayApp,
} from './app-fault-day.ts';
import type { CalendarSyncHarness } from './calendar-sync-harness.ts';

const EVENTS = '/graph/v1.0/me/events';
const DELTA = '/graph/v1.0/me/calendarView/delta';
const SUBSCRIPTIONS = '/graph/v1.0/subscriptions';

let fake: FakeGraph;
let h: CalendarSyncHarness;

beforeAll(async () => {
  // Tokens for 30 s, inside the 60 s refresh margin: a refresh before every call. Pages of 2.
  fake = await startFakeGraph({
    clientId: 'ms-client',
    clientSecret: 'ms-secret',
    accessTokenSeconds: 30,
    pageSize: 2,
  });
  h = await startFaultDayApp({
    outlook: {
      clientId: 'ms-client',
      clientSecret: 'ms-secret',
      tenant: 'common',
      loginUrl: fake.loginUrl,
      graphUrl: fake.graphUrl,
    },
  });
});
afterAll(async () => {
  await h.close();
  await fake.close();
});

/** Graph wants zone-less local times with a zone name. */
const graphTime = (date: string, hour: number) => ({
  dateTime: `${date}T${String(hour).padStart(2, '0')}:00:00`,
  timeZone: 'UTC',
});

const outlook: FaultDayService = {
  kind: 'outlook',
  channelOpen: () => fake.subscriptions().length === 1,
  faultEverything() {
    const faults = DAY_FAULTS;
    fake.faults.add({ method: 'POST', path: '/login/' }, ...faults);
    fake.faults.add({ method: 'GET', path: DELTA }, ...faults);
    fake.faults.add({ method: 'POST', path: SUBSCRIPTIONS }, ...faults);
    fake.faults.add({ method: 'POST', path: EVENTS }, ...faults);
    fake.faults.add({ method: 'PATCH', path: `${EVENTS}/` }, ...faults);
    fake.faults.add({ method: 'DELETE', path: `${EVENTS}/` }, ...faults);
  },
  played: () => fake.faults.played(),
  liveOurs() {
    const seen = new Map<string, string>();
    for (const e of fake.events()) {
      if (e.isCancelled || !e.transactionId?.startsWith('slotline-')) continue;
      const id = e.transactionId.slice('slotline-'.length);
      if (seen.has(id)) throw new Error(`two live events for appointment ${id}`);
      seen.set(id, new Date(`${e.start.dateTime.slice(0, 19)}Z`).toISOString());
    }
    return seen;
  },
  addExternal: (date, hour, free) =>
    fake.addExternalEvent({
      subject: free ? 'Free time' : 'Dentist',
      start: graphTime(date, hour),
      end: graphTime(date, hour + 1),
      showAs: free ? 'free' : 'busy',
    }).id,
  deleteExternal: (id) => fake.deleteExternalEvent(id),
  async noisyNotifications() {
    const subscription = fake.subscriptions()[0];
    const [first] = fake.events();
    if (subscription === undefined) return [];
    return Promise.all([
      fake.notify(subscription.id),
      fake.notify(subscription.id),
      ...(first
        ? [fake.notify(subscription.id, { changeType: 'created', resourceId: first.id })]
        : []),
    ]);
  },
  revokeRefreshTokens: () => fake.revokeRefreshTokens(),
};

describe('a day of Outlook calendar life through the running app, under every fault', () => {
  it('settles with the calendar equal to the appointments and the slots blocked by busy events only', async () => {
    await playFaultDay(h, outlook);
  }, 90_000);

  it('a refresh token revoked mid-day breaks the connection once, tells the provider, and leaves no job running', async () => {
    await playRevokedGrant(h, outlook);
  }, 60_000);
});
