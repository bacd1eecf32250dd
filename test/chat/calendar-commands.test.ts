// /connect and /disconnect from chat: consent links for linked providers, plain answers for everyone else.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCalendarDeps } from '../../src/calendars/build-calendar-deps.ts';
import { saveNewConnection } from '../../src/calendars/calendar-connections.ts';
import { verifyOAuthState } from '../../src/calendars/oauth-state.ts';
import type { ChatUser } from '../../src/chat/chat-types.ts';
import { createLinkCode } from '../../src/chat/create-link-code.ts';
import { availabilityOverrides } from '../../src/db/schema/availability.ts';
import { calendarSyncs } from '../../src/db/schema/infrastructure.ts';
import { type FakeGoogle, startFakeGoogle } from '../fakes/google-calendar-api.ts';
import { silentLogger } from '../jobs/jobs-fixtures.ts';
import {
  type Catalog,
  type ChatHarness,
  chatUser,
  command,
  createChatHarness,
  NOW,
  say,
  seedCatalog,
  textOf,
} from './chat-harness.ts';

const PUBLIC_URL = 'https://slotline.example';
const START_LINK = `${PUBLIC_URL}/oauth/google/start?state=`;

let plain: ChatHarness;
let h: ChatHarness;
let c: Catalog;
let google: FakeGoogle;
const key = randomBytes(32);
const syncRequests: string[] = [];
const anna = chatUser('8001', 'Anna Weber', { timezone: 'Europe/Berlin' });
const bob = chatUser('8002', 'Bob Stone', { timezone: 'Europe/London' });
const cleo = chatUser('8003', 'Cleo', { timezone: 'Europe/London' });

async function link(harness: ChatHarness, user: ChatUser, providerId: string): Promise<void> {
  const created = await createLinkCode(harness.db.db, providerId, NOW);
  if (!created.ok) throw new Error('no link code');
  const linked = await say(harness, user, command('link', created.value.code));
  expect(textOf(linked)).toContain('Linked');
}

beforeAll(async () => {
  plain = await createChatHarness();
  c = await seedCatalog(plain);
  google = await startFakeGoogle({ clientId: 'cid', clientSecret: 'csecret' });
  const calendars = buildCalendarDeps({
    config: {
      encryptionKey: undefined,
      google: {
        clientId: 'cid',
        clientSecret: 'csecret',
        apiRoot: google.rootUrl,
        authUrl: google.authUrl,
        tokenUrl: google.tokenUrl,
      },
      outlook: null,
      appleCalDavUrl: 'http://127.0.0.1:1',
      timeoutMs: 20_000,
    },
    key,
    publicUrl: PUBLIC_URL,
    db: plain.db.db,
    messenger: plain.messenger,
    logger: silentLogger,
    clock: () => NOW,
    requestPush: async () => {},
    requestSync: async (connectionId) => {
      syncRequests.push(connectionId);
    },
  });
  h = { ...plain, deps: { ...plain.deps, calendars } };
  await link(h, anna, c.anna);
  await link(h, bob, c.bob);
});

afterAll(async () => {
  await google?.close();
});

describe('/connect', () => {
  it('gives a linked provider a signed, 15-minute Google link under PUBLIC_URL', async () => {
    const reply = textOf(await say(h, anna, command('connect', 'google')));
    expect(reply).toContain('Open this link to connect your Google Calendar');
    const url = reply.split(/\s+/).find((word) => word.startsWith(START_LINK));
    expect(url, reply).toBeDefined();
    const state = decodeURIComponent(url?.slice(START_LINK.length) ?? '');
    const checked = verifyOAuthState(key, state, NOW);
    expect(checked).toMatchObject({
      ok: true,
      claims: {
        providerId: c.anna,
        calendar: 'GOOGLE',
        expiresAt: new Date(NOW.getTime() + 15 * 60_000),
      },
    });
    // Upper case and spaces are forgiven; nothing is stored or synced before consent.
    expect(textOf(await say(h, anna, command('connect', '  Google ')))).toContain(START_LINK);
    expect(await h.db.db.select().from(calendarSyncs)).toEqual([]);
    expect(syncRequests).toEqual([]);
    expect(google.calls).toEqual([]);
  });

  it('says Outlook is not set up on this server when it has no OAuth client', async () => {
    const reply = textOf(await say(h, anna, command('connect', 'outlook')));
    expect(reply).toBe('Outlook is not set up on this server; ask your admin which calendars are.');
    expect(reply).not.toContain('/connect outlook');
  });

  it('sends Apple calendars to the admin route instead of asking for a password in chat', async () => {
    for (const name of ['apple', 'iCloud']) {
      const reply = textOf(await say(h, anna, command('connect', name)));
      expect(reply).toContain('app-specific password');
      expect(reply).toContain('POST /api/providers/:id/calendar/apple');
      expect(reply).not.toContain('/oauth/');
    }
  });

  it('explains the usage for no or an unknown calendar', async () => {
    for (const args of ['', 'yahoo', 'google outlook']) {
      const reply = textOf(await say(h, anna, command('connect', args)));
      expect(reply).toBe(
        'Send /connect google or /connect outlook (Apple calendars and CalDAV calendars are connected by your admin).',
      );
    }
  });

  it('refuses /connect and /disconnect to someone who is not a provider', async () => {
    for (const name of ['connect', 'disconnect']) {
      const reply = textOf(await say(h, cleo, command(name, 'google')));
      expect(reply).toContain(`/${name} is for providers`);
      expect(reply).toContain('/link CODE');
      expect(reply).not.toContain(PUBLIC_URL);
    }
  });

  it('says calendar sync is not set up when the server has no calendar deps', async () => {
    const reply = textOf(await say(plain, anna, command('connect', 'google')));
    expect(reply).toBe('Calendar sync is not set up on this server.');
    const help = textOf(await say(plain, anna, command('help')));
    expect(help).not.toContain('/connect');
    expect(help).not.toContain('/disconnect');
    const nulled = { ...plain, deps: { ...plain.deps, calendars: null } };
    expect(textOf(await say(nulled, anna, command('disconnect')))).toBe(
      'Calendar sync is not set up on this server.',
    );
  });

  it('lists /connect and /disconnect in a provider’s help, not in a client’s', async () => {
    const providerHelp = textOf(await say(h, anna, command('help')));
    expect(providerHelp).toContain('/connect google or /connect outlook');
    expect(providerHelp).toContain('/disconnect');
    expect(textOf(await say(h, cleo, command('help')))).not.toContain('/connect');
  });
});

describe('/sync', () => {
  it('says so when no calendar is connected, and is for providers only', async () => {
    const reply = textOf(await say(h, bob, command('sync')));
    expect(reply).toBe('You have no calendar connected. Send /connect google or /connect outlook.');
    expect(textOf(await say(h, cleo, command('sync')))).not.toContain('Checking');
  });

  it('queues a pull of the connected calendar, and refuses a broken one', async () => {
    const connection = await saveNewConnection(h.db.db, key, {
      providerId: c.bob,
      kind: 'CALDAV',
      tokens: { accessToken: null, refreshToken: null, expiresAt: null },
      accountName: 'bob',
      password: 'secret-password',
      externalCalendarId: 'https://dav.example/bob/work/',
    });
    const before = syncRequests.length;
    const reply = textOf(await say(h, bob, command('sync')));
    expect(reply).toContain('Checking your CalDAV calendar now.');
    expect(syncRequests.slice(before)).toEqual([connection.id]);
    await h.db.db
      .update(calendarSyncs)
      .set({ status: 'BROKEN' })
      .where(eq(calendarSyncs.id, connection.id));
    expect(textOf(await say(h, bob, command('sync')))).toContain('Connect it again');
    expect(syncRequests.slice(before)).toHaveLength(1);
    await h.db.db.delete(calendarSyncs).where(eq(calendarSyncs.id, connection.id));
    syncRequests.splice(before);
  });

  it('is listed in a provider’s help', async () => {
    expect(textOf(await say(h, anna, command('help')))).toContain('/sync');
  });
});

describe('/disconnect', () => {
  it('says so when no calendar is connected', async () => {
    const reply = textOf(await say(h, bob, command('disconnect')));
    expect(reply).toBe('You have no calendar connected. Send /connect google or /connect outlook.');
  });

  it("removes the connection and only that calendar's blocks for that provider", async () => {
    const db = h.db.db;
    await saveNewConnection(db, key, {
      providerId: c.anna,
      kind: 'GOOGLE',
      tokens: {
        accessToken: 'access-1',
        refreshToken: 'refresh-1',
        expiresAt: new Date(NOW.getTime() + 3_600_000),
      },
      accountName: null,
      password: null,
      externalCalendarId: null,
    });
    const block = (providerId: string, source: 'GOOGLE' | 'MANUAL', eventId: string | null) => ({
      providerId,
      date: '2026-12-02',
      startTime: '10:00',
      endTime: '11:00',
      isBlocked: true,
      source,
      externalEventId: eventId,
    });
    await db
      .insert(availabilityOverrides)
      .values([
        block(c.anna, 'GOOGLE', 'evt-1'),
        block(c.anna, 'GOOGLE', 'evt-2'),
        block(c.anna, 'MANUAL', null),
        block(c.bob, 'GOOGLE', 'evt-3'),
      ]);

    const reply = textOf(await say(h, anna, command('disconnect')));
    expect(reply).toContain('Disconnected your Google Calendar');
    expect(
      await db.select().from(calendarSyncs).where(eq(calendarSyncs.providerId, c.anna)),
    ).toEqual([]);
    const left = await db
      .select({
        providerId: availabilityOverrides.providerId,
        source: availabilityOverrides.source,
      })
      .from(availabilityOverrides);
    expect(left).toEqual(
      expect.arrayContaining([
        { providerId: c.anna, source: 'MANUAL' },
        { providerId: c.bob, source: 'GOOGLE' },
      ]),
    );
    expect(left).toHaveLength(2);
    expect(syncRequests).toEqual([]);

    // Disconnecting twice: nothing is left to disconnect.
    expect(textOf(await say(h, anna, command('disconnect')))).toContain(
      'You have no calendar connected',
    );
  });
});
