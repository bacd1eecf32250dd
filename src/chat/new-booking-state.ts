// A /book conversation's starting state, before any step is settled.
import { newNonce } from './button-data.ts';
import { type BookingState, NO_HINTS } from './conversation-state.ts';

/** A new booking state with a new nonce, so buttons of an earlier /book go stale. */
export function freshState(fields: Partial<BookingState>): BookingState {
  return {
    kind: 'booking',
    nonce: newNonce(),
    appointmentId: null,
    step: 'provider',
    page: 0,
    options: [],
    candidates: null,
    providerId: null,
    serviceId: null,
    day: null,
    start: null,
    hints: NO_HINTS,
    bookedId: null,
    ...fields,
  };
}
