// Building ChatMessage values: plain text, button rows within the 5 x 5 limit, no selects.
import { commandData } from './button-data.ts';
import type { ChatButton, ChatMessage } from './chat-types.ts';

/** Buttons per row and rows per message that every platform accepts (Discord's limits). */
const MAX_ROW = 5;
export const MAX_ROWS = 5;
/** Button labels longer than this are cut; Slack allows 75, Discord 80. */
const MAX_LABEL = 60;

export function chatMessage(
  text: string,
  options: { buttons?: readonly (readonly ChatButton[])[]; replace?: boolean } = {},
): ChatMessage {
  return { text, buttons: options.buttons ?? [], select: null, replace: options.replace ?? false };
}

export function button(
  label: string,
  data: string,
  style: ChatButton['style'] = 'default',
): ChatButton {
  const cut = label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label;
  return { label: cut, data, style };
}

/** A button that runs `command` (a registry name, no slash) wherever it is pressed. */
export function commandButton(
  label: string,
  command: string,
  style: ChatButton['style'] = 'default',
): ChatButton {
  return button(label, commandData(command), style);
}

/** Splits `buttons` into rows of `perRow` (at most MAX_ROW). */
export function inRows(buttons: readonly ChatButton[], perRow = MAX_ROW): ChatButton[][] {
  const size = Math.min(Math.max(perRow, 1), MAX_ROW);
  const rows: ChatButton[][] = [];
  for (let i = 0; i < buttons.length; i += size) rows.push(buttons.slice(i, i + size));
  return rows;
}
