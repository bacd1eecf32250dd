// What the HTTP app needs from the composition root; tests pass their own.
import type { CalendarConnectDeps } from '../calendars/calendar-connect-deps.ts';
import type { Database } from '../db/database.ts';
import type { Language } from '../i18n/languages.ts';
import type { FailedJob } from '../jobs/list-failed-jobs.ts';
import type { PaymentDeps } from '../payments/payment-deps.ts';
import type { Clock } from '../ports/clock.ts';
import type { Logger } from '../ports/logger.ts';

export type AppDeps = {
  readonly db: Database;
  /** Every /api route except the docs requires `Authorization: Bearer <adminToken>`. */
  readonly adminToken: string;
  /** The current instant; the only source of "now" for every handler. */
  readonly clock: Clock;
  /** How long a no-show locks the client out of same-day booking. */
  readonly noShowLockoutDays: number;
  readonly logger: Logger;
  /**
   * Nudged after each committed booking or status change, so the outbox relay queues the
   * notices now; absent, the relay's next round picks the change up. Must not throw.
   */
  readonly relayChanges?: () => Promise<void>;
  /** Calendar connections and webhooks; absent: those routes answer 503 UNAVAILABLE. */
  readonly calendars?: CalendarConnectDeps | null;
  /** Stripe and the hold length; absent or null: payments are off and paid services book free. */
  readonly payments?: PaymentDeps | null;
  /** Dead-lettered jobs for GET /api/jobs/failed; absent when background work is not running. */
  /** The language of browser pages when neither ?lang= nor Accept-Language names one we speak. */
  readonly defaultLanguage?: Language;
  readonly listFailedJobs?: (options: { limit: number; after?: string }) => Promise<FailedJob[]>;
};
