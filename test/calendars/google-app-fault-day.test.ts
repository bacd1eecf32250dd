// Google through the running app under every fault: REST changes, notifications to the real webhook route, jobs on pg-boss.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { type FakeGoogle, startFakeGoogle } from '../fakes/google-calendar-api.ts';
import {
  DAY_FAULTS,
  type FaultDayService,
  playFaultDay,
  playRevokedGrant,
  startFaultDayApp,
} from './app-fault-day.ts';
import { at, type CalendarSyncHarness } from './calendar-sync-harness.ts';

const EVENTS = '/calendar/v3/calendars/primary/events';

let fake: FakeGoogle;
let h: CalendarSyncHarness;

beforeAll(async () => {
  // Tokens for 4 minutes: google-auth-library refreshes before every call. Pages of 2 events.
  fake = await startFakeGoogle({
    clientId: 'cid',
    clientSecret: 'csecret',
    accessTokenSeconds: 240,
    pageSize: 2,
  });
  h = await startFaultDayApp({
    google: {
      clientId: 'cid',
      clientSecret: 'csecret',
      apiRoot: fake.rootUrl,
      authUrl: fake.authUrl,
      tokenUrl: fake.tokenUrl,
    },
  });
});
afterAll(async () => {
  await h.close();
  await fake.close();
});

const google: FaultDayService = {
  kind: 'google',
  channelOpen: () => fake.channels().length === 1,
  faultEverything() {
    const faults = DAY_FAULTS;
    fake.faults.add({ method: 'POST', path: '/token' }, ...faults);
    fake.faults.add({ method: 'GET', path: EVENTS }, ...faults);
    fake.faults.add({ method: 'POST', path: `${EVENTS}/watch` }, ...faults);
    fake.faults.add({ method: 'POST', path: EVENTS }, ...faults);
    fake.faults.add({ method: 'PATCH', path: `${EVENTS}/` }, ...faults);
    fake.faults.add({ method: 'DELETE', path: `${EVENTS}/` }, ...faults);
  },
  played: () => fake.faults.played(),
  liveOurs() {
    const seen = new Map<string, string>();
    for (const e of fake.events('primary')) {
      const id = e.extendedProperties?.private?.slotlineAppointmentId;
      if (e.status === 'cancelled' || id === undefined) continue;
      if (seen.has(id)) throw new Error(`two live events for appointment ${id}`);
      seen.set(id, new Date(e.start?.dateTime ?? '').toISOString());
    }
    return seen;
  },
  addExternal: (date, hour, free) =>
    fake.addExternalEvent('primary', {
      summary: free ? 'Free time' : 'Dentist',
      ...(free ? { transparency: 'transparent' } : {}),
      start: { dateTime: at(date, hour) },
      end: { dateTime: at(date, hour + 1) },
    }).id,
  deleteExternal: (id) => fake.deleteExternalEvent('primary', id),
  async noisyNotifications() {
    const channel = fake.channels()[0];
    if (channel === undefined) return [];
    return Promise.all([
      fake.notify(channel.id),
      fake.notify(channel.id),
      fake.notify(channel.id, 'exists', 1),
    ]);
  },
  revokeRefreshTokens: () => fake.revokeRefreshTokens(),
};

describe('a day of Google calendar life through the running app, under every fault', () => {
  it('settles with the calendar equal to the appointments and the slots blocked by busy events only', async () => {
    await playFaultDay(h, google);
  }, 90_000);

  it('a refresh token revoked mid-day breaks the connection once, tells the provider, and leaves no job running', async () => {
    await playRevokedGrant(h, google);
  }, 60_000);
});
