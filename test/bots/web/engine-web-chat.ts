// The web chat on the real engine over a test database, served and opened in Chromium.
import { createWebChatAdapter } from '../../../bots/web/create-web-chat-adapter.ts';
import { handleChatEvent } from '../../../src/chat/handle-chat-event.ts';
import { createProviderDirectory } from '../../../src/chat/provider-directory.ts';
import { createRoutingMessenger } from '../../../src/chat/routing-messenger.ts';
import type { Database } from '../../../src/db/database.ts';
import { testChatDeps } from '../../support/deliver-changes.ts';
import { MONDAY_MORNING } from '../../support/fixtures.ts';
import { type BrowserHarness, openWebChat } from './browser-harness.ts';

/**
 * Builds the web chat adapter on the engine over `db` with the clock frozen at MONDAY_MORNING,
 * pushes every error it logs into `faults`, and opens it in a browser with the given zone (and
 * locale, when given).
 */
export async function openEngineWebChat(
  db: Database,
  faults: unknown[],
  timezoneId: string,
  locale?: string,
): Promise<BrowserHarness> {
  const logger = { info: () => {}, warn: () => {}, error: (f: unknown) => void faults.push(f) };
  // As in the composition root: the engine's messenger routes to the adapters registered later.
  const messenger = createRoutingMessenger();
  const deps = testChatDeps(db, messenger, logger);
  const adapter = createWebChatAdapter({
    providers: createProviderDirectory(db, () => MONDAY_MORNING),
    handle: (event) => handleChatEvent(deps, event, MONDAY_MORNING),
    logger,
    clock: () => MONDAY_MORNING,
  });
  messenger.register('web', adapter.messenger);
  return openWebChat(adapter, timezoneId, locale);
}
