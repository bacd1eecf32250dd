// The shape every /book step replies in: text, its buttons, paging and the Cancel row.
import type { Translator } from '../i18n/translator.ts';
import { flowData } from './button-data.ts';
import { button, chatMessage } from './chat-message.ts';
import type { ChatButton } from './chat-types.ts';
import type { BookingState } from './conversation-state.ts';
import type { TurnResult } from './turn.ts';

/** Shows one step and remembers what its numbered buttons point at. */
export function step(
  s: BookingState,
  name: BookingState['step'],
  options: string[],
  text: string,
  rows: ChatButton[][],
  nav: ChatButton[] | null,
): TurnResult {
  const buttons = nav && nav.length > 0 ? [...rows, nav] : rows;
  return { messages: [chatMessage(text, { buttons })], state: { ...s, step: name, options } };
}

/** Where a shown page sits: the state (its page number) and whether items follow it. */
export type PagePlace = { readonly s: BookingState; readonly more: boolean };

/** Previous / Next where the page has neighbours, any `extra` buttons, then Cancel. */
export function navRow(t: Translator, page: PagePlace, extra: ChatButton[] = []): ChatButton[] {
  const { s } = page;
  const row: ChatButton[] = [];
  if (s.page > 0) row.push(button(t.t('booking.previous'), flowData(s.nonce, 'pp')));
  if (page.more) row.push(button(t.t('booking.next'), flowData(s.nonce, 'nx')));
  row.push(...extra, button(t.t('booking.cancel'), flowData(s.nonce, 'no'), 'danger'));
  return row;
}

/**
 * The page of `items` the state points at. A page past the end (the list shrank since it was
 * shown) falls back to the first, so the returned state is the one to store.
 */
export function pageOf<T>(
  s0: BookingState,
  items: readonly T[],
  perPage: number,
): PagePlace & { s: BookingState; first: number; shown: T[] } {
  const s = s0.page * perPage >= items.length ? { ...s0, page: 0 } : s0;
  const first = s.page * perPage;
  const shown = items.slice(first, first + perPage);
  return { s, first, shown, more: first + perPage < items.length };
}

/** What earlier steps had to say, then this step's lines. */
export function lines(lead: readonly string[], ...more: string[]): string {
  return [...lead, ...more].join('\n');
}

/** A last reply that ends the conversation. */
export function end(text: string): TurnResult {
  return { messages: [chatMessage(text)], state: null };
}
