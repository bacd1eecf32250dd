// INTERACTION_CREATE payloads as Discord sends them: slash commands, buttons and string selects.
import type {
  APIApplicationCommandInteractionDataStringOption,
  APIChatInputApplicationCommandInteraction,
  APIMessage,
  APIMessageComponentButtonInteraction,
  APIMessageComponentSelectMenuInteraction,
  APIUser,
} from 'discord.js';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ChannelType,
  ComponentType,
  GuildMemberFlags,
  InteractionContextType,
  InteractionType,
  Locale,
} from 'discord.js';
import { FAKE_APPLICATION_ID } from './discord-api.ts';
import { snowflake } from './discord-payloads.ts';

/** Where the user acted: a server text channel or their DM with the bot. */
export type Place =
  | { readonly kind: 'guild'; readonly guildId: string; readonly channelId: string }
  | { readonly kind: 'dm'; readonly channelId: string };

export type Origin = { readonly user: APIUser; readonly place: Place };

// Fields every interaction carries; a fresh id and token for each delivery unless given.
function base(origin: Origin, ids: { id?: string; token?: string }) {
  const { user, place } = origin;
  const common = {
    id: ids.id ?? snowflake(),
    application_id: FAKE_APPLICATION_ID,
    token: ids.token ?? `itoken-${snowflake()}`,
    version: 1 as const,
    app_permissions: '2248473465835073',
    locale: Locale.EnglishUS,
    entitlements: [],
    attachment_size_limit: 10_485_760,
    channel_id: place.channelId,
  };
  if (place.kind === 'dm') {
    return {
      ...common,
      user,
      channel: { id: place.channelId, type: ChannelType.DM as const, recipients: [user] },
      // A guild-installed bot answering in its DM: Discord reports the guild install as "0".
      authorizing_integration_owners: { '0': '0' },
      context: InteractionContextType.BotDM,
    };
  }
  return {
    ...common,
    guild_id: place.guildId,
    guild_locale: Locale.EnglishUS,
    guild: { id: place.guildId, locale: Locale.EnglishUS, features: [] },
    member: {
      user,
      roles: [],
      joined_at: '2026-01-01T00:00:00.000Z',
      deaf: false,
      mute: false,
      flags: GuildMemberFlags.CompletedOnboarding,
      permissions: '2248473465835073',
      nick: null,
      avatar: null,
    },
    channel: { id: place.channelId, type: ChannelType.GuildText as const, name: 'booking' },
    authorizing_integration_owners: { '0': place.guildId },
    context: InteractionContextType.Guild,
  };
}

type Ids = { readonly id?: string; readonly token?: string };

/** A slash command with string options, e.g. /book request:"haircut tomorrow". */
export function commandInteraction(
  origin: Origin,
  name: string,
  options: Record<string, string> = {},
  ids: Ids = {},
): APIChatInputApplicationCommandInteraction {
  const data = {
    id: snowflake(),
    name,
    type: ApplicationCommandType.ChatInput as const,
    ...(Object.keys(options).length === 0 ? {} : { options: stringOptions(options) }),
  };
  return { ...base(origin, ids), type: InteractionType.ApplicationCommand, data };
}

function stringOptions(
  options: Record<string, string>,
): APIApplicationCommandInteractionDataStringOption[] {
  return Object.entries(options).map(([name, value]) => ({
    name,
    type: ApplicationCommandOptionType.String,
    value,
  }));
}

/** A button press on `message` (a message the bot sent, as the fake REST API returned it). */
export function buttonInteraction(
  origin: Origin,
  message: APIMessage,
  customId: string,
  ids: Ids = {},
): APIMessageComponentButtonInteraction {
  const data = { custom_id: customId, component_type: ComponentType.Button as const };
  return { ...base(origin, ids), type: InteractionType.MessageComponent, data, message };
}

/** A string select choice on `message`. */
export function selectInteraction(
  origin: Origin,
  message: APIMessage,
  customId: string,
  values: string[],
  ids: Ids = {},
): APIMessageComponentSelectMenuInteraction {
  const data = { custom_id: customId, component_type: ComponentType.StringSelect as const, values };
  return { ...base(origin, ids), type: InteractionType.MessageComponent, data, message };
}
