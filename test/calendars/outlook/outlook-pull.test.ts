// Inbound sync from Outlook: complete and incremental calendarView delta pulls against the fake.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  ExternalEvent,
  OutboundEvent,
  PullWindow,
} from '../../../src/calendars/calendar-client.ts';
import type { OutlookCalendar } from '../../../src/calendars/outlook/outlook-calendar.ts';
import type { FakeGraph, GraphEventInput } from '../../fakes/graph-api.ts';
import {
  bindCalendar,
  type Clock,
  connectOutlook,
  startClockedGraph,
} from './outlook-connection.ts';

const clock: Clock = { now: new Date('2026-12-01T09:00:00Z') };
const window: PullWindow = {
  from: new Date('2026-12-01T00:00:00Z'),
  to: new Date('2027-01-01T00:00:00Z'),
};
let graph: FakeGraph;
let calendar: OutlookCalendar;

const ours: OutboundEvent = {
  appointmentId: 'appt-7',
  summary: 'Haircut with Kim',
  description: '',
  start: new Date('2026-12-02T09:00:00Z'),
  end: new Date('2026-12-02T09:30:00Z'),
  timezone: 'UTC',
  meetingLink: null,
  requestMeeting: false,
};

const berlin = (dateTime: string) => ({ dateTime, timeZone: 'W. Europe Standard Time' });
const meeting: GraphEventInput = {
  subject: 'Dentist',
  start: berlin('2026-12-03T14:00:00'),
  end: berlin('2026-12-03T15:00:00'),
};

beforeEach(async () => {
  clock.now = new Date('2026-12-01T09:00:00Z');
  graph = await startClockedGraph(clock);
  calendar = bindCalendar(graph, clock, await connectOutlook(graph, clock)).calendar;
});

afterEach(() => graph.close());

const byId = (events: readonly ExternalEvent[]) =>
  new Map(events.map((event) => [event.externalEventId, event]));

describe('a complete pull', () => {
  it('blocks external busy time, and not free, cancelled or Slotline events', async () => {
    const busy = graph.addExternalEvent(meeting);
    const free = graph.addExternalEvent({ ...meeting, subject: 'Focus', showAs: 'free' });
    const remote = graph.addExternalEvent({ ...meeting, showAs: 'workingElsewhere' });
    const cancelled = graph.addExternalEvent({ ...meeting, isCancelled: true });
    const own = await calendar.createEvent(ours);
    const result = await calendar.pullEvents(null, window);
    expect(result.complete).toBe(true);
    expect(result.cursor).toMatch(/calendarView\/delta\?\$deltatoken=/);
    const events = byId(result.events);
    expect(events.size).toBe(5);
    expect(events.get(busy.id)).toEqual({
      externalEventId: busy.id,
      removed: false,
      busy: true,
      timing: {
        kind: 'timed',
        start: new Date('2026-12-03T13:00:00Z'),
        end: new Date('2026-12-03T14:00:00Z'),
      },
    });
    for (const id of [free.id, remote.id, cancelled.id, own.externalEventId]) {
      expect(events.get(id)).toMatchObject({ removed: false, busy: false });
    }
  });

  it('gives all-day events as floating dates with an exclusive end', async () => {
    const holiday = graph.addExternalEvent({
      subject: 'Holiday',
      isAllDay: true,
      start: { dateTime: '2026-12-24T00:00:00', timeZone: 'Pacific Standard Time' },
      end: { dateTime: '2026-12-26T00:00:00', timeZone: 'Pacific Standard Time' },
    });
    const result = await calendar.pullEvents(null, window);
    expect(result.events).toEqual([
      {
        externalEventId: holiday.id,
        removed: false,
        busy: true,
        timing: { kind: 'all-day', startDate: '2026-12-24', endDate: '2026-12-26' },
      },
    ]);
  });

  it('asks for 50-event pages and follows nextLinks to the deltaLink', async () => {
    for (let day = 0; day < 60; day += 1) {
      const start = new Date(Date.UTC(2026, 11, 2) + day * 3 * 3_600_000);
      const end = new Date(start.getTime() + 3_600_000);
      graph.addExternalEvent({
        start: { dateTime: start.toISOString().slice(0, 19), timeZone: 'UTC' },
        end: { dateTime: end.toISOString().slice(0, 19), timeZone: 'UTC' },
      });
    }
    const result = await calendar.pullEvents(null, window);
    expect(result.events).toHaveLength(60);
    const deltaCalls = graph.calls.filter((c) => c.path.endsWith('/calendarView/delta'));
    expect(deltaCalls).toHaveLength(2);
    expect(deltaCalls[0]?.query).toEqual({
      startDateTime: '2026-12-01T00:00:00.000Z',
      endDateTime: '2027-01-01T00:00:00.000Z',
    });
    expect(deltaCalls[1]?.query.$skiptoken).toBeDefined();
    expect(deltaCalls.every((c) => c.prefer?.includes('odata.maxpagesize=50'))).toBe(true);
  });
});

describe('an incremental pull', () => {
  it('returns only the changes since the cursor, deletions as removed', async () => {
    const moved = graph.addExternalEvent(meeting);
    const dropped = graph.addExternalEvent({ ...meeting, subject: 'Lunch' });
    graph.addExternalEvent({ ...meeting, subject: 'Untouched' });
    const first = await calendar.pullEvents(null, window);
    graph.updateExternalEvent(moved.id, {
      start: berlin('2026-12-10T09:00:00'),
      end: berlin('2026-12-10T10:00:00'),
    });
    graph.deleteExternalEvent(dropped.id);
    const added = graph.addExternalEvent({ ...meeting, subject: 'New', showAs: 'free' });
    const next = await calendar.pullEvents(first.cursor, window);
    expect(next.complete).toBe(false);
    expect(next.cursor).not.toBe(first.cursor);
    const events = byId(next.events);
    expect(events.size).toBe(3);
    expect(events.get(dropped.id)).toEqual({ externalEventId: dropped.id, removed: true });
    expect(events.get(moved.id)).toMatchObject({
      busy: true,
      timing: { kind: 'timed', start: new Date('2026-12-10T08:00:00Z') },
    });
    expect(events.get(added.id)).toMatchObject({ removed: false, busy: false });
    const quiet = await calendar.pullEvents(next.cursor, window);
    expect(quiet).toMatchObject({ complete: false, events: [] });
  });

  it('falls back to a complete pull when the delta token is no longer known', async () => {
    const kept = graph.addExternalEvent(meeting);
    const first = await calendar.pullEvents(null, window);
    graph.invalidateDeltaTokens();
    const next = await calendar.pullEvents(first.cursor, window);
    expect(next.complete).toBe(true);
    expect(next.events.map((e) => e.externalEventId)).toEqual([kept.id]);
    expect(graph.calls.some((c) => c.status === 410)).toBe(true);
  });

  it('never sends the token to a cursor on another host: it pulls completely instead', async () => {
    const kept = graph.addExternalEvent(meeting);
    const foreign = 'http://127.0.0.1:9/v1.0/me/calendarView/delta?$deltatoken=stolen';
    const result = await calendar.pullEvents(foreign, window);
    expect(result.complete).toBe(true);
    expect(result.events.map((e) => e.externalEventId)).toEqual([kept.id]);
  });
});
