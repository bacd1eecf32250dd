// Rendering engine messages for Discord: text pieces, row and option limits, duplicates, labels.
import { describe, expect, it } from 'vitest';
import { renderDiscordMessage } from '../../../bots/discord/render-discord-message.ts';
import { splitDiscordText } from '../../../bots/discord/split-discord-text.ts';
import type { ChatButton } from '../../../src/chat/chat-types.ts';
import { message } from './discord-harness.ts';

const button = (data: string, label = data): ChatButton => ({ label, data, style: 'primary' });

describe('splitDiscordText', () => {
  it('keeps short text whole, including empty text', () => {
    expect(splitDiscordText('hello')).toEqual(['hello']);
    expect(splitDiscordText('')).toEqual(['']);
  });

  it('cuts after a line break in the second half of the limit', () => {
    expect(splitDiscordText('aaaaaaa\nbbbbbb', 10)).toEqual(['aaaaaaa\n', 'bbbbbb']);
  });

  it('cuts at the limit when there is no useful line break, never inside a surrogate pair', () => {
    const text = `${'a'.repeat(9)}😀${'b'.repeat(5)}`;
    const pieces = splitDiscordText(text, 10);
    expect(pieces.join('')).toBe(text);
    expect(pieces[0]).toBe('a'.repeat(9));
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(10);
  });
});

describe('renderDiscordMessage', () => {
  it('puts components under the last text piece', () => {
    const payloads = renderDiscordMessage(
      message('x'.repeat(2500), { buttons: [[button('k3f9a2b7:ok')]] }),
    );
    expect(payloads.map((p) => [p.content.length, p.components.length])).toEqual([
      [2000, 0],
      [500, 1],
    ]);
  });

  it('keeps only the first of two buttons with the same data (Discord refuses duplicates)', () => {
    const [payload] = renderDiscordMessage(
      message('Pick', {
        buttons: [[button('k3f9a2b7:ok', 'Yes')], [button('k3f9a2b7:ok', 'Also yes')]],
      }),
    );
    expect(payload?.components).toHaveLength(1);
  });

  it('shortens long labels and fills empty ones, which Discord would refuse', () => {
    const [payload] = renderDiscordMessage(
      message('Pick', {
        buttons: [[button('k3f9a2b7:ok', 'L'.repeat(90)), button('k3f9a2b7:no', '')]],
      }),
    );
    const labels = payload?.components[0]?.components.map((c) => ('label' in c ? c.label : null));
    expect(labels).toEqual([`${'L'.repeat(79)}…`, '…']);
  });

  it('puts a select in a row of its own with one required choice', () => {
    const [payload] = renderDiscordMessage(
      message('When?', {
        select: {
          placeholder: 'Choose a time',
          options: [{ label: '09:00', data: 'k3f9a2b7:tm:0', description: null }],
        },
      }),
    );
    expect(payload?.components).toEqual([
      {
        type: 1,
        components: [
          {
            type: 3,
            custom_id: 'slotline:select:0',
            placeholder: 'Choose a time',
            min_values: 1,
            max_values: 1,
            options: [{ label: '09:00', value: 'k3f9a2b7:tm:0' }],
          },
        ],
      },
    ]);
  });

  it('throws for button data Discord would refuse (over 100 characters)', () => {
    expect(() =>
      renderDiscordMessage(message('Pick', { buttons: [[button('x'.repeat(101))]] })),
    ).toThrow();
  });
});
