// What Bolt and the Web API client log reaches our log only as Bolt's wording and safe error fields.
import { webApi } from '@slack/bolt';
import { expect, it } from 'vitest';
import { boltLogger } from '../../../bots/slack/bolt-logger.ts';

function capture() {
  const lines: { level: string; fields: Record<string, unknown> }[] = [];
  const log = (level: string) => (fields: Record<string, unknown>) => lines.push({ level, fields });
  return {
    lines,
    logger: boltLogger({ info: log('info'), warn: log('warn'), error: log('error') }),
  };
}

it("keeps Bolt's leading words, drops a quoted error message and describes errors safely", () => {
  const { lines, logger } = capture();
  // What the Web API client writes when a request fails: its words, then the error's message.
  logger.warn('http request failed', 'getaddrinfo ENOTFOUND zebulon.q@example.org');
  const error = new webApi.WebAPIPlatformError({
    ok: false,
    error: 'channel_not_found',
    response_metadata: { messages: ['[ERROR] Zebulon Quixote'] },
  } as never);
  logger.error('Slack API error: channel_not_found', error);
  logger.debug('payload', { text: 'Zebulon Quixote' });

  expect(lines).toHaveLength(2);
  expect(lines[0]).toEqual({
    level: 'warn',
    fields: { platform: 'slack', source: 'bolt', detail: 'http request failed' },
  });
  expect(lines[1]?.fields).toMatchObject({
    detail: 'Slack API error: channel_not_found',
    err: { platformError: 'channel_not_found' },
  });
  expect(JSON.stringify(lines)).not.toMatch(/zebulon|Zebulon|Quixote|example\.org/);
});
