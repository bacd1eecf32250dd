// The web chat on the real engine over a test database, served and opened in Chromium.
import { eq } from 'drizzle-orm';
import { createWebChatAdapter } from '../../../bots/web/create-web-chat-adapter.ts';
import { handleChatEvent } from '../../../src/chat/handle-chat-event.ts';
import { createProviderDirectory } from '../../../src/chat/provider-directory.ts';
import { createRoutingMessenger } from '../../../src/chat/routing-messenger.ts';
import type { Database } from '../../../src/db/database.ts';
import { providers } from '../../../src/db/schema/providers.ts';
import { seedDemo } from '../../../src/db/seed-demo.ts';
import { testChatDeps } from '../../support/deliver-changes.ts';
import { createFixture, MONDAY_MORNING } from '../../support/fixtures.ts';
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

/**
 * Seeds the demo and a second provider, so /book asks which one first; returns the demo
 * provider's (Dr. Anna Weber's) id.
 */
export async function seedDemoAndSecondProvider(db: Database): Promise<string> {
  await seedDemo(db);
  await createFixture(db);
  const [row] = await db.select().from(providers).where(eq(providers.name, 'Dr. Anna Weber'));
  if (!row) throw new Error('no demo provider');
  return row.id;
}
