// Bookable slots as JSON: ISO 8601 in the provider's own offset, so wall-clock times read naturally.
import { z } from '@hono/zod-openapi';
import type { Slot } from '../../slots/slot-types.ts';
import type { ClosedDay } from '../../slots/why-no-slots.ts';
import { isoInZone } from './iso-in-zone.ts';

export const SlotListJson = z
  .object({
    timezone: z.string().openapi({ example: 'Europe/Berlin' }),
    slots: z.array(
      z.object({
        start: z.string().openapi({ example: '2026-12-01T09:00:00+01:00' }),
        end: z.string().openapi({ example: '2026-12-01T09:30:00+01:00' }),
      }),
    ),
    closed_days: z
      .array(
        z.object({
          date: z.string().openapi({ example: '2027-02-01' }),
          reason: z.enum(['IN_THE_PAST', 'TOO_SOON', 'TOO_FAR_AHEAD', 'BLOCKED', 'CLOSED']),
        }),
      )
      .openapi({
        description:
          'Days of the range with no slot whatever the bookings, and why: IN_THE_PAST, TOO_SOON ' +
          '(within min notice), TOO_FAR_AHEAD (past max_advance_days), BLOCKED (an override), ' +
          'CLOSED (no working hours). A day with no slots that is not listed is fully booked.',
      }),
  })
  .openapi('SlotList');
export type SlotListJson = z.infer<typeof SlotListJson>;

/**
 * The slot list as sent, already serialised: exactly the bytes `JSON.stringify` gives for
 * `{ timezone, slots: [{ start, end }], closed_days: [{ date, reason }] }` (SlotListJson), with
 * each start and end as luxon's `DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds:
 * true })` prints it. Written by hand because building 12,000 strings into objects and then
 * stringifying them cost ~10 ms of event loop for 6,000 slots; isoInZone makes one Intl call per
 * day rather than per instant.
 */
export function slotListJsonText(
  timezone: string,
  slots: readonly Slot[],
  closed: readonly ClosedDay[],
): string {
  const format = isoInZone(timezone);
  // null only for an invalid zone or instant; the provider's zone was validated on save.
  const inZone = (ms: number) => format(ms) ?? new Date(ms).toISOString();
  // ISO text holds only digits, '-', '+', ':', '.', 'T' and 'Z': nothing JSON must escape.
  let text = `{"timezone":${JSON.stringify(timezone)},"slots":[`;
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i];
    if (slot === undefined) continue;
    text += `${i === 0 ? '' : ','}{"start":"${inZone(slot.start)}","end":"${inZone(slot.end)}"}`;
  }
  const days = closed.map((day) => ({ date: day.date, reason: day.why.reason }));
  return `${text}],"closed_days":${JSON.stringify(days)}}`;
}
