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
]);

/**
 * Rejects with MessengerError (cause: the Web API error) when Slack refuses for good, with
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
        await poster.post(channel, message);
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
