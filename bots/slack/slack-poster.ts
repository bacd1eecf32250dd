// Posts and updates Block Kit messages through one WebClient, throttled per channel.
import type { webApi } from '@slack/bolt';
import type { ChatMessage } from '../../src/chat/chat-types.ts';
import type { ChannelThrottle } from './channel-throttle.ts';
import { fallbackText, renderBlocks } from './render-blocks.ts';

/** Where a message the user acted on lives, so a `replace` reply can update it in place. */
export type SlackMessageRef = { readonly channel: string; readonly ts: string };

export type SlackPoster = {
  post(channel: string, message: ChatMessage): Promise<SlackMessageRef>;
  /** Replaces the message at `ref`, with `actedBy` (mrkdwn naming who acted; null: none) below. */
  update(ref: SlackMessageRef, message: ChatMessage, actedBy: string | null): Promise<void>;
};

/**
 * Rejects with the Web API error (WebAPIPlatformError for `{ ok: false }`); 429s are retried by
 * the WebClient itself after Retry-After, per its retryConfig.
 */
export function createSlackPoster(
  client: webApi.WebClient,
  throttle: ChannelThrottle,
): SlackPoster {
  return {
    async post(channel, message) {
      const result = await throttle.run(channel, () =>
        client.chat.postMessage({
          channel,
          text: fallbackText(message),
          blocks: renderBlocks(message),
        }),
      );
      return { channel: result.channel ?? channel, ts: result.ts ?? '' };
    },
    async update(ref, message, actedBy) {
      await throttle.run(ref.channel, () =>
        client.chat.update({
          channel: ref.channel,
          ts: ref.ts,
          text: fallbackText(message),
          blocks: renderBlocks(message, actedBy),
        }),
      );
    },
  };
}
