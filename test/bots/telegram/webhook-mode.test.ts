// Webhook mode: commands and webhook registered at start, the secret token guards the route.
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTelegramAdapter,
  TelegramConfigError,
} from '../../../bots/telegram/create-telegram-adapter.ts';
import { telegramMenus } from '../../../bots/telegram/telegram-commands.ts';
import { TelegramStartError } from '../../../bots/telegram/telegram-start-error.ts';
import type { ChatEvent } from '../../../src/chat/chat-types.ts';
import { startFakeTelegram } from '../../fakes/telegram-api.ts';
import {
  ALICE,
  recordingLogger,
  reply,
  SECRET,
  startWebhookHarness,
  TOKEN,
  type WebhookHarness,
} from './telegram-harness.ts';

const events: ChatEvent[] = [];
let h: WebhookHarness;

beforeAll(async () => {
  h = await startWebhookHarness(async (event) => {
    events.push(event);
    return [reply('hello')];
  });
});
afterAll(() => h.close());

describe('telegram webhook mode', () => {
  it('registers the German menu for language_code de, same commands in German words', () => {
    const menus = h.fake.callsTo('setMyCommands');
    expect(menus.map((m) => m.payload.language_code)).toEqual([undefined, 'de']);
    const german = menus[1]?.payload.commands as { command: string; description: string }[];
    const english = menus[0]?.payload.commands as { command: string; description: string }[];
    expect(german.map((c) => c.command)).toEqual(english.map((c) => c.command));
    expect(german.find((c) => c.command === 'book')?.description).toBe('Termin buchen');
    expect(german.find((c) => c.command === 'today')?.description).toMatch(/^Für Anbieter: /);
  });

  it('registers the command menu and the webhook with its secret at start', () => {
    const [menu] = h.fake.callsTo('setMyCommands');
    expect(menu?.payload.language_code).toBeUndefined();
    const commands = menu?.payload.commands as { command: string; description: string }[];
    for (const c of commands) expect(c.description.length).toBeGreaterThan(3);
    expect(commands.map((c) => c.command)).toEqual(
      (telegramMenus()[0]?.commands ?? []).map((c) => c.command),
    );
    expect(commands.map((c) => c.command)).toContain('start');
    expect(commands.find((c) => c.command === 'book')?.description).toBe('Book an appointment');
    expect(h.fake.callsTo('setWebhook')[0]?.payload).toMatchObject({
      url: 'https://slotline.example/webhooks/telegram',
      secret_token: SECRET,
    });
    expect(h.fake.callsTo('deleteWebhook')).toEqual([]);
  });

  it('handles an update carrying the right secret', async () => {
    const res = await h.deliver(h.fake.textUpdate(ALICE, '/start'));
    expect(res.status).toBe(200);
    expect(events.at(-1)?.input).toEqual({ kind: 'command', command: 'start', args: '' });
    expect(h.fake.callsTo('sendMessage').at(-1)?.payload.text).toBe('hello');
  });

  it('answers 401 and handles nothing for a wrong or missing secret', async () => {
    const before = { events: events.length, sends: h.fake.callsTo('sendMessage').length };
    const wrong = await h.deliver(h.fake.textUpdate(ALICE, '/book'), 'not-the-secret');
    const missing = await h.deliver(h.fake.textUpdate(ALICE, '/book'), null);
    expect([wrong.status, missing.status]).toEqual([401, 401]);
    expect(events.length).toBe(before.events);
    expect(h.fake.callsTo('sendMessage').length).toBe(before.sends);
  });

  /** POSTs `body` as it is, with the right secret unless told otherwise. */
  const post = (
    body: string,
    secret: string | null = SECRET,
    headers: Record<string, string> = {},
  ) =>
    h.app.request('/webhooks/telegram', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(secret === null ? {} : { 'X-Telegram-Bot-Api-Secret-Token': secret }),
        ...headers,
      },
      body,
    });

  it.each([
    ['malformed JSON', '{"update_id": 1, '],
    ['an empty body', ''],
    ['null', 'null'],
    ['an array', '[{"update_id": 1}]'],
    ['a string update_id', '{"update_id": "1"}'],
    [
      'a message without a chat',
      '{"update_id": 2, "message": {"message_id": 1, "date": 0, "text": "/book", "from": {"id": 1, "is_bot": false, "first_name": "A"}}}',
    ],
    [
      'a numeric text',
      '{"update_id": 3, "message": {"message_id": 1, "date": 0, "text": 7, "chat": {"id": 1, "type": "private"}, "from": {"id": 1, "is_bot": false, "first_name": "A"}}}',
    ],
    [
      'a callback query without a sender',
      '{"update_id": 4, "callback_query": {"id": "q", "data": "x", "chat_instance": "c"}}',
    ],
  ])(
    'answers %s with the right secret 400 VALIDATION_ERROR and handles nothing',
    async (_, body) => {
      const before = { events: events.length, sends: h.fake.callsTo('sendMessage').length };
      const res = await post(body);
      expect(res.status).toBe(400);
      const json = (await res.json()) as {
        error: { code: string; message: string; details: object };
      };
      expect(json.error).toMatchObject({ code: 'VALIDATION_ERROR', details: {} });
      expect(events.length).toBe(before.events);
      expect(h.fake.callsTo('sendMessage').length).toBe(before.sends);
    },
  );

  it('answers malformed JSON with a wrong secret 401, before reading it', async () => {
    const res = await post('{nope', 'not-the-secret');
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNAUTHORIZED');
  });

  it('still takes update kinds it ignores, like an edited message', async () => {
    const update = h.fake.textUpdate(ALICE, '/book');
    const { message, ...rest } = update;
    const res = await post(JSON.stringify({ ...rest, edited_message: message }));
    expect(res.status).toBe(200);
  });

  it('refuses a body over 1 MB with 413 before reading it', async () => {
    const res = await post('{}', SECRET, { 'content-length': String(2 * 1024 * 1024) });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
      'PAYLOAD_TOO_LARGE',
    );
  });

  it('never logs the token or the secret', () => {
    const logged = JSON.stringify(h.entries);
    expect(logged).not.toContain(TOKEN);
    expect(logged).not.toContain(SECRET);
  });

  it('answers 503 after stop so Telegram redelivers to a running instance', async () => {
    const harness = await startWebhookHarness(async () => [reply('x')]);
    await harness.adapter.stop();
    const res = await harness.deliver(harness.fake.textUpdate(ALICE, '/book'));
    expect(res.status).toBe(503);
    expect(harness.fake.callsTo('sendMessage')).toEqual([]);
    await harness.close();
  });

  it('refuses a webhook without a usable secret', () => {
    const { logger } = recordingLogger();
    const base = { token: TOKEN, publicUrl: 'https://x.example', handle: async () => [], logger };
    expect(() => createTelegramAdapter({ ...base, webhookSecret: null })).toThrow(
      TelegramConfigError,
    );
    expect(() => createTelegramAdapter({ ...base, webhookSecret: 'has space' })).toThrow(
      TelegramConfigError,
    );
  });

  it('mounts nothing in polling mode', async () => {
    const { logger } = recordingLogger();
    const adapter = createTelegramAdapter({
      token: TOKEN,
      webhookSecret: null,
      publicUrl: null,
      handle: async () => [],
      logger,
    });
    const app = new Hono();
    adapter.mount(app);
    const res = await app.request('/webhooks/telegram', { method: 'POST', body: '{}' });
    expect(res.status).toBe(404);
  });

  it('rejects start() when setWebhook is refused, without the secret in the error', async () => {
    const fake = await startFakeTelegram({ token: TOKEN });
    fake.failNext('setWebhook', {
      error_code: 400,
      description: 'Bad Request: bad webhook: HTTPS url must be provided for webhook',
    });
    const adapter = createTelegramAdapter({
      token: TOKEN,
      apiRoot: fake.apiRoot,
      webhookSecret: SECRET,
      publicUrl: 'http://plain.example',
      handle: async () => [],
      logger: recordingLogger().logger,
    });
    const error = await adapter.start().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TelegramStartError);
    expect(String(error)).toMatch(/setWebhook \(400/);
    const everything = JSON.stringify(error, Object.getOwnPropertyNames(error));
    expect(everything).not.toContain(SECRET);
    expect(everything).not.toContain(TOKEN);
    await fake.close();
  });
});
