// One engine ChatMessage as one or more Discord message payloads, none over Discord's limits.
import type { ChatMessage } from '../../src/chat/chat-types.ts';
import { buttonRows, type DiscordRow, linkRows, selectRows } from './discord-components.ts';
import { chunk, ROWS_PER_MESSAGE } from './discord-limits.ts';
import { splitDiscordText } from './split-discord-text.ts';

/** Content and components of one Discord message; empty components clear an edited message's. */
export type DiscordPayload = {
  readonly content: string;
  readonly components: readonly DiscordRow[];
};

/**
 * Renders `message` so that nothing is lost: text over 2,000 characters continues in further
 * payloads, and components over 5 rows (a select takes a row of its own) continue in further
 * payloads without text. The first payload carries the start of the text, so it is the one to put
 * in place of a replaced message; the components ride on the last text piece, under the whole
 * text. Always at least one payload. Throws the builders' validation error for a button whose
 * data is over 100 characters (the contract keeps it within 64 bytes).
 */
export function renderDiscordMessage(message: ChatMessage): DiscordPayload[] {
  const texts = splitDiscordText(message.text);
  const rows = [
    ...linkRows(message.link ?? null),
    ...buttonRows(message.buttons),
    ...selectRows(message.select),
  ];
  const [firstGroup = [], ...moreGroups] = chunk(rows, ROWS_PER_MESSAGE);
  const lastText = texts.length - 1;
  const withText = texts.map(
    (content, index): DiscordPayload => ({
      content,
      components: index === lastText ? firstGroup : [],
    }),
  );
  const componentsOnly = moreGroups.map(
    (components): DiscordPayload => ({ content: '', components }),
  );
  return [...withText, ...componentsOnly];
}
