// What the background jobs need from the composition root; tests pass their own doubles.

import type { CalendarDeps } from '../calendars/calendar-deps.ts';
import type { Messenger } from '../chat/chat-types.ts';
import type { Database } from '../db/database.ts';
import type { Language } from '../i18n/languages.ts';
import type { Mailer } from '../mail/mail-types.ts';
import type { MeetingSource } from '../meetings/choose-meeting-source.ts';
import type { PaymentDeps } from '../payments/payment-deps.ts';
import type { Clock } from '../ports/clock.ts';
import type { Logger } from '../ports/logger.ts';

export type JobsDeps = {
  readonly db: Database;
  readonly messenger: Messenger;
  readonly mailer: Mailer;
  /** pino fits; never given tokens or personal data. */
  readonly logger: Logger;
  /** The current time; workers and housekeeping never read the system clock themselves. */
  readonly clock: Clock;
  /** Where join links for virtual services come from (chooseMeetingSource); absent: none. */
  readonly meetings?: MeetingSource;
  /** Calendar sync; absent or null: pushes and syncs complete without doing anything. */
  readonly calendars?: CalendarDeps | null;
  /**
   * Refunds and checkout closing; absent or null (payments off): holds are released without closing their
   * checkouts, and a refund that is due waits (its job retries) until payments are back.
   */
  readonly payments?: PaymentDeps | null;
  /** WAITLIST_OFFER_MINUTES: how long an offer keeps a freed time; absent: 10. */
  readonly waitlistOfferMinutes?: number;
  /** DEFAULT_LANGUAGE: what a client or provider with no stored language reads; absent: English. */
  readonly defaultLanguage?: Language;
};
