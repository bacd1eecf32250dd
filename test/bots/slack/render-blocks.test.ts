// Block Kit rendering: no text lost, Slack's limits respected, styles and select mapped.
import { describe, expect, it } from 'vitest';
import { fallbackText, renderBlocks } from '../../../bots/slack/render-blocks.ts';
import type { ChatMessage } from '../../../src/chat/chat-types.ts';

const base: ChatMessage = { text: 'Hi', buttons: [], select: null, replace: false };

describe('renderBlocks', () => {
  it('splits long text into sections of at most 3000 characters without losing any', () => {
    const text = 'a'.repeat(3000) + 'b'.repeat(1500);
    const blocks = renderBlocks({ ...base, text });
    const texts = blocks.map((b) => (b.type === 'section' ? (b.text?.text ?? '') : ''));
    expect(texts.map((t) => t.length)).toEqual([3000, 1500]);
    expect(texts.join('')).toBe(text);
  });

  it('keeps mrkdwn-like user text literal by using plain_text', () => {
    const [section] = renderBlocks({ ...base, text: '*bold* <@U1> _x_' });
    expect(section).toEqual({
      type: 'section',
      text: { type: 'plain_text', text: '*bold* <@U1> _x_', emoji: true },
    });
  });

  it('renders one actions block per row, omitting the style of default buttons', () => {
    const blocks = renderBlocks({
      ...base,
      buttons: [
        [
          { label: 'Approve', data: 'ap:1', style: 'primary' },
          { label: 'Decline', data: 'dc:1', style: 'danger' },
        ],
        [{ label: 'Later', data: 'fl:x', style: 'default' }],
      ],
    });
    expect(blocks.slice(1)).toEqual([
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: 'btn:0:0',
            text: { type: 'plain_text', text: 'Approve', emoji: true },
            value: 'ap:1',
            style: 'primary',
          },
          {
            type: 'button',
            action_id: 'btn:0:1',
            text: { type: 'plain_text', text: 'Decline', emoji: true },
            value: 'dc:1',
            style: 'danger',
          },
        ],
      },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: 'btn:1:0',
            text: { type: 'plain_text', text: 'Later', emoji: true },
            value: 'fl:x',
          },
        ],
      },
    ]);
  });

  it('renders a select as a static_select with descriptions, clipping labels to 75 characters', () => {
    const [, select] = renderBlocks({
      ...base,
      select: {
        placeholder: 'Pick a service',
        options: [
          { label: 'L'.repeat(80), data: 'sv:1', description: 'Sixty minutes' },
          { label: 'Short', data: 'sv:2', description: null },
        ],
      },
    });
    expect(select).toEqual({
      type: 'actions',
      elements: [
        {
          type: 'static_select',
          action_id: 'select',
          placeholder: { type: 'plain_text', text: 'Pick a service' },
          options: [
            {
              text: { type: 'plain_text', text: `${'L'.repeat(74)}…` },
              value: 'sv:1',
              description: { type: 'plain_text', text: 'Sixty minutes' },
            },
            { text: { type: 'plain_text', text: 'Short' }, value: 'sv:2' },
          ],
        },
      ],
    });
  });

  it('escapes the notification fallback text Slack would parse', () => {
    expect(fallbackText({ ...base, text: 'A & B <x>' })).toBe('A &amp; B &lt;x&gt;');
  });
});
