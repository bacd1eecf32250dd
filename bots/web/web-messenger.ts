// The web chat's Messenger: a DM to a web user lands in that user's inbox until a browser polls.
import {
  type ChatAddress,
  type ChatMessage,
  type Messenger,
  MessengerError,
} from '../../src/chat/chat-types.ts';
import type { WebInbox } from './web-inbox.ts';

/**
 * Delivers to `inbox` under the address's dmAddress, else its platformUserId (the persona id).
 * Rejects with MessengerError for an address on another platform: routing is the caller's job.
 */
export function createWebMessenger(inbox: WebInbox): Messenger {
  return {
    send(to: ChatAddress, message: ChatMessage): Promise<void> {
      if (to.platform !== 'web') {
        return Promise.reject(new MessengerError(`not a web address: ${to.platform}`));
      }
      return inbox.push(to.dmAddress ?? to.platformUserId, message);
    },
  };
}
