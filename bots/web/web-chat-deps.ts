// What the web chat's routes share: the provider directory, the engine, the inbox, a logger and a clock.

import type { Clock } from '../../src/ports/clock.ts';
import type { Logger } from '../../src/ports/logger.ts';
import type { ProviderDirectory } from '../../src/ports/provider-directory.ts';
import type { ChatHandler } from '../bot-adapter.ts';
import type { WebInbox } from './web-inbox.ts';
import type { PersonaDirectory } from './web-personas.ts';

export type WebChatDeps = {
  /** Providers and their web links, from the core. */
  readonly providers: ProviderDirectory;
  readonly handle: ChatHandler;
  readonly logger: Logger;
  /** The only source of "now" (link code expiry). */
  readonly clock: Clock;
  readonly inbox: WebInbox;
  readonly personas: PersonaDirectory;
};
