// What the conversation engine needs from the composition root; tests pass their own.
import type { CalendarConnectDeps } from '../calendars/calendar-connect-deps.ts';
import type { Database } from '../db/database.ts';
import type { Messenger } from './chat-types.ts';

/**
 * Minimal structured logger (pino fits). Structurally the same as bots' BotLogger, defined here
 * because src/ does not import from bots/. Never pass tokens or full personal data.
 */
export type ChatLogger = {
  info(fields: Record<string, unknown>, message?: string): void;
  warn(fields: Record<string, unknown>, message?: string): void;
  error(fields: Record<string, unknown>, message?: string): void;
};

export type ChatDeps = {
  readonly db: Database;
  /** DMs for notifications (approval requests, approvals, cancellations) on any platform. */
  readonly messenger: Messenger;
  /** How long a no-show locks the client out of same-day booking (NO_SHOW_LOCKOUT_DAYS). */
  readonly noShowLockoutDays: number;
  readonly logger: ChatLogger;
  /**
   * Called after a change commits, so the outbox relay turns it into the other party's notices
   * now rather than on its next round. Must not throw: the notices are durable either way.
   */
  readonly relayChanges: () => Promise<void>;
  /** Calendar connections for /connect and /disconnect; absent: those commands say so. */
  readonly calendars?: CalendarConnectDeps | null;
};
