// Whether a waitlist wish already has a free time: then the join says so, rather than leaving
// the client to wait for what they could book now.
import { DateTime } from 'luxon';
import { listSlots, MAX_DAYS } from '../booking/list-slots.ts';
import { slotSuits } from '../waitlist/part-of-day.ts';
import type { WaitWish } from './conversation-state.ts';
import type { ClientTurn } from './turn.ts';

/**
 * True when the provider has a time free for this client now that suits `wish` on the client's
 * clock (the provider's days read one either side, for zones apart). One listing; false on any
 * refusal (it only adds a hint).
 */
export async function freeNowFor(
  turn: ClientTurn,
  target: { providerId: string; serviceId: string },
  wish: WaitWish,
): Promise<boolean> {
  const from = DateTime.fromISO(wish.fromDate).minus({ days: 1 });
  const days = DateTime.fromISO(wish.toDate).diff(from, 'days').days + 2;
  const listed = await listSlots(
    turn.deps.db,
    {
      ...target,
      from: from.toISODate() ?? wish.fromDate,
      days: Math.min(Math.max(Math.round(days), 1), MAX_DAYS),
      clientId: turn.client.id,
    },
    turn.now,
  );
  if (!listed.ok) return false;
  const wanted = { ...wish, timezone: turn.client.timezone };
  return listed.value.slots.some((slot) => slotSuits(slot.start, wanted));
}
