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
  if (only === undefined) return nobody(turn);
  if (page.items.length === 1) return chooseWaitService(turn, only.id, wish);
  const s = fresh(
    wish,
    'provider',
    page.items.map((p) => p.id),
    null,
  );
  const rows = page.items.map((p, i) => [button(p.name, flowData(s.nonce, 'pv', i))]);
  const { t } = turn;
  const ask = t.t('waitlist.whoToWatch', { when: waitWhen(t, wish) });
  const text = page.more ? `${ask}\n${t.t('waitlist.someoneElse')}` : ask;
  return { messages: [chatMessage(text, { buttons: [...rows, [cancel(turn, s)]] })], state: s };
}

async function chooseWaitService(
  turn: ClientTurn,
  providerId: string,
  wish: WaitWish,
): Promise<TurnResult> {
  const services: Service[] = await activeServices(turn.deps.db, providerId);
  const shown = services.slice(0, MAX_CHOICES);
  const [only] = shown;
  if (only === undefined) return nobody(turn);
  if (shown.length === 1) return joinAndConfirm(turn, providerId, only.id, wish);
  const s = fresh(
    wish,
    'service',
    shown.map((x) => x.id),
    providerId,
  );
  const rows = shown.map((x, i) => [button(x.name, flowData(s.nonce, 'sv', i))]);
  const { t } = turn;
  const ask = t.t('waitlist.whichService', { when: waitWhen(t, wish) });
  const text = services.length > shown.length ? `${ask}\n${t.t('waitlist.anotherService')}` : ask;
  return { messages: [chatMessage(text, { buttons: [...rows, [cancel(turn, s)]] })], state: s };
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
      messages: [chatMessage(turn.t.t('waitlist.notWaiting'))],
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

function cancel(turn: ClientTurn, s: WaitlistState) {
  return button(turn.t.t('waitlist.cancel'), flowData(s.nonce, 'no'), 'danger');
}

function nobody(turn: ClientTurn): TurnResult {
  const { t } = turn;
  const book = commandButton(t.t('waitlist.book'), 'book');
  return { messages: [chatMessage(t.t('waitlist.nobody'), { buttons: [[book]] })], state: null };
}
