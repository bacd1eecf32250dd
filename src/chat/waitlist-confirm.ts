// Joins the waitlist once provider, service and days are settled, and confirms it in plain words.
import { joinWaitlist } from '../waitlist/join-waitlist.ts';
import { activeProvider, activeServices } from './chat-catalog.ts';
import { chatMessage, commandButton } from './chat-message.ts';
import type { WaitWish } from './conversation-state.ts';
import type { ClientTurn, TurnResult } from './turn.ts';
import { freeNowFor } from './waitlist-free-now.ts';
import { waitWhen } from './waitlist-lines.ts';

/** The provider and service settled so far (null: still to choose), and the choice left. */
export type WaitTarget = {
  readonly providerId: string | null;
  readonly serviceId: string | null;
  readonly candidates: readonly string[] | null;
};

/**
 * Puts the client on the provider's waitlist for the service and `wish`, and confirms it; a
 * provider or service gone meanwhile, or days already past, get a plain answer with a way on.
 */
export async function joinAndConfirm(
  turn: ClientTurn,
  providerId: string,
  serviceId: string,
  wish: WaitWish,
): Promise<TurnResult> {
  const joined = await joinWaitlist(
    turn.deps.db,
    { clientId: turn.client.id, providerId, serviceId, ...wish, timezone: turn.client.timezone },
    turn.now,
  );
  const book = commandButton('Book', 'book', 'primary');
  if (!joined.ok) {
    const why =
      joined.code === 'NOT_FOUND'
        ? 'That provider or service is not taking bookings any more.'
        : `I can't wait for ${waitWhen(wish)}: those days are past or too far apart (two months at most).`;
    return {
      messages: [chatMessage(`${why} Send /book to pick a time.`, { buttons: [[book]] })],
      state: null,
    };
  }
  const provider = await activeProvider(turn.deps.db, providerId);
  const service = (await activeServices(turn.deps.db, providerId)).find((x) => x.id === serviceId);
  const what = `${service?.name ?? 'An appointment'} with ${provider?.name ?? 'your provider'}`;
  const text = `You're on the waitlist for ${what} on ${waitWhen(wish)}. I'll message you if a time opens; /waitlist shows or removes it.`;
  const mine = commandButton('My waitlist', 'waitlist');
  // Waiting for what is free already would only bring an offer of it: say so.
  if (await freeNowFor(turn, { providerId, serviceId }, wish)) {
    const now = `${text}\nThere is a free time then right now: send /book to take it.`;
    return { messages: [chatMessage(now, { buttons: [[book, mine]] })], state: null };
  }
  return { messages: [chatMessage(text, { buttons: [[mine]] })], state: null };
}
