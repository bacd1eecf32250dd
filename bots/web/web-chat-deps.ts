// What the web chat's routes share: the database, the engine, the inbox, a logger and a clock.
import type { Database } from '../../src/db/database.ts';
import type { BotLogger, ChatHandler } from '../bot-adapter.ts';
import type { WebInbox } from './web-inbox.ts';
import type { PersonaDirectory } from './web-personas.ts';

export type WebChatDeps = {
  readonly db: Database;
  readonly handle: ChatHandler;
  readonly logger: BotLogger;
  /** The only source of "now" (link code expiry). */
  readonly clock: () => Date;
  readonly inbox: WebInbox;
  readonly personas: PersonaDirectory;
};
