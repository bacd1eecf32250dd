// Faults of the Discord adapter itself, each keeping the SDK error as its cause.

/** Connecting to the gateway or registering the slash commands failed; the adapter is not running. */
export class DiscordStartError extends Error {
  override name = 'DiscordStartError';
}

/** A DM could not be sent for a reason that may pass (network, Discord 5xx after retries). */
export class DiscordSendError extends Error {
  override name = 'DiscordSendError';
}

/** The gateway closed with a code discord.js will not reconnect after (bad token, bad intents). */
export class GatewayClosedError extends Error {
  override name = 'GatewayClosedError';
}
