// Typed lines become commands or text; the event body schema refuses what no browser sends.
import { describe, expect, it } from 'vitest';
import { parseLine, WebEventBody } from '../../../bots/web/web-event-body.ts';

describe('parseLine', () => {
  it('reads /word as a lower-cased command with trimmed args', () => {
    expect(parseLine('/book')).toEqual({ kind: 'command', command: 'book', args: '' });
    expect(parseLine('  /Link   AB12-CD  ')).toEqual({
      kind: 'command',
      command: 'link',
      args: 'AB12-CD',
    });
    expect(parseLine('/timezone Europe/Berlin\nplease')).toEqual({
      kind: 'command',
      command: 'timezone',
      args: 'Europe/Berlin\nplease',
    });
  });

  it('keeps anything else as the text typed', () => {
    for (const text of ['hello', '/', '/ book', '//book', 'see /help', '/1x']) {
      expect(parseLine(text)).toEqual({ kind: 'text', text });
    }
  });
});

describe('WebEventBody', () => {
  const valid = {
    user: 'demo-client',
    timezone: 'Europe/Berlin',
    updateId: '5b0f8a52-9f5e-4c1e-9a4f-2b7d3c1e8f00',
    input: { kind: 'line', text: 'hi' },
  };

  it('accepts a line and an action', () => {
    expect(WebEventBody.safeParse(valid).success).toBe(true);
    const action = { ...valid, input: { kind: 'action', data: 'ap:x', text: null } };
    expect(WebEventBody.safeParse(action).success).toBe(true);
  });

  it('refuses long text, long button data, unknown kinds and extra fields', () => {
    const bad = [
      { ...valid, input: { kind: 'line', text: 'x'.repeat(2001) } },
      { ...valid, input: { kind: 'line', text: '' } },
      { ...valid, input: { kind: 'action', data: 'é'.repeat(33), text: null } },
      { ...valid, input: { kind: 'command', command: 'book', args: '' } },
      { ...valid, updateId: 'not-a-uuid' },
      { ...valid, extra: 1 },
      { ...valid, user: undefined },
    ];
    for (const body of bad) expect(WebEventBody.safeParse(body).success).toBe(false);
  });
});
