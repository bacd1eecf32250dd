// What calendar sync needs from the composition root; tests pass their own, pointed at fakes.

import type { Messenger } from '../chat/chat-types.ts';
import type { Database } from '../db/database.ts';
import type { Language } from '../i18n/languages.ts';
import type { Clock } from '../ports/clock.ts';
import type { Logger } from '../ports/logger.ts';
import type { CalendarClient, CalendarWatcher } from './calendar-client.ts';
import type { CalendarConnection } from './calendar-connections.ts';

/** A connected calendar; Google and Outlook can also push, Apple cannot. */
export type OpenedCalendar = CalendarClient & Partial<CalendarWatcher>;

export type CalendarDeps = {
  readonly db: Database;
  /** ENCRYPTION_KEY: seals tokens and passwords in calendar_syncs. */
  readonly key: Buffer;
  /** Builds the client for a stored connection (credentials bound in, refreshes saved). */
  readonly openCalendar: (connection: CalendarConnection) => Promise<OpenedCalendar>;
  /** PUBLIC_URL, for webhook addresses; push channels need it reachable from the internet. */
  readonly publicUrl: string;
  /** DMs to providers: conflicts and broken connections. */
  readonly messenger: Messenger;
  readonly logger: Logger;
  readonly clock: Clock;
  /** DEFAULT_LANGUAGE: the words of events and DMs for a provider with no language stored. */
  readonly defaultLanguage?: Language;
};
