// The Messenger port for Slack: a DM through conversations.open and chat.postMessage.
import { webApi } from '@slack/bolt';
import { type Messenger, MessengerError } from '../../src/chat/chat-types.ts';
import { SlackDeliveryError } from './slack-delivery-error.ts';
import type { SlackPoster } from './slack-poster.ts';
import type { SlackUserDirectory } from './slack-user-directory.ts';

/** Slack errors that mean the user cannot be reached, now or on retry. */
const PERMANENT_ERRORS = new Set([
  'user_not_found',
  'users_not_found',
  'channel_not_found',
  'account_inactive',
  'user_disabled',
  'cannot_dm_bot',
  'is_archived',
  // chat.update: the message is gone, or Slack no longer lets it be edited.
  'message_not_found',
  'cant_update_message',
  'edit_window_closed',
]);

/**
 * Sends through the DM channel and answers its channel and ts; edits with chat.update. Rejects
 * with MessengerError (cause: the Web API error) when Slack refuses for good, with
 * SlackDeliveryError otherwise. Addresses on another platform are a programming fault.
 */
export function createSlackMessenger(
  directory: SlackUserDirectory,
  poster: SlackPoster,
): Messenger {
  return {
    async send(to, message) {
      if (to.platform !== 'slack') {
        throw new SlackDeliveryError(`cannot send a ${to.platform} address through Slack`);
      }
      try {
        const channel = await directory.dmChannel(to.platformUserId);
        const sent = await poster.post(channel, message);
        return [{ platform: 'slack', address: sent.channel, messageId: sent.ts }];
      } catch (error) {
        throw toDeliveryError(error);
      }
    },
    async edit(ref, message) {
      if (ref.platform !== 'slack') {
        throw new SlackDeliveryError(`cannot edit a ${ref.platform} message through Slack`);
      }
      try {
        await poster.update({ channel: ref.address, ts: ref.messageId }, message, null);
      } catch (error) {
        throw toDeliveryError(error);
      }
    },
  };
}

function toDeliveryError(error: unknown): Error {
  if (error instanceof webApi.WebAPIPlatformError && PERMANENT_ERRORS.has(error.data.error)) {
    return new MessengerError(`Slack refused the DM: ${error.data.error}`, { cause: error });
  }
  return new SlackDeliveryError('Slack DM failed', { cause: error });
}
