// The weekly schedule and one-day overrides as JSON.
import { z } from '@hono/zod-openapi';
import { OVERRIDE_SOURCES } from '../../domain/calendar-kinds.ts';
import type { StoredOverride, StoredWeeklyWindow } from '../../domain/catalog.ts';

const WindowJson = z
  .object({
    day_of_week: z.number().int().openapi({ description: '0 = Monday ... 6 = Sunday' }),
    start_time: z.string().openapi({ example: '09:00' }),
    end_time: z.string().openapi({ example: '17:00' }),
  })
  .openapi('WeeklyWindow');

export const AvailabilityJson = z.object({ windows: z.array(WindowJson) }).openapi('Availability');
export type AvailabilityJson = z.infer<typeof AvailabilityJson>;

export const OverrideJson = z
  .object({
    id: z.string(),
    provider_id: z.string(),
    date: z.string().openapi({ example: '2026-12-01' }),
    start_time: z.string().nullable(),
    end_time: z.string().nullable(),
    is_blocked: z.boolean(),
    source: z.enum(OVERRIDE_SOURCES),
    external_event_id: z.string().nullable(),
    created_at: z.string(),
  })
  .openapi('Override');
export type OverrideJson = z.infer<typeof OverrideJson>;

export function toAvailabilityJson(windows: readonly StoredWeeklyWindow[]): AvailabilityJson {
  return {
    windows: windows.map((w) => ({
      day_of_week: w.dayOfWeek,
      start_time: w.startTime,
      end_time: w.endTime,
    })),
  };
}

export function toOverrideJson(o: StoredOverride): OverrideJson {
  return {
    id: o.id,
    provider_id: o.providerId,
    date: o.date,
    start_time: o.startTime,
    end_time: o.endTime,
    is_blocked: o.isBlocked,
    source: o.source,
    external_event_id: o.externalEventId,
    created_at: o.createdAt.toISOString(),
  };
}
