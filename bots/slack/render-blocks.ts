// ChatMessage to Block Kit: text sections, one actions block per button row, a static select.
import type { types } from '@slack/bolt';
import type { ChatButton, ChatMessage } from '../../src/chat/chat-types.ts';

/** Block Kit limits: section text 3000 chars, button/option text 75, placeholder 150. */
const SECTION_LIMIT = 3000;
const LABEL_LIMIT = 75;
const PLACEHOLDER_LIMIT = 150;

export type SlackBlock = types.KnownBlock;

/** The action_id of the select; buttons use `btn:<row>:<col>` so ids are unique per message. */
const SELECT_ACTION_ID = 'select';
const LINK_ACTION_ID = 'link';

/**
 * Plain-text sections (so user-entered `*`, `<` or `_` are not read as mrkdwn), split at the
 * section limit so no text is lost; `actedBy` (mrkdwn, in the reader's language) adds a context
 * line naming who acted.
 */
export function renderBlocks(message: ChatMessage, actedBy: string | null = null): SlackBlock[] {
  const blocks: SlackBlock[] = chunks(message.text || ' ', SECTION_LIMIT).map((text) => ({
    type: 'section',
    text: { type: 'plain_text', text, emoji: true },
  }));
  // The link (a payment page) comes first; Slack opens it and sends an action without a value,
  // which handle-block-action ignores.
  if (message.link) {
    blocks.push({
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: LINK_ACTION_ID,
          text: { type: 'plain_text', text: clip(message.link.label, LABEL_LIMIT), emoji: true },
          url: message.link.url,
          style: 'primary',
        },
      ],
    });
  }
  message.buttons.forEach((row, rowIndex) => {
    if (row.length === 0) return;
    blocks.push({
      type: 'actions',
      elements: row.map((button, col) => renderButton(button, `btn:${rowIndex}:${col}`)),
    });
  });
  if (message.select !== null) blocks.push(renderSelect(message.select));
  if (actedBy !== null) {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: actedBy }] });
  }
  return blocks;
}

/** Notification fallback text: Slack parses `&`, `<`, `>` in it, so they are escaped. */
export function fallbackText(message: ChatMessage): string {
  return message.text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

function renderButton(button: ChatButton, actionId: string): types.Button {
  const element: types.Button = {
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text: clip(button.label, LABEL_LIMIT), emoji: true },
    value: button.data,
  };
  return button.style === 'default' ? element : { ...element, style: button.style };
}

function renderSelect(select: NonNullable<ChatMessage['select']>): SlackBlock {
  return {
    type: 'actions',
    elements: [
      {
        type: 'static_select',
        action_id: SELECT_ACTION_ID,
        placeholder: { type: 'plain_text', text: clip(select.placeholder, PLACEHOLDER_LIMIT) },
        options: select.options.map((option): types.PlainTextOption => {
          const base: types.PlainTextOption = {
            text: { type: 'plain_text', text: clip(option.label, LABEL_LIMIT) },
            value: option.data,
          };
          return option.description === null
            ? base
            : {
                ...base,
                description: { type: 'plain_text', text: clip(option.description, LABEL_LIMIT) },
              };
        }),
      },
    ],
  };
}

function chunks(text: string, size: number): string[] {
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += size) parts.push(text.slice(i, i + size));
  return parts;
}

function clip(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}
