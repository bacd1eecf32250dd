// Maps a stored override row to the domain shape.
import type { availabilityOverrides } from '../db/schema/availability.ts';
import type { StoredOverride } from '../domain/catalog.ts';
import { fromTimeColumn } from './wall-clock.ts';

/** The row with its times as 'HH:MM' (the time column returns seconds). */
export function toStoredOverride(row: typeof availabilityOverrides.$inferSelect): StoredOverride {
  return {
    ...row,
    startTime: row.startTime === null ? null : fromTimeColumn(row.startTime),
    endTime: row.endTime === null ? null : fromTimeColumn(row.endTime),
  };
}
