// Every core failure as a plain reply and a way on: the one switch over the Failure codes.
import type { Failure, UnavailableReason } from '../domain/outcome.ts';
import { formatDayLong, localDate, statusWords } from './chat-format.ts';

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
  TOO_SOON: 'That time is now too close to book.',
  TOO_FAR_AHEAD: 'That time is too far ahead to book.',
  BLOCKED: 'The provider has just blocked that time.',
  OUTSIDE_AVAILABILITY: "That time is no longer within the provider's hours.",
};

/**
 * The reply to `failure`, in words for the person who acted. `zone` dates the lockout's end.
 * Exhaustive: a new Failure code does not compile here until it has its words.
 */
export function describeFailure(failure: Failure, zone: string): FailureReply {
  switch (failure.code) {
    case 'SLOT_TAKEN':
      return {
        text: 'Someone was faster and has just taken that time. These times are still free:',
        recovery: 'fresh-times',
      };
    case 'SLOT_UNAVAILABLE':
      return {
        text: `${UNAVAILABLE[failure.reason]} These times are still free:`,
        recovery: 'fresh-times',
      };
    case 'NO_SHOW_LOCKOUT':
      return {
        text:
          'After a missed appointment you cannot book an appointment for the same day ' +
          `until ${formatDayLong(localDate(failure.until, zone))}. ` +
          'You can still book any other day:',
        recovery: 'other-days',
      };
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
    return `This request was already handled: the appointment is ${statusWords(failure.from)}.`;
  }
  return `Nothing changed: the appointment is already ${statusWords(failure.from)}.`;
}

function unmapped(failure: never): never {
  throw new Error(`unmapped failure ${JSON.stringify(failure)}`);
}
