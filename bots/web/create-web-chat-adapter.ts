// The built-in web chat: a browser page and a JSON API that talk to the engine with no platform.

import type { Env, Hono } from 'hono';
import { describeErrorSafely } from '../../src/logging/describe-error-safely.ts';
import type { Clock } from '../../src/ports/clock.ts';
import type { Logger } from '../../src/ports/logger.ts';
import type { ProviderDirectory } from '../../src/ports/provider-directory.ts';
import type { WebInboxStore } from '../../src/ports/web-inbox-store.ts';
import type { BotAdapter, ChatHandler } from '../bot-adapter.ts';
import { registerEventRoute } from './event-route.ts';
import { registerInboxRoute } from './inbox-route.ts';
import { linkAllProviderPersonas } from './link-provider-persona.ts';
import { registerPageRoutes } from './page-route.ts';
import type { WebChatDeps } from './web-chat-deps.ts';
import { createWebInbox, DURABLE_EPOCH, memoryBackend } from './web-inbox.ts';
import { createWebMessenger } from './web-messenger.ts';
import { demoPersonas, type PersonaDirectory } from './web-personas.ts';

export type WebChatOptions = {
  readonly providers: ProviderDirectory;
  readonly handle: ChatHandler;
  readonly logger: Logger;
  readonly clock: Clock;
  /** Who the picker offers; default demoPersonas (providers too, for the local demo). */
  readonly personas?: PersonaDirectory;
  /** Where DMs wait: the database's store in the app; default process memory (tests). */
  readonly inboxStore?: WebInboxStore;
};

/**
 * The web adapter: `mount` adds GET / (the chat page), /webchat/assets/*, POST /webchat/events
 * and GET /webchat/inbox to the app. There is no sign-in: anyone who can reach the server can act
 * as any persona the directory offers (with demoPersonas, providers included), so the demo
 * directory is for local use only. DMs wait in
 * `inboxStore` (see web-inbox.ts), so with the database's store they survive restarts and reach
 * the browser through any instance. start() links the provider personas (the messenger must already
 * be reachable from `handle`); failing that only logs, since it affects the demo alone. stop()
 * ends pending long polls.
 */
export function createWebChatAdapter(options: WebChatOptions): BotAdapter {
  const inbox = createWebInbox(
    options.inboxStore ? { store: options.inboxStore, epoch: DURABLE_EPOCH } : memoryBackend(),
  );
  const deps: WebChatDeps = { ...options, inbox, personas: options.personas ?? demoPersonas };
  return {
    platform: 'web',
    messenger: createWebMessenger(inbox),
    mount(app: Hono<Env>) {
      registerPageRoutes(app, deps);
      registerEventRoute(app, deps);
      registerInboxRoute(app, deps);
    },
    async start() {
      try {
        await linkAllProviderPersonas(deps);
      } catch (error) {
        options.logger.error(
          { err: describeErrorSafely(error) },
          'web chat could not link providers',
        );
      }
    },
    stop() {
      inbox.close();
      return Promise.resolve();
    },
  };
}
