// A series' provider and service: the booking flow's own steps and buttons, kept in the series
// state, so the same lists, paging and fuzzy names pick who and what repeats.
import { PROVIDERS_PER_PAGE, showProviders, showServices } from './booking-choice-steps.ts';
import { end, lines } from './booking-reply.ts';
import { bestMatches } from './booking-words.ts';
import { activeProvider, activeProvidersPage, activeServices } from './chat-catalog.ts';
import type { BookingState, SeriesState } from './conversation-state.ts';
import type { Picked } from './free-times.ts';
import { freshState } from './new-booking-state.ts';
import type { ClientTurn, TurnResult } from './turn.ts';

/** Either a step to show (the choice is still open) or the settled provider and service. */
export type Settled =
  | { readonly shown: TurnResult }
  | { readonly shown: null; readonly s: SeriesState; readonly picked: Picked };

/**
 * Settles the provider and service the state and its words allow, showing the first open choice
 * (the booking flow's list, with the series' lead above it). Ends with a plain reply when nobody
 * or nothing can be booked.
 */
export async function settleSeriesChoice(
  turn: ClientTurn,
  s0: SeriesState,
  lead: string[],
): Promise<Settled> {
  const { db } = turn.deps;
  let s = s0;
  if (s.providerId === null) {
    const page = await activeProvidersPage(db, s.candidates, s.page, PROVIDERS_PER_PAGE);
    const [only] = page.items;
    if (page.items.length === 0 && s.page > 0) {
      return settleSeriesChoice(turn, { ...s, page: 0 }, lead);
    }
    if (only === undefined) {
      return { shown: end(lines(lead, turn.t.t('series.nobody'))) };
    }
    if (s.page > 0 || page.more || page.items.length > 1) {
      return { shown: asSeries(s, showProviders(turn.t, asBooking(s), page, lead)) };
    }
    s = { ...s, providerId: only.id, page: 0 };
  }
  const provider = s.providerId === null ? null : await activeProvider(db, s.providerId);
  if (!provider) return { shown: gone(turn, lead, 'provider') };
  const services = await activeServices(db, provider.id);
  if (s.serviceId === null) {
    const matched = bestMatches(services, s.words);
    const shown = matched.length > 0 ? matched : services;
    const [only] = shown;
    if (only === undefined) {
      const none = turn.t.t('series.nothingToBook', { provider: provider.name });
      return { shown: end(lines(lead, none)) };
    }
    if (shown.length > 1) {
      return { shown: asSeries(s, showServices(turn.t, asBooking(s), provider, shown, lead)) };
    }
    s = { ...s, serviceId: only.id, page: 0 };
  }
  const service = services.find((x) => x.id === s.serviceId);
  if (!service) return { shown: gone(turn, lead, 'service') };
  return { shown: null, s, picked: { provider, service } };
}

function gone(turn: ClientTurn, lead: string[], what: 'provider' | 'service'): TurnResult {
  return end(lines(lead, turn.t.t('series.choiceGone', { what })));
}

/** The series as the booking steps see it: same nonce, page and choices. */
function asBooking(s: SeriesState): BookingState {
  return freshState({
    nonce: s.nonce,
    page: s.page,
    candidates: s.candidates,
    providerId: s.providerId,
    serviceId: s.serviceId,
  });
}

/** A booking step's reply, its step and options kept in the series state. */
function asSeries(s: SeriesState, shown: TurnResult): TurnResult {
  const booking = shown.state?.kind === 'booking' ? shown.state : null;
  if (booking === null) return shown;
  const step = booking.step === 'provider' ? 'provider' : 'service';
  return {
    messages: shown.messages,
    state: { ...s, step, page: booking.page, options: booking.options },
  };
}
