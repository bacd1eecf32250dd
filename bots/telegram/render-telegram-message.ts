// Turns a ChatMessage into Telegram message text chunks and an inline keyboard.
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'grammy/types';
import type { ChatButton, ChatMessage } from '../../src/chat/chat-types.ts';

/** Telegram's limits: message text length and callback_data bytes. */
const TEXT_LIMIT = 4096;
const CALLBACK_DATA_LIMIT = 64;

/** A message as Telegram takes it: one or more texts (long ones split), keyboard on the last. */
export type TelegramOutgoing = {
  readonly chunks: readonly [string, ...string[]];
  readonly keyboard: InlineKeyboardMarkup | null;
};

/** Button data that Telegram would refuse with BUTTON_DATA_INVALID: a bug in whoever made it. */
export class CallbackDataError extends Error {
  override name = 'CallbackDataError';
}

/**
 * Renders a message. A select becomes one button row per option because Telegram has no select.
 * Text is sent without parse_mode so nothing the engine wrote is lost or misread as markup.
 * Throws CallbackDataError when any button data is empty or over 64 UTF-8 bytes, rather than let
 * Telegram refuse the whole message.
 */
export function renderTelegramMessage(message: ChatMessage): TelegramOutgoing {
  const rows: InlineKeyboardButton[][] = message.buttons.map((row) => row.map(toButton));
  // The link (a payment page) goes first: it is what the message asks for.
  if (message.link) rows.unshift([{ text: message.link.label, url: message.link.url }]);
  for (const option of message.select?.options ?? []) {
    const label = option.description ? `${option.label} · ${option.description}` : option.label;
    rows.push([toButton({ label, data: option.data, style: 'default' })]);
  }
  const keyboard = rows.length > 0 ? { inline_keyboard: rows } : null;
  return { chunks: splitText(message.text || message.select?.placeholder || '…'), keyboard };
}

function toButton(button: ChatButton): InlineKeyboardButton.CallbackButton {
  const bytes = Buffer.byteLength(button.data, 'utf8');
  if (bytes === 0 || bytes > CALLBACK_DATA_LIMIT) {
    throw new CallbackDataError(
      `button data is ${bytes} bytes; Telegram takes 1-${CALLBACK_DATA_LIMIT}`,
    );
  }
  const style = button.style === 'default' ? {} : { style: button.style };
  return { text: button.label, callback_data: button.data, ...style };
}

/** Splits at line breaks where it can, so a long list stays readable across messages. */
function splitText(text: string): [string, ...string[]] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > TEXT_LIMIT) {
    const newline = rest.lastIndexOf('\n', TEXT_LIMIT);
    let cut = newline > 0 ? newline : TEXT_LIMIT;
    // Never split an emoji's surrogate pair.
    if (/[\uD800-\uDBFF]/.test(rest.charAt(cut - 1))) cut -= 1;
    chunks.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^\n/, '');
  }
  const [first = rest, ...others] = [...chunks, rest];
  return [first, ...others];
}
