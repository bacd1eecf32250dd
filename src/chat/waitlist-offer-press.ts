// The Book and No thanks buttons of a waitlist offer DM: book the offered time (the normal booking
// reply, payment step included), or pass it to the next in line; stale and foreign presses answer
// plainly with a way on.

import { eq } from 'drizzle-orm';
import { waitlistEntries, waitlistOffers } from '../db/schema/waitlist.ts';
import { acceptOffer } from '../waitlist/accept-offer.ts';
import { passOffer } from '../waitlist/pass-offer.ts';
import { type OfferView, readOfferView } from '../waitlist/read-offer-view.ts';
import { bookedMessage, joinLine } from './appointment-messages.ts';
import { type AppointmentView, readAppointmentView } from './appointment-view.ts';
import { askForPayment } from './ask-for-payment.ts';
import { flowData, newNonce, type OfferVerb } from './button-data.ts';
import { formatClock } from './chat-format.ts';
import { button, chatMessage, commandButton } from './chat-message.ts';
import type { ChatMessage } from './chat-types.ts';
import type { ConversationState } from './conversation-state.ts';
import { describeFailure } from './failure-reply.ts';
import { type ClientTurn, isClientTurn, type Turn, type TurnResult } from './turn.ts';
import { entryLine, readWaitNames } from './waitlist-lines.ts';

/**
 * Acts on the offer `offerId` when it was made to this chat's client: 'wa' books it, 'wp' passes
 * it on (and has the next in line offered it now). An offer made to someone else (a group chat)
 * is refused; one already decided or ended says how it stands. `state` is kept unless the reply
 * shows buttons of its own flow.
 */
export async function onOfferButton(
  turn: Turn,
  verb: OfferVerb,
  offerId: string,
  state: ConversationState | null,
): Promise<TurnResult> {
  const view = await readOfferView(turn.deps.db, offerId);
  if (!view || !isClientTurn(turn) || view.clientId !== turn.client.id) {
    const text = turn.t.t('waitlist.offerForeign');
    return { messages: [chatMessage(text, { buttons: [[bookButton(turn)]] })], state };
  }
  if (verb === 'wa') return { messages: [await accept(turn, view)], state };
  return pass(turn, view, state);
}

async function accept(turn: ClientTurn, view: OfferView): Promise<ChatMessage> {
  const result = await acceptOffer(
    turn.deps.db,
    {
      offerId: view.offerId,
      clientId: turn.client.id,
      actor: `client:${turn.client.id}`,
      paymentHoldMinutes: turn.deps.payments?.holdMinutes ?? null,
    },
    turn.now,
  );
  if (result.ok) {
    const booked = await readAppointmentView(turn.deps.db, result.value.appointment.id);
    if (!result.value.replayed) await turn.deps.relayChanges();
    if (booked) return bookedReply(turn, booked, result.value.replayed);
    return ended(turn, turn.t.t('waitlist.bookingGone'));
  }
  if (result.code === 'OFFER_ENDED') return endedAlready(turn, view);
  const ends = formatClock(view.expiresAt, turn.client.timezone);
  if (result.code === 'SLOT_TAKEN') return ended(turn, turn.t.t('waitlist.offerTaken', { ends }));
  const why = describeFailure(turn.t, result, turn.client.timezone).text;
  return ended(turn, turn.t.t('waitlist.failedStillWaiting', { why }));
}

/** A held booking asks for payment; a booked or requested one says so (again, on a repeat). */
function bookedReply(
  turn: ClientTurn,
  view: AppointmentView,
  replayed: boolean,
): Promise<ChatMessage> | ChatMessage {
  const { t } = turn;
  const lead = replayed ? [t.t('waitlist.bookedAlready')] : [];
  if (view.appointment.status === 'AWAITING_PAYMENT') return askForPayment(turn, view, lead);
  const message = bookedMessage(t, view);
  const text = [...lead, message.text, joinLine(t, view)].filter((l) => l.length > 0).join('\n');
  const mine = commandButton(t.t('waitlist.myBookings'), 'mybookings');
  return { ...message, text, buttons: [[mine]] };
}

/** Book pressed on an offer passed on or withdrawn (the client left the waitlist). */
function endedAlready(turn: ClientTurn, view: OfferView): ChatMessage {
  if (view.status === 'PASSED') return ended(turn, turn.t.t('waitlist.passedGone'));
  const ends = formatClock(view.expiresAt, turn.client.timezone);
  return ended(turn, turn.t.t('waitlist.offerEnded', { ends }));
}

async function pass(
  turn: ClientTurn,
  view: OfferView,
  state: ConversationState | null,
): Promise<TurnResult> {
  const passed = await passOffer(
    turn.deps.db,
    { offerId: view.offerId, clientId: turn.client.id },
    turn.now,
  );
  if (!passed.ok) return { messages: [passedAlready(turn, view)], state };
  await turn.deps.waitlist?.nudge(passed.value.providerId);
  const entry = await entryOf(turn, view.offerId);
  if (entry?.status !== 'WAITING') {
    return { messages: [ended(turn, turn.t.t('waitlist.passed'))], state };
  }
  const { t } = turn;
  const names = await readWaitNames(turn.deps.db, [entry]);
  const nonce = newNonce();
  const text = t.t('waitlist.passedStillWaiting', { entry: entryLine(t, names, entry) });
  const rows = [
    [button(t.t('waitlist.removeMe'), flowData(nonce, 'wr', 0), 'danger')],
    [commandButton(t.t('waitlist.bookAnother'), 'book')],
  ];
  return {
    messages: [chatMessage(text, { buttons: rows })],
    state: {
      kind: 'waitlist',
      nonce,
      step: 'list',
      options: [entry.id],
      providerId: null,
      wish: null,
    },
  };
}

/** No thanks pressed on an offer already booked, passed on or ended. */
function passedAlready(turn: ClientTurn, view: OfferView): ChatMessage {
  switch (view.status) {
    case 'ACCEPTED':
      return chatMessage(turn.t.t('waitlist.acceptedAlready'), {
        buttons: [[commandButton(turn.t.t('waitlist.myBookings'), 'mybookings')]],
      });
    case 'PASSED':
      return ended(turn, turn.t.t('waitlist.passedAlready'));
    default:
      return endedAlready(turn, { ...view, status: 'EXPIRED' });
  }
}

async function entryOf(turn: ClientTurn, offerId: string) {
  const [row] = await turn.deps.db
    .select({ entry: waitlistEntries })
    .from(waitlistOffers)
    .innerJoin(waitlistEntries, eq(waitlistEntries.id, waitlistOffers.entryId))
    .where(eq(waitlistOffers.id, offerId));
  return row?.entry ?? null;
}

function ended(turn: ClientTurn, text: string): ChatMessage {
  return chatMessage(text, {
    buttons: [[bookButton(turn), commandButton(turn.t.t('waitlist.myWaitlist'), 'waitlist')]],
  });
}

function bookButton(turn: Turn) {
  return commandButton(turn.t.t('waitlist.book'), 'book', 'primary');
}
