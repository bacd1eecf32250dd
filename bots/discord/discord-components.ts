// Engine buttons and selects as Discord action rows, made (so validated) by discord.js builders.
import type { APIActionRowComponent, APIComponentInMessageActionRow } from 'discord.js';
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  StringSelectMenuBuilder,
  StringSelectMenuOptionBuilder,
} from 'discord.js';
import type { ChatButton, ChatLink, ChatSelect } from '../../src/chat/chat-types.ts';
import {
  BUTTON_LABEL_LIMIT,
  BUTTONS_PER_ROW,
  chunk,
  fitText,
  OPTION_TEXT_LIMIT,
  OPTIONS_PER_SELECT,
  PLACEHOLDER_LIMIT,
  SELECT_CUSTOM_ID_PREFIX,
  uniqueBy,
} from './discord-limits.ts';

export type DiscordRow = APIActionRowComponent<APIComponentInMessageActionRow>;

/**
 * One action row per at most 5 buttons, keeping the engine's row breaks. custom_id is the
 * button's data (≤ 64 bytes by contract, within Discord's 100). Discord refuses two components
 * with the same custom_id in one message, so a repeated data keeps only its first button.
 * Throws the builders' validation error for data Discord would refuse (over 100 characters).
 */
export function buttonRows(rows: readonly (readonly ChatButton[])[]): DiscordRow[] {
  const seen = new Set<string>();
  const result: DiscordRow[] = [];
  for (const row of rows) {
    for (const group of chunk(
      uniqueBy(row, (button) => button.data, seen),
      BUTTONS_PER_ROW,
    )) {
      const builder = new ActionRowBuilder<ButtonBuilder>().addComponents(group.map(toButton));
      result.push(builder.toJSON());
    }
  }
  return result;
}

/** The link (a payment page) as a row with one Link-style button, which Discord opens itself. */
export function linkRows(link: ChatLink | null): DiscordRow[] {
  if (link === null) return [];
  const button = new ButtonBuilder()
    .setStyle(ButtonStyle.Link)
    .setLabel(fitText(link.label, BUTTON_LABEL_LIMIT))
    .setURL(link.url);
  return [new ActionRowBuilder<ButtonBuilder>().addComponents(button).toJSON()];
}

/**
 * The select as one menu row per 25 options (Discord's limit per menu), each menu picking
 * exactly one option whose value is the engine's data. Repeated data keeps its first option.
 */
export function selectRows(select: ChatSelect | null): DiscordRow[] {
  if (select === null) return [];
  const options = uniqueBy(select.options, (option) => option.data, new Set());
  return chunk(options, OPTIONS_PER_SELECT).map((group, index) => {
    const menu = new StringSelectMenuBuilder()
      .setCustomId(`${SELECT_CUSTOM_ID_PREFIX}${index}`)
      .setPlaceholder(fitText(select.placeholder, PLACEHOLDER_LIMIT))
      .setMinValues(1)
      .setMaxValues(1)
      .addOptions(group.map(toOption));
    return new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(menu).toJSON();
  });
}

function toOption(option: ChatSelect['options'][number]): StringSelectMenuOptionBuilder {
  const built = new StringSelectMenuOptionBuilder()
    .setLabel(fitText(option.label, OPTION_TEXT_LIMIT))
    .setValue(option.data);
  return option.description
    ? built.setDescription(fitText(option.description, OPTION_TEXT_LIMIT))
    : built;
}

function toButton(button: ChatButton): ButtonBuilder {
  return new ButtonBuilder()
    .setCustomId(button.data)
    .setLabel(fitText(button.label, BUTTON_LABEL_LIMIT))
    .setStyle(buttonStyle(button.style));
}

function buttonStyle(style: ChatButton['style']): ButtonStyle {
  switch (style) {
    case 'primary':
      return ButtonStyle.Primary;
    case 'danger':
      return ButtonStyle.Danger;
    case 'default':
      return ButtonStyle.Secondary;
    default: {
      const unknown: never = style;
      throw new Error(`unknown button style ${String(unknown)}`);
    }
  }
}
