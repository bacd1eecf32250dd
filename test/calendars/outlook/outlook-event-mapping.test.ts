// Busy rules and time parsing for Graph delta items that the fake does not produce.
import { describe, expect, it } from 'vitest';
import { CalendarUnavailableError } from '../../../src/calendars/calendar-client.ts';
import { mapGraphEvent } from '../../../src/calendars/outlook/outlook-event-mapping.ts';

const item = {
  id: 'e1',
  start: { dateTime: '2026-12-03T10:00:00.1234567', timeZone: 'UTC' },
  end: { dateTime: '2026-12-03T11:00:00.0000000', timeZone: 'UTC' },
  isAllDay: false,
  isCancelled: false,
  showAs: 'tentative',
  transactionId: null,
  categories: ['Red category'],
  responseStatus: { response: 'accepted', time: '0001-01-01T00:00:00Z' },
};

describe('mapGraphEvent', () => {
  it('reads seven-digit UTC times as instants, and tentative as busy', () => {
    expect(mapGraphEvent(item)).toEqual({
      externalEventId: 'e1',
      removed: false,
      busy: true,
      timing: {
        kind: 'timed',
        start: new Date('2026-12-03T10:00:00.123Z'),
        end: new Date('2026-12-03T11:00:00Z'),
      },
    });
  });

  it('does not block time for declined events', () => {
    expect(mapGraphEvent({ ...item, responseStatus: { response: 'declined' } })).toMatchObject({
      busy: false,
    });
  });

  it('recognises Slotline events by transactionId even when the category was removed', () => {
    expect(mapGraphEvent({ ...item, transactionId: 'slotline-appt-9' })).toMatchObject({
      busy: false,
    });
  });

  it('maps @removed items to removed', () => {
    expect(mapGraphEvent({ id: 'e2', '@removed': { reason: 'deleted' } })).toEqual({
      externalEventId: 'e2',
      removed: true,
    });
  });

  it('refuses items it cannot read with CalendarUnavailableError', () => {
    expect(() => mapGraphEvent({ id: 'e3' })).toThrow(CalendarUnavailableError);
    expect(() => mapGraphEvent({ ...item, start: { dateTime: 'soon', timeZone: 'UTC' } })).toThrow(
      CalendarUnavailableError,
    );
  });
});
