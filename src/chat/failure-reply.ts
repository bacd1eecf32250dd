// Every core failure as a plain reply and a way on: the one switch over the Failure codes.

import type {
  Failure,
  LimitReached,
  SlotTaken,
  SlotUnavailable,
  UnavailableReason,
} from '../domain/outcome.ts';
import { UNTHREADED_EN } from '../i18n/translator.ts';
import { formatDayLong, localDate, statusWords } from './chat-format.ts';
import { advanceWords, minNoticeWords, nearestWords } from './limit-words.ts';

/**
 * What the flow offers after the reply:
 * - fresh-times: the times still free on the chosen day;
 * - other-days: the days with free times (the locked-out day left out);
 * - restart: a fresh start of the flow;
 * - none: nothing more (the reply says it all).
 */
type Recovery = 'fresh-times' | 'other-days' | 'restart' | 'none';

export type FailureReply = { readonly text: string; readonly recovery: Recovery };

const UNAVAILABLE: Record<UnavailableReason, string> = {
  IN_THE_PAST: 'That time has already passed',
  TOO_SOON: 'That time is now too close to book',
  TOO_FAR_AHEAD: 'That time is too far ahead to book',
  OFF_GRID: "That time isn't on the schedule",
  BLOCKED: 'The provider has just blocked that time',
  OUTSIDE_AVAILABILITY: "That time is outside the provider's hours",
};

const FRESH_TIMES = 'These times are still free:';

/**
 * The reply to `failure`, in words for the person who acted. `zone` dates the lockout's end.
 * Exhaustive: a new Failure code does not compile here until it has its words.
 */
export function describeFailure(failure: Failure, zone: string): FailureReply {
  switch (failure.code) {
    case 'SLOT_TAKEN':
      return { text: takenWords(failure, zone), recovery: 'fresh-times' };
    case 'SLOT_UNAVAILABLE':
      return { text: unavailableWords(failure, zone), recovery: 'fresh-times' };
    case 'NO_SHOW_LOCKOUT':
      return {
        text:
          'After a missed appointment you cannot book an appointment for the same day ' +
          `until ${formatDayLong(UNTHREADED_EN, localDate(failure.until, zone))}. ` +
          'You can still book any other day:',
        recovery: 'other-days',
      };
    case 'LIMIT_REACHED':
      return limitReply(failure);
    case 'INVALID_TRANSITION':
      return { text: transitionWords(failure), recovery: 'none' };
    case 'NOT_FOUND':
      return {
        text: `Sorry, that ${failure.entity} is no longer available. Let's start again.`,
        recovery: 'restart',
      };
    case 'VALIDATION_ERROR':
      return {
        text: "Sorry, I couldn't use that choice. Let's start again.",
        recovery: 'restart',
      };
    case 'IDEMPOTENCY_KEY_REUSED':
      return {
        text: 'That menu was already used for another booking. Here is a fresh one.',
        recovery: 'restart',
      };
    default:
      return unmapped(failure);
  }
}

/** The race's words, then the nearest free times when the check found them. */
function takenWords(failure: SlotTaken, zone: string): string {
  const taken = `Someone was faster and has just taken that time. ${FRESH_TIMES}`;
  const near = failure.nearest ? nearestWords(failure.nearest, zone) : null;
  return near === null ? taken : `${taken} ${capitalise(near)}.`;
}

/**
 * 'That time isn't on the schedule; the nearest times are 09:00 and 09:40 (your time).' with
 * the limit that refused it ('bookings open 60 days ahead (until ...)', 'bookings need 2 hours
 * notice') when known, then the lead-in to the day's free times.
 */
function unavailableWords(failure: SlotUnavailable, zone: string): string {
  const parts = [UNAVAILABLE[failure.reason]];
  const { limits } = failure;
  if (limits && failure.reason === 'TOO_FAR_AHEAD') {
    parts.push(advanceWords(limits.maxAdvanceDays, limits.latest, zone));
  } else if (limits && failure.reason === 'TOO_SOON' && limits.minNoticeMinutes > 0) {
    parts.push(minNoticeWords(limits));
  }
  const near = failure.nearest ? nearestWords(failure.nearest, zone) : null;
  if (near !== null) parts.push(near);
  return `${parts.join('; ')}. ${FRESH_TIMES}`;
}

/**
 * A full day or week offers the other days (which the day picker already thins to those with
 * room); a client at their own limit is pointed at /mybookings, where a booking can be cancelled.
 */
function limitReply(failure: LimitReached): FailureReply {
  const most = plural(failure.max, 'booking');
  const { date } = failure;
  switch (failure.limit) {
    case 'SERVICE_PER_DAY': {
      const day = date === undefined ? 'that day' : formatDayLong(UNTHREADED_EN, date);
      return {
        text: `This service takes at most ${most} a day, and ${day} is full. Pick another day:`,
        recovery: 'other-days',
      };
    }
    case 'SERVICE_PER_WEEK': {
      const week =
        date === undefined ? 'that week' : `the week of ${formatDayLong(UNTHREADED_EN, date)}`;
      return {
        text: `This service takes at most ${most} a week, and ${week} is full. Pick another day:`,
        recovery: 'other-days',
      };
    }
    case 'CLIENT_ACTIVE':
      return {
        text:
          `You already have ${plural(failure.max, 'upcoming booking')} with this provider, ` +
          'the most allowed. Send /mybookings to see them or cancel one, then book again.',
        recovery: 'none',
      };
    default:
      return unmapped(failure.limit);
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function transitionWords(failure: Extract<Failure, { code: 'INVALID_TRANSITION' }>): string {
  const active = failure.from === 'PENDING' || failure.from === 'CONFIRMED';
  if (active && failure.action === 'cancel') {
    return 'Nothing changed: the appointment has already started, so it can no longer be cancelled.';
  }
  if (active && (failure.action === 'complete' || failure.action === 'no-show')) {
    return failure.from === 'PENDING'
      ? 'Nothing changed: the appointment is still waiting for approval.'
      : 'Nothing changed: the appointment has not started yet.';
  }
  if (failure.action === 'approve' || failure.action === 'decline') {
    return `This request was already handled: the appointment is ${statusWords(UNTHREADED_EN, failure.from)}.`;
  }
  return `Nothing changed: the appointment is already ${statusWords(UNTHREADED_EN, failure.from)}.`;
}

function unmapped(failure: never): never {
  throw new Error(`unmapped failure ${JSON.stringify(failure)}`);
}
