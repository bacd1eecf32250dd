// What of an error is safe to log: never the URL (it holds interaction tokens) or user data.
import { DiscordAPIError } from 'discord.js';

export type FaultFields = {
  readonly name: string;
  readonly message: string;
  readonly discordCode?: number | string;
  readonly status?: number;
};

/**
 * Name and message of `error`, plus Discord's error code and HTTP status for API errors.
 * DiscordAPIError carries the URL and request body, which hold interaction tokens and user text:
 * they are left out on purpose.
 */
export function describeFault(error: unknown): FaultFields {
  if (error instanceof DiscordAPIError) {
    return {
      name: error.name,
      message: error.message,
      discordCode: error.code,
      status: error.status,
    };
  }
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: typeof error, message: 'non-Error thrown' };
}
