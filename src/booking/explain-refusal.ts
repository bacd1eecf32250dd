// A refused start as a failure that names the way on: the nearest free times and the limits.
import type { SlotTaken, SlotUnavailable } from '../domain/outcome.ts';
import { rulesHorizon } from '../slots/booking-horizon.ts';
import { nearestStarts } from '../slots/nearest-starts.ts';
import type { BusyTimes, SlotRejection, SlotRules } from '../slots/slot-types.ts';

/**
 * SLOT_TAKEN for TAKEN, otherwise SLOT_UNAVAILABLE with the reason and the service's limits;
 * both with the bookable starts nearest to `start` on its local day. Pure; runs only on the
 * refusal path, on the context the check already loaded (no further reads).
 */
export function explainRefusal(input: {
  readonly rules: SlotRules;
  readonly busy: BusyTimes;
  readonly start: Date;
  readonly now: Date;
  readonly reason: SlotRejection;
}): SlotTaken | SlotUnavailable {
  const { rules, now, reason } = input;
  const near = nearestStarts({
    rules,
    busy: input.busy,
    start: input.start.getTime(),
    now: now.getTime(),
  });
  const nearest = { before: dateOrNull(near.before), after: dateOrNull(near.after) };
  if (reason === 'TAKEN') return { ok: false, code: 'SLOT_TAKEN', nearest };
  const horizon = rulesHorizon(rules, now.getTime());
  const limits = {
    minNoticeMinutes: rules.minNoticeMinutes,
    maxAdvanceDays: rules.maxAdvanceDays,
    earliest: new Date(horizon.earliest),
    latest: new Date(horizon.latest),
  };
  return { ok: false, code: 'SLOT_UNAVAILABLE', reason, nearest, limits };
}

function dateOrNull(instant: number | null): Date | null {
  return instant === null ? null : new Date(instant);
}
