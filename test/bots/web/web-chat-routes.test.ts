// The web chat's routes through app.request with a stub engine on a real, seeded database.

import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChatHandler } from '../../../bots/bot-adapter.ts';
import { createWebChatAdapter } from '../../../bots/web/create-web-chat-adapter.ts';
import { clientPersonas, type PersonaDirectory } from '../../../bots/web/web-personas.ts';
import type { ChatEvent, ChatMessage } from '../../../src/chat/chat-types.ts';
import { MessengerError } from '../../../src/chat/chat-types.ts';
import { createProviderDirectory } from '../../../src/chat/provider-directory.ts';
import { chatIdentities, providerLinkCodes } from '../../../src/db/schema/chat.ts';
import { providers } from '../../../src/db/schema/providers.ts';
import { seedDemo } from '../../../src/db/seed-demo.ts';
import { MONDAY_MORNING } from '../../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';

let t: TestDatabase;
let providerId: string;
beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db);
  const [row] = await t.db.select().from(providers).where(eq(providers.name, 'Dr. Anna Weber'));
  if (!row) throw new Error('no demo provider');
  providerId = row.id;
});

type LogCall = { level: string; fields: Record<string, unknown>; message: string | undefined };

function reply(text: string): ChatMessage {
  return {
    text,
    buttons: [[{ label: 'OK', data: 'ok:1', style: 'primary' }]],
    select: null,
    replace: false,
  };
}

/** An app with the adapter mounted; the stub engine records events and answers "echo: …". */
function harness(handler?: ChatHandler, personas?: PersonaDirectory) {
  const events: ChatEvent[] = [];
  const logs: LogCall[] = [];
  const log = (level: string) => (fields: Record<string, unknown>, message?: string) =>
    logs.push({ level, fields, message });
  const handle: ChatHandler =
    handler ??
    (async (event) => {
      events.push(event);
      return [reply(`echo: ${JSON.stringify(event.input)}`)];
    });
  const adapter = createWebChatAdapter({
    providers: createProviderDirectory(t.db, () => MONDAY_MORNING),
    handle,
    logger: { info: log('info'), warn: log('warn'), error: log('error') },
    clock: () => MONDAY_MORNING,
    ...(personas ? { personas } : {}),
  });
  const app = new Hono();
  adapter.mount(app);
  return { app, adapter, events, logs };
}

function body(input: unknown, overrides: Record<string, unknown> = {}) {
  return {
    user: 'demo-client',
    timezone: 'America/New_York',
    updateId: randomUUID(),
    input,
    ...overrides,
  };
}

function post(app: Hono, json: unknown) {
  return app.request('/webchat/events', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: typeof json === 'string' ? json : JSON.stringify(json),
  });
}

describe('GET /', () => {
  it('serves the chat page with a persona picker and its same-origin assets', async () => {
    const { app } = harness();
    const res = await app.request('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toContain('<select id="persona"');
    expect(html).toContain('<option value="demo-client">Demo Client</option>');
    expect(html).toContain(
      `<option value="provider-${providerId}">Provider: Dr. Anna Weber</option>`,
    );
    expect(html).toContain('<option value="new">New client</option>');
    expect(html).not.toMatch(/https?:\/\//);
    const js = await app.request('/webchat/assets/web-chat.js');
    expect(js.headers.get('content-type')).toContain('text/javascript');
    expect(await js.text()).toContain('/webchat/events');
    const css = await app.request('/webchat/assets/web-chat.css');
    expect(css.headers.get('content-type')).toContain('text/css');
  });

  it('escapes provider names and leaves out inactive providers', async () => {
    await t.db.insert(providers).values([
      { name: '<b>Evil</b> & "Co"', type: 'DOCTOR', timezone: 'Europe/Berlin' },
      { name: 'Retired Provider', type: 'DOCTOR', timezone: 'Europe/Berlin', isActive: false },
    ]);
    const html = await (await harness().app.request('/')).text();
    expect(html).toContain('Provider: &lt;b&gt;Evil&lt;/b&gt; &amp; &quot;Co&quot;');
    expect(html).not.toContain('<b>Evil');
    expect(html).not.toContain('Retired Provider');
  });
});

describe('WEB_CHAT=clients (clientPersonas)', () => {
  it('offers no provider persona and refuses to act as one', async () => {
    const { app, events } = harness(undefined, clientPersonas);
    const html = await (await app.request('/')).text();
    expect(html).toContain('<option value="demo-client">Demo Client</option>');
    expect(html).not.toContain('Provider:');
    const res = await post(
      app,
      body({ kind: 'line', text: '/today' }, { user: `provider-${providerId}` }),
    );
    expect(res.status).toBe(400);
    expect(events).toHaveLength(0);
    const asClient = await post(app, body({ kind: 'line', text: 'hello' }));
    expect(asClient.status).toBe(200);
  });
});

describe('POST /webchat/events', () => {
  it('maps a typed line to a text event for the persona and returns the replies', async () => {
    const { app, events } = harness();
    const sent = body({ kind: 'line', text: 'hello there' });
    const res = await post(app, sent);
    expect(res.status).toBe(200);
    expect(events).toEqual([
      {
        user: {
          platform: 'web',
          platformUserId: 'demo-client',
          displayName: 'Demo Client',
          timezone: 'America/New_York',
          dmAddress: null,
        },
        input: { kind: 'text', text: 'hello there' },
        updateId: sent.updateId,
      },
    ]);
    expect(await res.json()).toEqual({
      messages: [reply('echo: {"kind":"text","text":"hello there"}')],
    });
  });

  it('maps a slash line to a command and a button press to an action', async () => {
    const { app, events } = harness();
    expect((await post(app, body({ kind: 'line', text: '/Book  now ' }))).status).toBe(200);
    expect((await post(app, body({ kind: 'action', data: 'ap:42', text: null }))).status).toBe(200);
    expect(events.map((e) => e.input)).toEqual([
      { kind: 'command', command: 'book', args: 'now' },
      { kind: 'action', data: 'ap:42', text: null },
    ]);
  });

  it('acts as a guest client, and passes an unknown zone as null so the engine asks', async () => {
    const { app, events } = harness();
    const guest = `guest-${randomUUID()}`;
    const res = await post(
      app,
      body({ kind: 'line', text: 'hi' }, { user: guest, timezone: 'Mars/Base' }),
    );
    expect(res.status).toBe(200);
    expect(events[0]?.user).toMatchObject({ platformUserId: guest, timezone: null });
  });

  it('links a provider persona through /link CODE the first time only', async () => {
    const seen: ChatEvent[] = [];
    const { app } = harness(async (event) => {
      seen.push(event);
      if (event.input.kind === 'command' && event.input.command === 'link') {
        // What the engine does with a valid code, so the second request finds the link.
        await t.db.insert(chatIdentities).values({
          platform: 'web',
          platformUserId: event.user.platformUserId,
          displayName: event.user.displayName,
          providerId,
        });
        return [reply('linked')];
      }
      return [reply('hello provider')];
    });
    const user = `provider-${providerId}`;
    const first = await post(app, body({ kind: 'line', text: '/start' }, { user }));
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ messages: [reply('linked'), reply('hello provider')] });
    const link = seen[0];
    expect(link?.user).toMatchObject({ platformUserId: user, displayName: 'Dr. Anna Weber' });
    expect(link?.input.kind).toBe('command');
    const code = link?.input.kind === 'command' ? link.input.args : '';
    const [stored] = await t.db
      .select()
      .from(providerLinkCodes)
      .where(eq(providerLinkCodes.code, code));
    expect(stored?.providerId).toBe(providerId);
    const second = await post(app, body({ kind: 'line', text: '/today' }, { user }));
    expect(await second.json()).toEqual({ messages: [reply('hello provider')] });
    expect(seen.map((e) => (e.input.kind === 'command' ? e.input.command : e.input.kind))).toEqual([
      'link',
      'start',
      'today',
    ]);
  });

  it('answers 400 for malformed JSON, bad bodies and unknown personas, without calling the engine', async () => {
    const { app, events } = harness();
    const cases: [unknown, string][] = [
      ['{"user":', 'malformed JSON'],
      [body({ kind: 'line', text: 'x'.repeat(2001) }), 'invalid json: input.text'],
      [body({ kind: 'action', data: 'x'.repeat(65), text: null }), 'invalid json: input.data'],
      [body({ kind: 'line', text: 'hi' }, { updateId: 'abc' }), 'invalid json: updateId'],
      [body({ kind: 'line', text: 'hi' }, { user: 'someone' }), 'unknown persona'],
      [body({ kind: 'line', text: 'hi' }, { user: `provider-${randomUUID()}` }), 'unknown persona'],
      [body({ kind: 'line', text: 'hi' }, { user: 'provider-x' }), 'unknown persona'],
      [[1, 2], 'invalid json'],
    ];
    for (const [json, message] of cases) {
      const res = await post(app, json);
      expect(res.status).toBe(400);
      const error = (
        (await res.json()) as { error: { code: string; message: string; details: object } }
      ).error;
      expect(error.code).toBe('VALIDATION_ERROR');
      expect(error.message).toContain(message);
      expect(typeof error.details).toBe('object');
    }
    expect(events).toEqual([]);
  });

  it('answers 415 for a body not sent as JSON, which a cross-site form could send', async () => {
    const { app, events } = harness();
    const res = await app.request('/webchat/events', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: JSON.stringify(body({ kind: 'action', data: 'ap:1', text: null })),
    });
    expect(res.status).toBe(415);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('VALIDATION_ERROR');
    expect(events).toEqual([]);
  });

  it('answers 413 for an oversized body', async () => {
    const { app, events } = harness();
    const res = await post(app, body({ kind: 'line', text: 'x'.repeat(20_000) }));
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
      'PAYLOAD_TOO_LARGE',
    );
    expect(events).toEqual([]);
  });

  it('answers 500 and logs without the message text when the engine throws', async () => {
    const { app, logs } = harness(async () => {
      throw new Error('engine broke', { cause: new Error('db gone') });
    });
    const res = await post(app, body({ kind: 'line', text: 'my secret phone 555-0100' }));
    expect(res.status).toBe(500);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('INTERNAL_ERROR');
    expect(logs.map((l) => l.level)).toEqual(['error']);
    expect(logs[0]?.fields.err).toMatchObject({ name: 'Error', cause: { name: 'Error' } });
    const logged = JSON.stringify(logs);
    for (const leak of ['engine broke', 'db gone', '555-0100']) expect(logged).not.toContain(leak);
  });
});

describe('start()', () => {
  it('links every active provider persona once, through the engine', async () => {
    await t.db.insert(providers).values([
      { name: 'Fresh Provider', type: 'DOCTOR', timezone: 'UTC' },
      { name: 'Sleeping Provider', type: 'DOCTOR', timezone: 'UTC', isActive: false },
    ]);
    const links: ChatEvent[] = [];
    const { adapter } = harness(async (event) => {
      links.push(event);
      const code = event.input.kind === 'command' ? event.input.args : '';
      const [row] = await t.db
        .select()
        .from(providerLinkCodes)
        .where(eq(providerLinkCodes.code, code));
      await t.db
        .insert(chatIdentities)
        .values({
          platform: 'web',
          platformUserId: event.user.platformUserId,
          displayName: event.user.displayName,
          providerId: row?.providerId,
        })
        .onConflictDoUpdate({
          target: [chatIdentities.platform, chatIdentities.platformUserId],
          set: { providerId: row?.providerId },
        });
      return [reply('linked')];
    });
    await adapter.start();
    const active = await t.db
      .select({ id: providers.id })
      .from(providers)
      .where(eq(providers.isActive, true));
    const linked = await t.db
      .select({ user: chatIdentities.platformUserId, providerId: chatIdentities.providerId })
      .from(chatIdentities)
      .where(eq(chatIdentities.platform, 'web'));
    const expected = active.map((p) => ({ user: `provider-${p.id}`, providerId: p.id }));
    expect(linked).toEqual(expect.arrayContaining(expected));
    const [sleeping] = await t.db
      .select({ id: providers.id })
      .from(providers)
      .where(eq(providers.name, 'Sleeping Provider'));
    expect(linked.some((l) => l.providerId === sleeping?.id)).toBe(false);
    expect(links.every((e) => e.input.kind === 'command' && e.input.command === 'link')).toBe(true);
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((e) => e.user.timezone === null)).toBe(true);
    const before = links.length;
    await adapter.start();
    expect(links.length).toBe(before);
  });

  it('logs and carries on when linking fails', async () => {
    await t.db.insert(providers).values({ name: 'New Provider', type: 'DOCTOR', timezone: 'UTC' });
    const { adapter, logs } = harness(async () => {
      throw new Error('engine down');
    });
    await adapter.start();
    expect(logs.map((l) => [l.level, l.message])).toEqual([
      ['error', 'web chat could not link providers'],
    ]);
  });
});

describe('GET /webchat/inbox', () => {
  const dm = (text: string): ChatMessage => ({ text, buttons: [], select: null, replace: false });
  type Inbox = { messages: ChatMessage[]; cursor: string };

  it('returns what the messenger delivered to that persona, once per cursor', async () => {
    const { app, adapter } = harness();
    await adapter.messenger.send(
      { platform: 'web', platformUserId: 'demo-client', dmAddress: null },
      dm('approved'),
    );
    const provider = `provider-${providerId}`;
    await adapter.messenger.send(
      { platform: 'web', platformUserId: provider, dmAddress: null },
      dm('approve?'),
    );
    const first = (await (await app.request('/webchat/inbox?user=demo-client')).json()) as Inbox;
    expect(first.messages).toEqual([dm('approved')]);
    const again = (await (
      await app.request(`/webchat/inbox?user=demo-client&cursor=${first.cursor}`)
    ).json()) as Inbox;
    expect(again.messages).toEqual([]);
    const theirs = (await (await app.request(`/webchat/inbox?user=${provider}`)).json()) as Inbox;
    expect(theirs.messages).toEqual([dm('approve?')]);
  });

  it('holds a long poll open until a DM arrives, and stop() ends one', async () => {
    const { app, adapter } = harness();
    const guest = `guest-${randomUUID()}`;
    const started = Date.now();
    const pending = app.request(`/webchat/inbox?user=${guest}&wait=20`);
    setTimeout(() => {
      void adapter.messenger.send(
        { platform: 'web', platformUserId: guest, dmAddress: null },
        dm('hi'),
      );
    }, 50);
    expect(((await (await pending).json()) as Inbox).messages).toEqual([dm('hi')]);
    expect(Date.now() - started).toBeLessThan(10_000);
    const cursor = ((await (await app.request(`/webchat/inbox?user=${guest}`)).json()) as Inbox)
      .cursor;
    const waiting = app.request(`/webchat/inbox?user=${guest}&wait=20&cursor=${cursor}`);
    setTimeout(() => void adapter.stop(), 50);
    expect(((await (await waiting).json()) as Inbox).messages).toEqual([]);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('refuses addresses on other platforms', async () => {
    const { adapter } = harness();
    await expect(
      adapter.messenger.send({ platform: 'slack', platformUserId: 'U1', dmAddress: null }, dm('x')),
    ).rejects.toBeInstanceOf(MessengerError);
  });

  it('answers 400 for an unknown persona, a foreign cursor shape or a long wait', async () => {
    const { app } = harness();
    for (const query of [
      'user=nobody',
      'user=demo-client&cursor=abc',
      'user=demo-client&wait=99',
      '',
    ]) {
      const res = await app.request(`/webchat/inbox?${query}`);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
        'VALIDATION_ERROR',
      );
    }
  });
});
