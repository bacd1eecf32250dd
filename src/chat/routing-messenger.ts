// One Messenger for the whole app that hands each DM to the adapter of the recipient's platform.
import type { Platform } from '../domain/platforms.ts';
import type { ChatAddress, ChatMessage, Messenger, SentMessageRef } from './chat-types.ts';
import { MessengerError } from './chat-types.ts';

export type RoutingMessenger = Messenger & {
  /** Adds the messenger of a started adapter; a later one for the same platform replaces it. */
  register(platform: Platform, messenger: Messenger): void;
};

/**
 * Created before the adapters (which need the engine, which needs a messenger) and filled in as
 * they start. Sending to a platform with no adapter rejects with MessengerError, like any other
 * undeliverable DM, so callers record it instead of crashing.
 */
export function createRoutingMessenger(): RoutingMessenger {
  const byPlatform = new Map<Platform, Messenger>();
  return {
    register(platform, messenger) {
      byPlatform.set(platform, messenger);
    },
    async send(to: ChatAddress, message: ChatMessage) {
      return adapterFor(byPlatform, to.platform).send(to, message);
    },
    async edit(ref: SentMessageRef, message: ChatMessage) {
      return adapterFor(byPlatform, ref.platform).edit(ref, message);
    },
  };
}

function adapterFor(byPlatform: ReadonlyMap<Platform, Messenger>, platform: Platform): Messenger {
  const target = byPlatform.get(platform);
  if (!target) throw new MessengerError(`no ${platform} adapter is running`);
  return target;
}
