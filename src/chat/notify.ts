// DMs that the core's changes cause, to the other party's chat identities. A platform refusing
// one is logged and never breaks the flow that caused it.
import type { ChatDeps } from './chat-deps.ts';
import { clientAddresses, providerAddresses } from './chat-identity.ts';
import type { ChatAddress, ChatMessage } from './chat-types.ts';

export async function notifyClient(
  deps: ChatDeps,
  clientId: string,
  message: ChatMessage,
  what: string,
): Promise<void> {
  await sendAll(deps, await clientAddresses(deps.db, clientId), message, what);
}

/** To every identity linked to the provider, Slack first. */
export async function notifyProvider(
  deps: ChatDeps,
  providerId: string,
  message: ChatMessage,
  what: string,
): Promise<void> {
  await sendAll(deps, await providerAddresses(deps.db, providerId), message, what);
}

async function sendAll(
  deps: ChatDeps,
  addresses: readonly ChatAddress[],
  message: ChatMessage,
  what: string,
): Promise<void> {
  for (const address of addresses) {
    try {
      await deps.messenger.send(address, { ...message, replace: false });
    } catch (error) {
      deps.logger.warn(
        {
          platform: address.platform,
          notification: what,
          error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
        },
        'chat notification not delivered',
      );
    }
  }
}
