// Bookable slots as JSON: ISO 8601 in the provider's own offset, so wall-clock times read naturally.
import { z } from '@hono/zod-openapi';
import { DateTime } from 'luxon';
import type { Slot } from '../../slots/slot-types.ts';

export const SlotListJson = z
  .object({
    timezone: z.string().openapi({ example: 'Europe/Berlin' }),
    slots: z.array(
      z.object({
        start: z.string().openapi({ example: '2026-12-01T09:00:00+01:00' }),
        end: z.string().openapi({ example: '2026-12-01T09:30:00+01:00' }),
      }),
    ),
  })
  .openapi('SlotList');
export type SlotListJson = z.infer<typeof SlotListJson>;

export function toSlotListJson(timezone: string, slots: readonly Slot[]): SlotListJson {
  return {
    timezone,
    slots: slots.map((s) => ({ start: inZone(s.start, timezone), end: inZone(s.end, timezone) })),
  };
}

function inZone(ms: number, zone: string): string {
  // toISO is null only for an invalid zone or instant; the provider's zone was validated on save.
  return (
    DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true }) ??
    new Date(ms).toISOString()
  );
}
