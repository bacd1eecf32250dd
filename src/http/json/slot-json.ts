// Bookable slots as JSON: ISO 8601 in the provider's own offset, so wall-clock times read naturally.
import { z } from '@hono/zod-openapi';
import type { FullDay } from '../../booking/slots-in-context.ts';
import type { Slot } from '../../slots/slot-types.ts';
import type { ClosedDay } from '../../slots/why-no-slots.ts';
import { ISO_MAX_BYTES, isoWriterInZone } from './iso-in-zone.ts';

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
    full_days: z
      .array(
        z.object({
          date: z.string().openapi({ example: '2026-12-01' }),
          limit: z.enum(['SERVICE_PER_DAY', 'SERVICE_PER_WEEK']),
          max: z.number().int(),
        }),
      )
      .openapi({
        description:
          "Days of the range that the service's max_bookings_per_day (SERVICE_PER_DAY) or " +
          'max_bookings_per_week (SERVICE_PER_WEEK, the local ISO week) has filled: they offer ' +
          'no slot until a booking is cancelled.',
      }),
  })
  .openapi('SlotList');
export type SlotListJson = z.infer<typeof SlotListJson>;

const SLOT_OPEN = bytes('{"start":"');
const SLOT_MIDDLE = bytes('","end":"');
const SLOT_CLOSE = bytes('"}');
/** Bytes of one slot besides its two instants, with the comma before it. */
const SLOT_FRAME_BYTES = 1 + SLOT_OPEN.length + SLOT_MIDDLE.length + SLOT_CLOSE.length;

/**
 * The slot list as sent, already serialised to UTF-8: exactly the bytes `JSON.stringify` gives
 * for `{ timezone, slots: [{ start, end }], closed_days: [{ date, reason }], full_days:
 * [{ date, limit, max }] }` (SlotListJson),
 * with each start and end as luxon's `DateTime.fromMillis(ms, { zone }).toISO({
 * suppressMilliseconds: true })` prints it. Written by hand because building 12,000 strings into
 * objects, stringifying them and encoding the result cost ~10 ms of event loop for 6,000 slots.
 */
export function slotListJsonBytes(
  timezone: string,
  slots: readonly Slot[],
  closed: readonly ClosedDay[],
  full: readonly FullDay[],
): Uint8Array<ArrayBuffer> {
  const head = bytes(`{"timezone":${JSON.stringify(timezone)},"slots":[`);
  const days = closed.map((day) => ({ date: day.date, reason: day.why.reason }));
  const filled = full.map((day) => ({ date: day.date, limit: day.limit, max: day.max }));
  const tail = bytes(
    `],"closed_days":${JSON.stringify(days)},"full_days":${JSON.stringify(filled)}}`,
  );
  const out = new Uint8Array(
    head.length + slots.length * (SLOT_FRAME_BYTES + 2 * ISO_MAX_BYTES) + tail.length,
  );
  const write = isoWriterInZone(timezone);
  out.set(head, 0);
  let at = head.length;
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i];
    if (slot === undefined) continue;
    // ISO text holds only digits, '-', '+', ':', '.', 'T' and 'Z': nothing JSON must escape.
    if (i > 0) out[at++] = COMMA;
    at = put(SLOT_OPEN, out, at);
    at = write(slot.start, out, at);
    at = put(SLOT_MIDDLE, out, at);
    at = write(slot.end, out, at);
    at = put(SLOT_CLOSE, out, at);
  }
  out.set(tail, at);
  return out.subarray(0, at + tail.length);
}

const COMMA = 44;

function bytes(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text);
}

/** A loop, not out.set: set costs more than it saves on parts of 2 to 10 bytes. */
function put(part: Uint8Array, out: Uint8Array, at: number): number {
  for (let i = 0; i < part.length; i++) out[at + i] = part[i] ?? 0;
  return at + part.length;
}
