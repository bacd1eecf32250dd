// A day of calendar life through the running app (REST, the webhook route, pg-boss), played against any calendar fake.
import { expect } from 'vitest';
import { OUTBOUND_TIMEOUT_MS } from '../../src/calendars/outbound-limits.ts';
import { QUEUES } from '../../src/jobs/queues.ts';
import { everyFault, type Fault } from '../fakes/fault-plan.ts';
import {
  at,
  book,
  type CalendarSettings,
  type CalendarSyncHarness,
  connectThroughConsent,
  dayAhead,
  PROVIDER_CHAT,
  slotStarts,
  startCalendarSyncHarness,
  syncRows,
  waitFor,
} from './calendar-sync-harness.ts';

/** What the day needs from one calendar service's fake. */
export type FaultDayService = {
  readonly kind: 'google' | 'outlook';
  /** Whether the connection's push channel (watch or subscription) is open. */
  channelOpen(): boolean;
  /** Queues every fault on each kind of request the app sends the service. */
  faultEverything(): void;
  /** Faults played so far. */
  played(): readonly Fault[];
  /** The app's live events: appointment id → ISO start. Throws on two for one appointment. */
  liveOurs(): Map<string, string>;
  /** A busy (or, with `free`, a free-time) event made by the owner; resolves its id. */
  addExternal(date: string, hour: number, free?: 'free'): string;
  deleteExternal(id: string): void;
  /** The next notification, a duplicate and a late or stale one, at once; their statuses. */
  noisyNotifications(): Promise<number[]>;
  revokeRefreshTokens(): void;
};

/**
 * The faults each route plays, Retry-After 1 s. The slow answer outlasts the default timeout
 * threefold, so the day settles in time only when CALENDAR_TIMEOUT_MS (the test's 300 ms) is used.
 */
export const DAY_FAULTS: readonly Fault[] = everyFault(OUTBOUND_TIMEOUT_MS, 1);

/** Retries a second or two apart, so the faults clear within the test. */
const QUICK_RETRY = { retryLimit: 40, retryDelaySeconds: 1, retryDelayMaxSeconds: 2 };

/** CALENDAR_TIMEOUT_MS for the app: DAY_FAULTS' slow answers (60 s) outlast it. */
const DAY_TIMEOUT_MS = 300;

/** The running app for a fault day: `services` offered, quick retries, a 300 ms call limit. */
export function startFaultDayApp(
  services: Pick<CalendarSettings, 'google' | 'outlook'>,
): Promise<CalendarSyncHarness> {
  return startCalendarSyncHarness({ ...services, timeoutMs: DAY_TIMEOUT_MS, retry: QUICK_RETRY });
}

async function countCalendarJobs(h: CalendarSyncHarness, states: string[]): Promise<number> {
  const { rows } = await h.db.pool.query(
    'select count(*)::int as n from pgboss.job where name = any($1) and state = any($2)',
    [[QUEUES.calendarPush, QUEUES.calendarSync, QUEUES.deadLetter], states],
  );
  return rows[0]?.n as number;
}

const unfinished = (h: CalendarSyncHarness) => countCalendarJobs(h, ['created', 'retry', 'active']);

/**
 * Connects, faults every request, then books, moves and cancels over REST while the owner adds
 * and deletes events and the service sends noisy notifications. Ends when the calendar holds
 * exactly the active appointments, busy events block their slots and no calendar job is left.
 */
export async function playFaultDay(h: CalendarSyncHarness, s: FaultDayService): Promise<void> {
  expect((await connectThroughConsent(h, s.kind)).status).toBe(200);
  await waitFor(() => s.channelOpen());
  s.faultEverything();
  const d1 = dayAhead(3);
  const d2 = dayAhead(4);
  const first = await book(h, at(d1, 9));
  const second = await book(h, at(d1, 10));
  const third = await book(h, at(d2, 9));
  s.addExternal(d1, 15);
  const gym = s.addExternal(d2, 12);
  s.addExternal(d2, 14, 'free');
  for (const status of await s.noisyNotifications()) expect(status).toBeLessThan(300);

  const moved = await h.call('POST', `/api/appointments/${first}/reschedule`, {
    start_time: at(d1, 13),
  });
  expect(moved.status).toBe(200);
  const cancelled = await h.call('POST', `/api/appointments/${second}/cancel`, { by: 'client' });
  expect(cancelled.status).toBe(200);
  s.deleteExternal(gym);
  for (const status of await s.noisyNotifications()) expect(status).toBeLessThan(300);

  const expected = new Map([
    [first, new Date(at(d1, 13)).toISOString()],
    [third, new Date(at(d2, 9)).toISOString()],
  ]);
  const iso = (date: string, hour: number) => new Date(at(date, hour)).toISOString();
  await waitFor(async () => {
    const ours = s.liveOurs();
    return (
      ours.size === expected.size &&
      [...expected].every(([id, start]) => ours.get(id) === start) &&
      !(await slotStarts(h, d1)).includes(iso(d1, 15)) &&
      (await slotStarts(h, d2)).includes(iso(d2, 12)) &&
      (await unfinished(h)) === 0
    );
  }, 60_000);

  const kinds = new Set(s.played().map((f) => (f.kind === 'status' ? f.status : f.kind)));
  expect([...kinds].map(String).sort()).toEqual(['429', '500', '503', 'reset', 'slow']);
  expect(await countCalendarJobs(h, ['failed'])).toBe(0);
  expect((await syncRows(h))[0]?.status).toBe('ACTIVE');
  // Freed slots come back: the one moved from, the cancelled one, the free-time one.
  const slots1 = await slotStarts(h, d1);
  expect(slots1).toEqual(expect.arrayContaining([iso(d1, 9), iso(d1, 10)]));
  expect(await slotStarts(h, d2)).toContain(iso(d2, 14));
}

/**
 * Revokes the refresh token, then books: the push finds the grant gone. The connection breaks
 * once, the provider gets one message, and no calendar job is left running or retrying.
 */
export async function playRevokedGrant(h: CalendarSyncHarness, s: FaultDayService): Promise<void> {
  const before = h.messenger.sent.length;
  s.revokeRefreshTokens();
  await book(h, at(dayAhead(6), 11));
  await waitFor(async () => (await syncRows(h))[0]?.status === 'BROKEN', 30_000);
  await waitFor(async () => (await unfinished(h)) === 0, 30_000);
  const told = h.messenger.sent
    .slice(before)
    .filter((m) => m.to.platformUserId === PROVIDER_CHAT && /stopped working/.test(m.message.text));
  expect(told).toHaveLength(1);
}
