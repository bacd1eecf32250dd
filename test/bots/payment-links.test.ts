// The payment link button on every platform: a URL button rendered natively, first, beside the engine's buttons.
import { ButtonStyle, ComponentType } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { renderDiscordMessage } from '../../bots/discord/render-discord-message.ts';
import { renderBlocks } from '../../bots/slack/render-blocks.ts';
import { renderTelegramMessage } from '../../bots/telegram/render-telegram-message.ts';
import type { ChatMessage } from '../../src/chat/chat-types.ts';

const URL = 'https://checkout.example/c/pay/cs_test_1';
const HELD: ChatMessage = {
  text: 'Held for you: Session with Test Provider',
  buttons: [
    [
      {
        label: 'Release the hold',
        data: 'xh:7c9e6679-7425-40de-944b-e07fc1f90ae7',
        style: 'danger',
      },
    ],
  ],
  select: null,
  replace: false,
  link: { label: 'Pay €50.00', url: URL },
};

describe('payment link buttons', () => {
  it('Telegram: a url button in the first row, the callback buttons after it', () => {
    const out = renderTelegramMessage(HELD);
    expect(out.keyboard?.inline_keyboard).toEqual([
      [{ text: 'Pay €50.00', url: URL }],
      [
        {
          text: 'Release the hold',
          callback_data: 'xh:7c9e6679-7425-40de-944b-e07fc1f90ae7',
          style: 'danger',
        },
      ],
    ]);
  });

  it('Slack: a button with url and no value (its click comes back without data)', () => {
    const blocks = renderBlocks(HELD);
    const actions = blocks.filter((b) => b.type === 'actions');
    expect(actions[0]).toMatchObject({
      elements: [{ type: 'button', url: URL, text: { text: 'Pay €50.00' }, style: 'primary' }],
    });
    expect(JSON.stringify(actions[0])).not.toContain('"value"');
    expect(actions[1]).toMatchObject({
      elements: [{ value: 'xh:7c9e6679-7425-40de-944b-e07fc1f90ae7' }],
    });
  });

  it('Discord: a Link-style button with the url and no custom_id, in its own first row', () => {
    const [payload] = renderDiscordMessage(HELD);
    const [linkRow, actionRow] = payload?.components ?? [];
    expect(linkRow?.components).toEqual([
      { type: ComponentType.Button, style: ButtonStyle.Link, label: 'Pay €50.00', url: URL },
    ]);
    expect(actionRow?.components[0]).toMatchObject({
      custom_id: 'xh:7c9e6679-7425-40de-944b-e07fc1f90ae7',
    });
  });

  it('a message without a link renders as before', () => {
    const plain: ChatMessage = { ...HELD, link: null };
    expect(renderTelegramMessage(plain).keyboard?.inline_keyboard).toHaveLength(1);
    expect(renderDiscordMessage(plain)[0]?.components).toHaveLength(1);
    expect(renderBlocks(plain).filter((b) => b.type === 'actions')).toHaveLength(1);
  });
});
