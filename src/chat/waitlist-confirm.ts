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
  const { t } = turn;
  const book = commandButton(t.t('waitlist.book'), 'book', 'primary');
  if (!joined.ok) {
    const why =
      joined.code === 'NOT_FOUND'
        ? t.t('waitlist.joinGone')
        : t.t('waitlist.joinBadDays', { when: waitWhen(t, wish) });
    return { messages: [chatMessage(why, { buttons: [[book]] })], state: null };
  }
  const provider = await activeProvider(turn.deps.db, providerId);
  const service = (await activeServices(turn.deps.db, providerId)).find((x) => x.id === serviceId);
  const text = t.t('waitlist.joined', {
    service: service?.name ?? t.t('waitlist.anAppointment'),
    provider: provider?.name ?? t.t('waitlist.yourProvider'),
    when: waitWhen(t, wish),
  });
  const mine = commandButton(t.t('waitlist.myWaitlist'), 'waitlist');
  // Waiting for what is free already would only bring an offer of it: say so.
  if (await freeNowFor(turn, { providerId, serviceId }, wish)) {
    const now = `${text}\n${t.t('waitlist.freeNow')}`;
    return { messages: [chatMessage(now, { buttons: [[book, mine]] })], state: null };
  }
  return { messages: [chatMessage(text, { buttons: [[mine]] })], state: null };
}
