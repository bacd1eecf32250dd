// The rules a provider's weekly schedule must satisfy, checked before anything is written.
import type { InvalidInput } from '../domain/outcome.ts';
import { invalidInput } from '../domain/outcome.ts';
import type { WeeklyWindow } from '../slots/slot-types.ts';
import { wallClockMinutes } from './wall-clock.ts';

type Issue = { readonly path: (string | number)[]; readonly message: string };
type Span = {
  readonly index: number;
  readonly day: number;
  readonly start: number;
  readonly end: number;
};

/**
 * Null when every window has a weekday 0-6, 'HH:MM' times with end after start (end may be
 * 24:00), and no two windows of one weekday overlap (touching is fine: windows are half-open).
 * Otherwise one VALIDATION_ERROR listing every problem under details.issues.
 */
export function checkWeeklyWindows(windows: readonly WeeklyWindow[]): InvalidInput | null {
  const issues: Issue[] = [];
  const spans: Span[] = [];
  windows.forEach((w, index) => {
    const start = wallClockMinutes(w.startTime);
    const end = wallClockMinutes(w.endTime);
    if (!Number.isInteger(w.dayOfWeek) || w.dayOfWeek < 0 || w.dayOfWeek > 6) {
      issues.push({ path: ['windows', index], message: 'day_of_week must be 0 (Monday) to 6' });
    } else if (start === null || end === null) {
      issues.push({ path: ['windows', index], message: 'times must be HH:MM (end may be 24:00)' });
    } else if (end <= start) {
      issues.push({ path: ['windows', index], message: 'end_time must be after start_time' });
    } else {
      spans.push({ index, day: w.dayOfWeek, start, end });
    }
  });
  issues.push(...overlapIssues(spans));
  if (issues.length === 0) return null;
  return invalidInput(issues[0]?.message ?? 'invalid windows', { issues });
}

function overlapIssues(spans: readonly Span[]): Issue[] {
  const sorted = [...spans].sort((a, b) => a.day - b.day || a.start - b.start);
  const issues: Issue[] = [];
  // The window reaching furthest so far on this day: a later one can overlap it past a short one.
  let reach: Span | undefined;
  for (const current of sorted) {
    if (reach && reach.day === current.day && current.start < reach.end) {
      issues.push({
        path: ['windows', current.index],
        message: `window ${current.index} overlaps window ${reach.index} on day ${current.day}`,
      });
    }
    if (!reach || reach.day !== current.day || current.end > reach.end) reach = current;
  }
  return issues;
}
