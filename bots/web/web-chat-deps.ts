// What the web chat's routes share: the database, the engine, the inbox, a logger and a clock.

import type { Database } from '../../src/db/database.ts';
import type { Clock } from '../../src/ports/clock.ts';
import type { Logger } from '../../src/ports/logger.ts';
import type { ChatHandler } from '../bot-adapter.ts';
import type { WebInbox } from './web-inbox.ts';
import type { PersonaDirectory } from './web-personas.ts';

export type WebChatDeps = {
  readonly db: Database;
  readonly handle: ChatHandler;
  readonly logger: Logger;
  /** The only source of "now" (link code expiry). */
  readonly clock: Clock;
  readonly inbox: WebInbox;
  readonly personas: PersonaDirectory;
};
