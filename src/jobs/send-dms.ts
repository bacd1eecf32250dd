// One message to each of a party's chat identities, with permanent failures on the event log.
import type { ChatAddress, ChatMessage } from '../chat/chat-types.ts';
import { MessengerError } from '../chat/chat-types.ts';
import type { JobsDeps } from './jobs-deps.ts';
import { type DeliveryFailure, recordDeliveryFailure } from './record-delivery-failure.ts';

type DmDeps = Pick<JobsDeps, 'db' | 'messenger' | 'clock'>;

/**
 * Sends `message` to every address in turn. A MessengerError (permanent: bot blocked, user gone)
 * is recorded as a chat DELIVERY_FAILED and the other addresses still get theirs; any other
 * error is rethrown after the rest were tried, so pg-boss retries the job (a retry may repeat
 * the DM to an address that already had it; one identity per person is usual).
 */
export async function sendDms(
  deps: DmDeps,
  addresses: readonly ChatAddress[],
  message: ChatMessage,
  failure: Omit<DeliveryFailure, 'channel' | 'error' | 'at'>,
): Promise<void> {
  let transient: unknown = null;
  for (const address of addresses) {
    try {
      await deps.messenger.send(address, { ...message, replace: false });
    } catch (error) {
      if (!(error instanceof MessengerError)) {
        transient = error;
        continue;
      }
      const at = deps.clock();
      await recordDeliveryFailure(deps.db, { ...failure, channel: 'chat', error, at });
    }
  }
  if (transient !== null) throw transient;
}
