// Moves a /book conversation on: settles every step it can, shows the first open one, and
// steers back to a sensible step when the booking rules refuse.
import type { Failure } from '../domain/outcome.ts';
import { notFound } from '../domain/outcome.ts';
import { readAppointmentView } from './appointment-view.ts';
import {
  PROVIDERS_PER_PAGE,
  showDays,
  showProviders,
  showServices,
} from './booking-choice-steps.ts';
import { showConfirm } from './booking-confirm-step.ts';
import { end, lines } from './booking-reply.ts';
import { showTimes } from './booking-time-step.ts';
import { bestMatches } from './booking-words.ts';
import { activeProvider, activeProvidersPage, activeServices } from './chat-catalog.ts';
import { ChatStoreError } from './chat-identity.ts';
import type { BookingState } from './conversation-state.ts';
import { describeFailure } from './failure-reply.ts';
import {
  filterByWish,
  freeDays,
  freeTimes,
  minutesOf,
  nearestTimes,
  type Picked,
} from './free-times.ts';
import { freshState } from './new-booking-state.ts';
import type { ClientTurn, TurnResult } from './turn.ts';
import { partOfWish, sayNoTimes, withWaitButton } from './waitlist-wait-button.ts';
import { clockOf, wishText, withoutTime } from './words/time-wish.ts';

/** Settles every step it can and shows the first open one. */
export async function advance(
  turn: ClientTurn,
  s0: BookingState,
  lead: string[],
): Promise<TurnResult> {
  const { db } = turn.deps;
  let s = s0;
  if (s.providerId === null) {
    const page = await activeProvidersPage(db, s.candidates, s.page, PROVIDERS_PER_PAGE);
    const [only] = page.items;
    if (page.items.length === 0 && s.page > 0) return advance(turn, { ...s, page: 0 }, lead);
    if (only === undefined) return end(lines(lead, turn.t.t('booking.noOne')));
    if (s.page > 0 || page.more || page.items.length > 1) {
      return showProviders(turn.t, s, page, lead);
    }
    s = { ...s, providerId: only.id, page: 0 };
  }
  const provider = s.providerId === null ? null : await activeProvider(db, s.providerId);
  if (!provider) return recover(turn, s, notFound('provider'), lead);
  const services = await activeServices(db, provider.id);
  if (s.serviceId === null) {
    const matched = bestMatches(services, s.hints.words);
    const shown = matched.length > 0 ? matched : services;
    const [only] = shown;
    if (only === undefined) {
      return end(lines(lead, turn.t.t('booking.nothingToBook', { provider: provider.name })));
    }
    if (shown.length > 1) return showServices(turn.t, s, provider, shown, lead);
    s = { ...s, serviceId: only.id, page: 0 };
  }
  const service = services.find((x) => x.id === s.serviceId);
  if (!service) return recover(turn, s, notFound('service'), lead);
  return advanceToTime(turn, s, { provider, service }, lead);
}

/** The steps after provider and service are settled: day, time, confirm. */
async function advanceToTime(
  turn: ClientTurn,
  s0: BookingState,
  picked: Picked,
  lead: string[],
): Promise<TurnResult> {
  let s = s0;
  if (s.day === null) {
    const days = await freeDays(turn, picked);
    if (!days.ok) return recover(turn, s, days, lead);
    const wanted = s.hints.day;
    if (wanted === null || !days.value.includes(wanted)) {
      const full = wanted !== null && (await sayNoTimes(turn, picked, wanted, lead));
      s = { ...s, hints: { ...s.hints, day: null } };
      const shown =
        days.value.length === 0
          ? end(
              lines(
                lead,
                turn.t.t('booking.noFreeTimes', {
                  provider: picked.provider.name,
                  service: picked.service.name,
                }),
              ),
            )
          : showDays(turn, s, picked, days.value, lead);
      // Every time of the day asked for is taken: offer to wait for one.
      return full ? withWaitButton(turn.t, shown, s, wanted, partOfWish(s.hints.time)) : shown;
    }
    s = { ...s, day: wanted, page: 0 };
  }
  const day = s.day;
  if (day === null) throw new ChatStoreError('a day was settled but is missing');
  if (s.start === null) return advanceFromDay(turn, s, picked, day, lead);
  return confirmStep(turn, s, picked, lead);
}

/** The time step of a settled day; a day that filled up meanwhile goes back to the days. */
async function advanceFromDay(
  turn: ClientTurn,
  s0: BookingState,
  picked: Picked,
  day: string,
  lead: string[],
): Promise<TurnResult> {
  let s = s0;
  const times = await freeTimes(turn, picked, day);
  if (!times.ok) return recover(turn, s, times, lead);
  if (times.value.length === 0) {
    const full = await sayNoTimes(turn, picked, day, lead);
    const days = { ...s, day: null, page: 0, hints: { ...s.hints, day: null } };
    const shown = await advance(turn, days, lead);
    return full ? withWaitButton(turn.t, shown, s, day, partOfWish(s.hints.time)) : shown;
  }
  const wish = s.hints.time;
  if (wish?.kind === 'at') return exactTime(turn, s, picked, times.value, wish.minutes, lead);
  const filtered = filterByWish(times.value, wish, turn.client.timezone);
  if (filtered.length === 0 && wish) {
    lead.push(turn.t.t('booking.nothingFreeWish', { wish: wishText(turn.t, wish) }));
    s = { ...s, hints: withoutTime(s.hints) };
    const part = partOfWish(wish);
    const shown = showTimes(turn, s, picked, times.value, lead);
    return part === 'ANY' ? shown : withWaitButton(turn.t, shown, s, day, part);
  }
  return showTimes(turn, s, picked, filtered.length > 0 ? filtered : times.value, lead);
}

/**
 * An exact time asked for ('at 10'): free, straight to the confirm step; taken, say so and offer
 * the nearest free times before and after it. Either way the wish is used up.
 */
function exactTime(
  turn: ClientTurn,
  s0: BookingState,
  picked: Picked,
  starts: readonly number[],
  minutes: number,
  lead: string[],
): Promise<TurnResult> | TurnResult {
  const zone = turn.client.timezone;
  const s = { ...s0, page: 0, hints: withoutTime(s0.hints) };
  const hit = starts.find((start) => minutesOf(start, zone) === minutes);
  if (hit !== undefined)
    return confirmStep(turn, { ...s, start: new Date(hit).toISOString() }, picked, lead);
  const nearest = nearestTimes(starts, minutes, zone);
  const [before, after] = nearest.map((start) => clockOf(minutesOf(start, zone)));
  const time = clockOf(minutes);
  lead.push(
    after === undefined
      ? turn.t.t('booking.exactTakenOne', { time, nearest: before ?? '' })
      : turn.t.t('booking.exactTakenTwo', { time, before: before ?? '', after }),
  );
  return showTimes(turn, s, picked, nearest, lead);
}

/** The confirm step; moving an appointment that is gone meanwhile recovers instead. */
async function confirmStep(
  turn: ClientTurn,
  s: BookingState,
  picked: Picked,
  lead: string[],
): Promise<TurnResult> {
  if (s.start === null) throw new ChatStoreError('confirming without a start');
  if (!s.appointmentId) return showConfirm(turn, s, picked, null, lead);
  const current = await readAppointmentView(turn.deps.db, s.appointmentId);
  if (!current) return recover(turn, s, notFound('appointment'), lead);
  return showConfirm(turn, s, picked, current, lead);
}

/** A failure's reply, then the way on it names. */
export async function recover(
  turn: ClientTurn,
  s: BookingState,
  failure: Failure,
  lead: string[],
): Promise<TurnResult> {
  const reply = describeFailure(turn.t, failure, turn.client.timezone);
  const said = [...lead, reply.text];
  switch (reply.recovery) {
    case 'fresh-times':
      if (s.day !== null && s.providerId !== null && s.serviceId !== null) {
        return advance(turn, { ...s, page: 0, start: null }, said);
      }
      return advance(turn, { ...s, page: 0, day: null, start: null }, said);
    case 'other-days':
      if (s.providerId === null || s.serviceId === null) return restart(turn, said);
      return advance(
        turn,
        { ...s, page: 0, day: null, start: null, hints: { ...s.hints, day: null } },
        said,
      );
    case 'restart':
      if (s.appointmentId) return end(lines(said, turn.t.t('booking.tryAgain')));
      return restart(turn, said);
    case 'none':
      return end(lines(said));
  }
}

/** A plain /book from the first step (what `startBooking` does without words). */
function restart(turn: ClientTurn, lead: string[]): Promise<TurnResult> {
  return advance(turn, freshState({}), lead);
}
