// Every core failure as a plain reply and a way on: the one switch over the Failure codes.

import type { Failure, LimitReached, SlotTaken, SlotUnavailable } from '../domain/outcome.ts';
import type { Translator } from '../i18n/translator.ts';
import { formatDayLong, localDate, statusWords } from './chat-format.ts';
import { advanceWords, minNoticeWords, nearestClocks, nearestWords } from './limit-words.ts';

/**
 * What the flow offers after the reply:
 * - fresh-times: the times still free on the chosen day;
 * - other-days: the days with free times (the locked-out day left out);
 * - restart: a fresh start of the flow;
 * - none: nothing more (the reply says it all).
 */
type Recovery = 'fresh-times' | 'other-days' | 'restart' | 'none';

export type FailureReply = { readonly text: string; readonly recovery: Recovery };

/**
 * The reply to `failure`, in words for the person who acted. `zone` dates the lockout's end.
 * Exhaustive: a new Failure code does not compile here until it has its words.
 */
export function describeFailure(t: Translator, failure: Failure, zone: string): FailureReply {
  switch (failure.code) {
    case 'SLOT_TAKEN':
      return { text: takenWords(t, failure, zone), recovery: 'fresh-times' };
    case 'SLOT_UNAVAILABLE':
      return { text: unavailableWords(t, failure, zone), recovery: 'fresh-times' };
    case 'NO_SHOW_LOCKOUT': {
      const day = formatDayLong(t, localDate(failure.until, zone));
      return { text: t.t('failure.lockout', { day }), recovery: 'other-days' };
    }
    case 'LIMIT_REACHED':
      return limitReply(t, failure);
    case 'INVALID_TRANSITION':
      return { text: transitionWords(t, failure), recovery: 'none' };
    case 'NOT_FOUND':
      return { text: t.t('failure.notFound', { entity: failure.entity }), recovery: 'restart' };
    case 'VALIDATION_ERROR':
      return { text: t.t('failure.invalidChoice'), recovery: 'restart' };
    case 'IDEMPOTENCY_KEY_REUSED':
      return { text: t.t('failure.menuReused'), recovery: 'restart' };
    default:
      return unmapped(failure);
  }
}

/** The race's words, then the nearest free times when the check found them. */
function takenWords(t: Translator, failure: SlotTaken, zone: string): string {
  const [first, second] = failure.nearest ? nearestClocks(failure.nearest, zone) : [];
  if (first === undefined) return t.t('failure.taken');
  if (second === undefined) return t.t('failure.takenNearOne', { time: first });
  return t.t('failure.takenNearTwo', { before: first, after: second });
}

/**
 * 'That time isn't on the schedule; the nearest times are 09:00 and 09:40 (your time).' with
 * the limit that refused it ('bookings open 60 days ahead (until ...)', 'bookings need 2 hours
 * notice') when known, then the lead-in to the day's free times. The clauses are whole ones,
 * joined by semicolons.
 */
function unavailableWords(t: Translator, failure: SlotUnavailable, zone: string): string {
  const parts = [t.t(`failure.${failure.reason}`)];
  const { limits } = failure;
  if (limits && failure.reason === 'TOO_FAR_AHEAD') {
    parts.push(advanceWords(t, limits.maxAdvanceDays, limits.latest, zone));
  } else if (limits && failure.reason === 'TOO_SOON' && limits.minNoticeMinutes > 0) {
    parts.push(minNoticeWords(t, limits));
  }
  const near = failure.nearest ? nearestWords(t, failure.nearest, zone) : null;
  if (near !== null) parts.push(near);
  return t.t('failure.unavailable', { reasons: parts.join('; ') });
}

/**
 * A full day or week offers the other days (which the day picker already thins to those with
 * room); a client at their own limit is pointed at /mybookings, where a booking can be cancelled.
 */
function limitReply(t: Translator, failure: LimitReached): FailureReply {
  const { date, max } = failure;
  const day = date === undefined ? null : formatDayLong(t, date);
  switch (failure.limit) {
    case 'SERVICE_PER_DAY':
      return {
        text:
          day === null ? t.t('failure.thatDayFull', { max }) : t.t('failure.dayFull', { max, day }),
        recovery: 'other-days',
      };
    case 'SERVICE_PER_WEEK':
      return {
        text:
          day === null
            ? t.t('failure.thatWeekFull', { max })
            : t.t('failure.weekFull', { max, day }),
        recovery: 'other-days',
      };
    case 'CLIENT_ACTIVE':
      return { text: t.t('failure.clientActive', { max }), recovery: 'none' };
    default:
      return unmapped(failure.limit);
  }
}

function transitionWords(
  t: Translator,
  failure: Extract<Failure, { code: 'INVALID_TRANSITION' }>,
): string {
  const active = failure.from === 'PENDING' || failure.from === 'CONFIRMED';
  if (active && failure.action === 'cancel') return t.t('failure.alreadyStarted');
  if (active && (failure.action === 'complete' || failure.action === 'no-show')) {
    return failure.from === 'PENDING' ? t.t('failure.stillWaiting') : t.t('failure.notStarted');
  }
  const status = statusWords(t, failure.from);
  if (failure.action === 'approve' || failure.action === 'decline') {
    return t.t('failure.alreadyHandled', { status });
  }
  return t.t('failure.alreadyStatus', { status });
}

function unmapped(failure: never): never {
  throw new Error(`unmapped failure ${JSON.stringify(failure)}`);
}
