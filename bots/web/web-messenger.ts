// The web chat's Messenger: a DM to a web user lands in that user's inbox until a browser polls.
import {
  type ChatAddress,
  type ChatMessage,
  type Messenger,
  MessengerError,
  type SentMessageRef,
} from '../../src/chat/chat-types.ts';
import type { WebInbox } from './web-inbox.ts';

/**
 * Delivers to `inbox` under the address's dmAddress, else its platformUserId (the persona id),
 * and answers the DM's inbox seq; an edit queues a replacement for that seq. Rejects with
 * MessengerError for an address on another platform: routing is the caller's job.
 */
export function createWebMessenger(inbox: WebInbox): Messenger {
  return {
    async send(to: ChatAddress, message: ChatMessage) {
      if (to.platform !== 'web') throw new MessengerError(`not a web address: ${to.platform}`);
      const address = to.dmAddress ?? to.platformUserId;
      const seq = await inbox.push(address, message);
      return [{ platform: 'web', address, messageId: String(seq) }];
    },
    async edit(ref: SentMessageRef, message: ChatMessage) {
      if (ref.platform !== 'web') throw new MessengerError(`not a web message: ${ref.platform}`);
      const seq = Number(ref.messageId);
      if (!Number.isSafeInteger(seq) || seq < 1) throw new MessengerError('not a web inbox seq');
      await inbox.edit(ref.address, seq, { ...message, replace: false });
    },
  };
}
