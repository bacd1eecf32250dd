// Free times as a chat client sees them: on their own calendar days, without the day a no-show
// lockout forbids, narrowed to the time of day they asked for.
import { DateTime } from 'luxon';
import { listSlots, MAX_DAYS } from '../booking/list-slots.ts';
import type { Provider, Service } from '../domain/catalog.ts';
import type { InvalidInput, LimitReached, NotFound, Ok } from '../domain/outcome.ts';
import { ok } from '../domain/outcome.ts';
import type { Slot } from '../slots/slot-types.ts';
import { localDate } from './chat-format.ts';
import { fullDayWords, noSlotsWords } from './no-slots-words.ts';
import type { ClientTurn } from './turn.ts';
import { fitsWish, type TimeWish } from './words/time-wish.ts';

export type Picked = { readonly provider: Provider; readonly service: Service };

/**
 * Client-local days that have a free slot, in order, within the service's horizon; days a
 * service limit has filled are left out. LIMIT_REACHED (CLIENT_ACTIVE) when the client already
 * holds the provider's most upcoming bookings, so the flow says why rather than "no times".
 */
export async function freeDays(
  turn: ClientTurn,
  { provider, service }: Picked,
): Promise<Ok<string[]> | NotFound | InvalidInput | LimitReached> {
  const listed = await listSlots(
    turn.deps.db,
    {
      providerId: provider.id,
      serviceId: service.id,
      clientId: turn.client.id,
      from: localDate(turn.now, provider.timezone),
      days: Math.min(MAX_DAYS, service.maxAdvanceDays + 2),
    },
    turn.now,
  );
  if (!listed.ok) return listed;
  if (listed.value.clientLimit) return listed.value.clientLimit;
  const days: string[] = [];
  for (const slot of bookable(turn, listed.value.slots, provider.timezone)) {
    const day = localDate(slot.start, turn.client.timezone);
    if (days.at(-1) !== day) days.push(day);
  }
  return ok(days);
}

/** Free starts (epoch ms) on the client-local `day`. */
export async function freeTimes(
  turn: ClientTurn,
  { provider, service }: Picked,
  day: string,
): Promise<Ok<number[]> | NotFound | InvalidInput> {
  const zone = turn.client.timezone;
  const dayStart = DateTime.fromISO(day, { zone }).startOf('day');
  const dayEnd = dayStart.plus({ days: 1 });
  const from = localDate(dayStart.toMillis(), provider.timezone);
  const to = localDate(dayEnd.toMillis() - 1, provider.timezone);
  const span = DateTime.fromISO(to).diff(DateTime.fromISO(from), 'days').days + 1;
  const listed = await listSlots(
    turn.deps.db,
    {
      providerId: provider.id,
      serviceId: service.id,
      clientId: turn.client.id,
      from,
      days: Math.min(Math.max(span, 1), 3),
    },
    turn.now,
  );
  if (!listed.ok) return listed;
  return ok(
    bookable(turn, listed.value.slots, provider.timezone)
      .filter((slot) => localDate(slot.start, zone) === day)
      .map((slot) => slot.start),
  );
}

/** Leaves out what a locked-out client may not book: slots on the provider's today. */
function bookable(turn: ClientTurn, slots: readonly Slot[], providerZone: string): readonly Slot[] {
  const until = turn.client.noShowLockoutUntil;
  if (!until || until <= turn.now) return slots;
  const today = localDate(turn.now, providerZone);
  return slots.filter((slot) => localDate(slot.start, providerZone) !== today);
}

/** Local minutes after midnight of `start` in `zone`. */
export function minutesOf(start: number, zone: string): number {
  const local = DateTime.fromMillis(start, { zone });
  return local.hour * 60 + local.minute;
}

/** The starts that fit the time wish ('after 3pm', 'morning'); all of them without one. */
export function filterByWish(
  starts: readonly number[],
  wish: TimeWish | null,
  zone: string,
): number[] {
  if (wish === null) return [...starts];
  return starts.filter((start) => fitsWish(minutesOf(start, zone), wish));
}

/** The free starts nearest before and after `minutes` on that day (one or both may be missing). */
export function nearestTimes(starts: readonly number[], minutes: number, zone: string): number[] {
  const before = starts.filter((start) => minutesOf(start, zone) < minutes).at(-1);
  const after = starts.find((start) => minutesOf(start, zone) > minutes);
  return [before, after].filter((start) => start !== undefined);
}

/**
 * The sentence for a client-local `day` with no free time: why (over, too soon, too far ahead,
 * away, not working) when the rules say so, else that a booking limit filled it, else that every
 * time is taken. One listing query,
 * on this refusal path only. The day is judged as the provider's local date of the same name.
 */
export async function noTimesSentence(
  turn: ClientTurn,
  { provider, service }: Picked,
  day: string,
): Promise<string> {
  const listed = await listSlots(
    turn.deps.db,
    { providerId: provider.id, serviceId: service.id, from: day, days: 1 },
    turn.now,
  );
  const why = listed.ok ? (listed.value.closed.find((c) => c.date === day)?.why ?? null) : null;
  const full = listed.ok ? listed.value.full.find((f) => f.date === day) : undefined;
  if (why === null && full) return fullDayWords(turn.t, full, day);
  return noSlotsWords(turn.t, why, day, turn.client.timezone);
}
