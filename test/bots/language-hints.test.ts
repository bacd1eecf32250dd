// Each adapter passes its platform's language hint on the ChatUser: Telegram's language_code,
// Slack's users.info locale (asked for with include_locale), the web chat body's locale.
import type { Update } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toChatEvent } from '../../bots/telegram/to-chat-event.ts';
import { WebEventBody } from '../../bots/web/web-event-body.ts';
import type { ChatEvent } from '../../src/chat/chat-types.ts';
import { slashCommandBody } from '../fakes/slack-requests.ts';
import { createRecordingSlackHarness, FORM, type SlackHarness } from './slack/slack-harness.ts';

function telegramText(languageCode: string | undefined): Update {
  const from = {
    id: 7,
    is_bot: false,
    first_name: 'Greta',
    ...(languageCode === undefined ? {} : { language_code: languageCode }),
  };
  return {
    update_id: 1,
    message: {
      message_id: 1,
      date: 0,
      chat: { id: 7, type: 'private', first_name: 'Greta' },
      from,
      text: 'hallo',
    },
  };
}

describe('Telegram', () => {
  it.each([
    ['de', 'de'],
    ['en', 'en'],
    [undefined, undefined],
  ])('language_code %j becomes locale %j', (code, locale) => {
    const mapped = toChatEvent(telegramText(code));
    expect(mapped.kind).toBe('event');
    if (mapped.kind === 'event') expect(mapped.event.user.locale).toBe(locale);
  });
});

describe('web chat body', () => {
  const body = {
    user: 'demo-client',
    timezone: 'Europe/Berlin',
    updateId: '4cce0c9b-538a-4718-a670-773ae8a6ffd6',
    input: { kind: 'line', text: 'hallo' },
  };

  it.each([['de-DE'], [null], [undefined]])('accepts locale %j', (locale) => {
    const parsed = WebEventBody.safeParse(locale === undefined ? body : { ...body, locale });
    expect(parsed.success).toBe(true);
  });

  it.each([['x'.repeat(36)], [7]])('refuses locale %j', (locale) => {
    expect(WebEventBody.safeParse({ ...body, locale }).success).toBe(false);
  });
});

describe('Slack', () => {
  const events: ChatEvent[] = [];
  let harness: SlackHarness;
  beforeAll(async () => {
    harness = await createRecordingSlackHarness(events);
    harness.api.users.set('UDE', { name: 'greta', realName: 'Greta', tz: 'UTC', locale: 'de-DE' });
    harness.api.users.set('UNONE', { name: 'nils', realName: 'Nils', tz: 'UTC' });
  });
  afterAll(() => harness.close());

  it.each([
    ['UDE', 'de-DE'],
    ['UNONE', undefined],
  ])('%s gets locale %j from users.info with include_locale', async (userId, locale) => {
    const body = slashCommandBody({ command: '/help', text: '', userId, triggerId: `t-${userId}` });
    expect((await harness.send(body, FORM)).status).toBe(200);
    await harness.adapter.idle();
    expect(events.find((e) => e.user.platformUserId === userId)?.user.locale).toBe(locale);
    const asked = harness.api.callsTo('users.info').find((c) => c.args.user === userId);
    expect(String(asked?.args.include_locale)).toBe('true');
  });
});
