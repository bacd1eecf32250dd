// The real engine on a real database behind the adapter: words, moves, declines, races, stale menus.

import type { APIInteraction, APIMessage, APIUser } from 'discord.js';
import { InteractionType } from 'discord.js';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatEvent, ChatMessage } from '../../../src/chat/chat-types.ts';
import { createLinkCode } from '../../../src/chat/create-link-code.ts';
import { handleChatEvent } from '../../../src/chat/handle-chat-event.ts';
import { createRoutingMessenger } from '../../../src/chat/routing-messenger.ts';
import { appointments } from '../../../src/db/schema/appointments.ts';
import { providers } from '../../../src/db/schema/providers.ts';
import {
  buttonInteraction,
  commandInteraction,
  type Origin,
  selectInteraction,
} from '../../fakes/discord-interactions.ts';
import { fakeUser } from '../../fakes/discord-payloads.ts';
import type { RecordedCall } from '../../fakes/discord-rest-fake.ts';
import { testChatDeps } from '../../support/deliver-changes.ts';
import { createFixture, MONDAY_MORNING } from '../../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';
import {
  callsFor,
  GUILD_ID,
  type Harness,
  isCall,
  recordingLogger,
  shownMessage,
  startHarness,
} from './discord-harness.ts';

type Component = {
  type: number;
  custom_id: string;
  label?: string;
  options?: { label: string; value: string }[];
};
type Row = { components: Component[] };
type Body = { content?: string; components?: Row[] };

let db: TestDatabase;
let harness: Harness;
/** What the engine returned, one entry per event, in order. */
const results: { event: ChatEvent; messages: ChatMessage[] }[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  const messenger = createRoutingMessenger();
  const deps = testChatDeps(db.db, messenger, recordingLogger().logger);
  harness = await startHarness(async (event) => {
    const messages = await handleChatEvent(deps, event, MONDAY_MORNING);
    results.push({ event, messages });
    return messages;
  });
  messenger.register('discord', harness.adapter.messenger);
});
afterAll(() => harness.close());

let nextUser = 2_000_000_000_000_000_000n;

/** A Discord user of its own, acting in the guild channel (or in their DM). */
function newOrigin(name: string, place: 'guild' | 'dm' = 'guild'): Origin {
  nextUser += 1000n;
  const user: APIUser = fakeUser(nextUser.toString(), name.toLowerCase(), name);
  return place === 'guild'
    ? { user, place: { kind: 'guild', guildId: GUILD_ID, channelId: '1110000000000000009' } }
    : { user, place: { kind: 'dm', channelId: `8${user.id}` } };
}

/** A provider of its own (Mon-Fri 09:00-17:00 Berlin) named `provider`, offering `service`. */
async function newProvider(provider: string, service: string, requiresApproval = false) {
  const fixture = await createFixture(db.db, { service: { name: service, requiresApproval } });
  await db.db.update(providers).set({ name: provider }).where(eq(providers.id, fixture.providerId));
  return fixture;
}

async function rowsOf(providerId: string) {
  return db.db.select().from(appointments).where(eq(appointments.providerId, providerId));
}

function contentOf(calls: readonly RecordedCall[]): string {
  return calls.map((call) => (call.body as Body | null)?.content ?? '').join('\n');
}

/**
 * Delivers all `interactions` at once and waits until the adapter has sent what the engine
 * returned for each: the acknowledgement, then one call per message (or the deletion of an empty
 * command reply). Returns, per interaction, the calls made with its token after acknowledging.
 */
async function deliverAll(interactions: readonly APIInteraction[]): Promise<RecordedCall[][]> {
  const before = results.length;
  for (const interaction of interactions) harness.fake.deliver(interaction);
  await harness.fake.rest.waitForCall(() => results.length >= before + interactions.length, 15_000);
  const answered = results.slice(before);
  return Promise.all(
    interactions.map(async (interaction) => {
      const result = answered.find((r) => r.event.updateId === interaction.id);
      if (!result) throw new Error(`no engine result for ${interaction.id}`);
      const isCommand = interaction.type === InteractionType.ApplicationCommand;
      const count = result.messages.length;
      const expected = 1 + (count === 0 && isCommand ? 1 : count);
      await harness.fake.rest.waitForCall(
        () => callsFor(harness.fake, interaction.token).length >= expected,
      );
      return callsFor(harness.fake, interaction.token).filter(
        (call) => !call.path.endsWith('/callback'),
      );
    }),
  );
}

async function deliver(interaction: APIInteraction): Promise<RecordedCall[]> {
  const [calls] = await deliverAll([interaction]);
  return calls ?? [];
}

/** Every button and select option on screen in `calls`, the latest message first. */
function componentsIn(calls: readonly RecordedCall[]) {
  const found: { call: RecordedCall; component: Component; label: string; data: string }[] = [];
  for (const call of [...calls].reverse()) {
    for (const component of ((call.body as Body | null)?.components ?? []).flatMap(
      (row) => row.components,
    )) {
      if (component.options) {
        for (const option of component.options)
          found.push({ call, component, label: option.label, data: option.value });
      } else
        found.push({ call, component, label: component.label ?? '', data: component.custom_id });
    }
  }
  return found;
}

function labelsIn(calls: readonly RecordedCall[]): string[] {
  return componentsIn(calls).map((c) => c.label);
}

/** The interaction of `origin` choosing the latest button or option whose data or label matches. */
function choose(origin: Origin, calls: readonly RecordedCall[], pattern: RegExp): APIInteraction {
  const match = componentsIn(calls).find((c) => pattern.test(c.data) || pattern.test(c.label));
  if (!match) {
    throw new Error(`nothing matching ${pattern} in ${JSON.stringify(calls.map((c) => c.body))}`);
  }
  const shown: APIMessage = shownMessage(match.call, origin.place.channelId);
  return match.component.options
    ? selectInteraction(origin, shown, match.component.custom_id, [match.data])
    : buttonInteraction(origin, shown, match.data);
}

async function press(origin: Origin, calls: readonly RecordedCall[], pattern: RegExp) {
  return deliver(choose(origin, calls, pattern));
}

/** /book with `request` for a newcomer: answers the time zone question (Berlin) on the way. */
async function bookCommand(origin: Origin, request: string): Promise<RecordedCall[]> {
  const calls = await deliver(commandInteraction(origin, 'book', { request }));
  if (!/time zone/i.test(contentOf(calls))) return calls;
  return press(origin, calls, /:tz:1$/);
}

/** From /book with `request` to the confirm step at `time` (a times list or straight summary). */
async function reachConfirm(origin: Origin, request: string, time: RegExp) {
  let calls = await bookCommand(origin, request);
  if (!componentsIn(calls).some((c) => /:ok$/.test(c.data)))
    calls = await press(origin, calls, time);
  expect(componentsIn(calls).some((c) => /:ok$/.test(c.data))).toBe(true);
  return calls;
}

describe('Discord engine flows end to end', () => {
  it('books from words: the times match "tomorrow after 3pm" and Confirm books', async () => {
    const { providerId } = await newProvider('Anna Weber', 'Massage');
    const origin = newOrigin('Wordy');
    let calls = await bookCommand(origin, 'massage with Anna tomorrow after 3pm');
    const text = contentOf(calls);
    expect(text).toMatch(/Tue 1 Dec/);
    expect(text).toMatch(/Massage/);
    const times = labelsIn(calls).filter((label) => /^\d\d:\d\d$/.test(label));
    if (times.length > 0) {
      // Only afternoon times from 15:00, within the 17:00 closing.
      expect(times.every((t) => t >= '15:00' && t <= '16:00')).toBe(true);
      expect(times).toContain('15:00');
      calls = await press(origin, calls, /^15:00$/);
    }
    expect(contentOf(calls)).toMatch(/15:00/);
    expect(await rowsOf(providerId)).toHaveLength(0);
    calls = await press(origin, calls, /:ok$/);
    expect(contentOf(calls)).toMatch(/booked/i);
    const rows = await rowsOf(providerId);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.status).toBe('CONFIRMED');
    expect(rows[0]?.startTime.toISOString()).toBe('2026-12-01T14:00:00.000Z');
  });

  it('reschedules from /mybookings by day, time and confirm', async () => {
    const { providerId } = await newProvider('Boris Klein', 'Haircut');
    const origin = newOrigin('Mover');
    let calls = await reachConfirm(origin, 'haircut with Boris tuesday', /^09:00$/);
    await press(origin, calls, /:ok$/);
    const [booked] = await rowsOf(providerId);
    expect(booked?.startTime.toISOString()).toBe('2026-12-01T08:00:00.000Z');

    calls = await deliver(commandInteraction(origin, 'mybookings'));
    expect(contentOf(calls)).toMatch(/Haircut/);
    calls = await press(origin, calls, /:rs:0$/);
    expect(contentOf(calls)).toMatch(/new day/i);
    calls = await press(origin, calls, /Thu/);
    calls = await press(origin, calls, /^14:00$/);
    expect(contentOf(calls)).toMatch(/Move Haircut/);
    calls = await press(origin, calls, /:ok$/);
    expect(contentOf(calls)).toMatch(/Moved/);
    const rows = await rowsOf(providerId);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.id).toBe(booked?.id);
    expect(rows[0]?.status).toBe('CONFIRMED');
    expect(rows[0]?.startTime.toISOString()).toBe('2026-12-03T13:00:00.000Z');
  });

  it('tells a Discord client their request was declined by the Discord-linked provider', async () => {
    const { providerId } = await newProvider('Clara Vogt', 'Checkup', true);
    const provider = newOrigin('Clara', 'dm');
    const link = await createLinkCode(db.db, providerId, MONDAY_MORNING);
    if (!link.ok) throw new Error('no link code');
    const linked = await deliver(commandInteraction(provider, 'link', { code: link.value.code }));
    expect(contentOf(linked)).toContain('Linked');

    const client = newOrigin('Asker');
    const calls = await reachConfirm(client, 'checkup with Clara wednesday', /^10:00$/);
    await press(client, calls, /:ok$/);
    const [pending] = await rowsOf(providerId);
    expect(pending?.status).toBe('PENDING');

    const request = await harness.fake.rest.waitForCall(
      isCall('POST', `/channels/8${provider.user.id}/messages`),
    );
    expect(labelsIn([request])).toEqual(['Approve', 'Decline']);
    const clientDm = `/channels/8${client.user.id}/messages`;
    const dmsBefore = harness.fake.rest.calls.filter(isCall('POST', clientDm)).length;
    const declined = await press(provider, [request], new RegExp(`^dc:${pending?.id}$`));
    expect(declined[0]).toMatchObject({ method: 'PATCH', body: { components: [] } });
    expect(contentOf(declined)).toMatch(/Declined by/);

    const [row] = await rowsOf(providerId);
    expect(row).toMatchObject({ id: pending?.id, status: 'CANCELLED', cancelledBy: 'PROVIDER' });
    await harness.fake.rest.waitForCall(
      () => harness.fake.rest.calls.filter(isCall('POST', clientDm)).length > dmsBefore,
    );
    const notice = harness.fake.rest.calls.filter(isCall('POST', clientDm)).at(-1);
    expect(contentOf(notice ? [notice] : [])).toMatch(/Clara Vogt declined your request/);
  });

  it('books a slot once when two users confirm it at once; the other is offered fresh times', async () => {
    const { providerId } = await newProvider('Dora Lang', 'Physio');
    const first = newOrigin('Racer One');
    const second = newOrigin('Racer Two');
    const request = 'physio with Dora thursday';
    const screens = [
      await reachConfirm(first, request, /^11:00$/),
      await reachConfirm(second, request, /^11:00$/),
    ];
    const replies = await deliverAll([
      choose(first, screens[0] ?? [], /:ok$/),
      choose(second, screens[1] ?? [], /:ok$/),
    ]);
    const rows = await rowsOf(providerId);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.startTime.toISOString()).toBe('2026-12-03T10:00:00.000Z');
    const texts = replies.map(contentOf);
    const loser = texts.findIndex((text) => /Someone was faster/.test(text));
    expect(loser).toBeGreaterThanOrEqual(0);
    expect(texts[1 - loser]).toMatch(/booked/i);
    const fresh = labelsIn(replies[loser] ?? []).filter((label) => /^\d\d:\d\d$/.test(label));
    expect(fresh).not.toContain('11:00');
    expect(fresh).toContain('12:00');
  });

  it('answers an old-flow button and a garbage custom_id politely and books nothing', async () => {
    const { providerId } = await newProvider('Emil Roth', 'Yoga');
    const origin = newOrigin('Stale');
    const request = 'yoga with Emil friday';
    const old = await reachConfirm(origin, request, /^09:00$/);
    const oldConfirm = choose(origin, old, /:ok$/);
    const oldNonce =
      oldConfirm.type === InteractionType.MessageComponent
        ? oldConfirm.data.custom_id.split(':')[0]
        : '';

    // A new /book replaces the flow, so the old Confirm (which would book) is stale.
    await deliver(commandInteraction(origin, 'book', { request }));
    const stale = await deliver(oldConfirm);
    expect(contentOf(stale)).toContain('That menu has expired — here is a fresh one.');
    const fresh = componentsIn(stale).map((c) => c.data);
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh.every((data) => !data.startsWith(`${oldNonce}:`))).toBe(true);
    expect(await rowsOf(providerId)).toHaveLength(0);

    const shown = shownMessage(old[old.length - 1] as RecordedCall, origin.place.channelId);
    const garbage = await deliver(buttonInteraction(origin, shown, 'not-ours:%$#'));
    expect(contentOf(garbage)).toContain('That menu has expired — here is a fresh one.');
    expect(await rowsOf(providerId)).toHaveLength(0);
    expect(harness.entries.filter((entry) => entry.level === 'error')).toEqual([]);
  });
});
