// Who and what to wait for, when the words did not say: the provider, then the service, as buttons.
import type { Service } from '../domain/catalog.ts';
import { type ButtonData, flowData, newNonce } from './button-data.ts';
import { activeProvidersPage, activeServices } from './chat-catalog.ts';
import { button, chatMessage, commandButton } from './chat-message.ts';
import type { WaitlistState, WaitWish } from './conversation-state.ts';
import type { ClientTurn, TurnResult } from './turn.ts';
import { joinAndConfirm, type WaitTarget } from './waitlist-confirm.ts';
import { waitWhen } from './waitlist-lines.ts';

/** A button row each, and Cancel: five rows, every platform's limit. Others are named in words. */
const MAX_CHOICES = 4;

/** Asks for the provider (or, with one, its service) to wait for on `wish`. */
export async function chooseWaitProvider(
  turn: ClientTurn,
  target: WaitTarget,
  wish: WaitWish,
): Promise<TurnResult> {
  if (target.providerId !== null) return chooseWaitService(turn, target.providerId, wish);
  const page = await activeProvidersPage(turn.deps.db, target.candidates, 0, MAX_CHOICES);
  const [only] = page.items;
  if (only === undefined) return nobody();
  if (page.items.length === 1) return chooseWaitService(turn, only.id, wish);
  const s = fresh(
    wish,
    'provider',
    page.items.map((p) => p.id),
    null,
  );
  const rows = page.items.map((p, i) => [button(p.name, flowData(s.nonce, 'pv', i))]);
  const ask = `Who should I watch ${waitWhen(wish)} for?`;
  const text = page.more
    ? `${ask}\nSomeone else? Name them, e.g. "tell me if a massage with Anna opens on Friday".`
    : ask;
  return { messages: [chatMessage(text, { buttons: [...rows, [cancel(s)]] })], state: s };
}

async function chooseWaitService(
  turn: ClientTurn,
  providerId: string,
  wish: WaitWish,
): Promise<TurnResult> {
  const services: Service[] = await activeServices(turn.deps.db, providerId);
  const shown = services.slice(0, MAX_CHOICES);
  const [only] = shown;
  if (only === undefined) return nobody();
  if (shown.length === 1) return joinAndConfirm(turn, providerId, only.id, wish);
  const s = fresh(
    wish,
    'service',
    shown.map((x) => x.id),
    providerId,
  );
  const rows = shown.map((x, i) => [button(x.name, flowData(s.nonce, 'sv', i))]);
  const ask = `Which service should I watch ${waitWhen(wish)} for?`;
  const text =
    services.length > shown.length
      ? `${ask}\nAnother one? Name it, e.g. "tell me if a massage opens on Friday".`
      : ask;
  return { messages: [chatMessage(text, { buttons: [...rows, [cancel(s)]] })], state: s };
}

/** A provider or service button of this choice; null when it does not fit the step (stale). */
export function continueWaitChoice(
  turn: ClientTurn,
  s: WaitlistState,
  data: Extract<ButtonData, { kind: 'flow' }>,
): Promise<TurnResult> | TurnResult | null {
  const picked = data.index === null ? undefined : s.options[data.index];
  if (data.action === 'no' && s.step !== 'list') {
    return {
      messages: [chatMessage('OK, not waiting for anything new. Send /book to book a free time.')],
      state: null,
    };
  }
  if (s.wish === null || picked === undefined) return null;
  if (data.action === 'pv' && s.step === 'provider') return chooseWaitService(turn, picked, s.wish);
  if (data.action === 'sv' && s.step === 'service' && s.providerId !== null) {
    return joinAndConfirm(turn, s.providerId, picked, s.wish);
  }
  return null;
}

function fresh(
  wish: WaitWish,
  step: 'provider' | 'service',
  options: string[],
  providerId: string | null,
): WaitlistState {
  return { kind: 'waitlist', nonce: newNonce(), step, options, providerId, wish };
}

function cancel(s: WaitlistState) {
  return button('Cancel', flowData(s.nonce, 'no'), 'danger');
}

function nobody(): TurnResult {
  const text = 'There is no one to wait for right now, sorry. Send /book to see who is bookable.';
  return {
    messages: [chatMessage(text, { buttons: [[commandButton('Book', 'book')]] })],
    state: null,
  };
}
