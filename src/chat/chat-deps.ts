// What the conversation engine needs from the composition root; tests pass their own.

import type { CalendarConnectDeps } from '../calendars/calendar-connect-deps.ts';
import type { Database } from '../db/database.ts';
import type { Language } from '../i18n/languages.ts';
import type { PaymentDeps } from '../payments/payment-deps.ts';
import type { Logger } from '../ports/logger.ts';
import type { Messenger } from './chat-types.ts';

export type ChatDeps = {
  readonly db: Database;
  /** DMs for notifications (approval requests, approvals, cancellations) on any platform. */
  readonly messenger: Messenger;
  /** How long a no-show locks the client out of same-day booking (NO_SHOW_LOCKOUT_DAYS). */
  readonly noShowLockoutDays: number;
  readonly logger: Logger;
  /** Who has no choice, platform hint or stored language gets this (DEFAULT_LANGUAGE); absent: en. */
  readonly defaultLanguage?: Language;
  /**
   * Called after a change commits, so the outbox relay turns it into the other party's notices
   * now rather than on its next round. Must not throw: the notices are durable either way.
   */
  readonly relayChanges: () => Promise<void>;
  /** Calendar connections for /connect and /disconnect; absent: those commands say so. */
  readonly calendars?: CalendarConnectDeps | null;
  /** Stripe and the hold length; absent or null: payments are off and paid services book free. */
  readonly payments?: PaymentDeps | null;
  /**
   * Waitlists: how long an offer is kept (WAITLIST_OFFER_MINUTES), and `nudge`, called after a
   * pass or a leave commits so the provider's freed slot is offered to the next in line now
   * (it enqueues the waitlist-offers job; must not throw). Absent: tests that do not need it.
   */
  readonly waitlist?: {
    readonly offerMinutes: number;
    readonly nudge: (providerId: string) => Promise<void>;
  } | null;
};
