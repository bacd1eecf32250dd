// The real engine on a real database behind the adapter: booking and cancelling by buttons only.

import type { APIInteraction, APIMessage } from 'discord.js';
import { InteractionType } from 'discord.js';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatEvent, ChatMessage } from '../../../src/chat/chat-types.ts';
import { createLinkCode } from '../../../src/chat/create-link-code.ts';
import { handleChatEvent } from '../../../src/chat/handle-chat-event.ts';
import { createRoutingMessenger } from '../../../src/chat/routing-messenger.ts';
import { appointments } from '../../../src/db/schema/appointments.ts';
import { services } from '../../../src/db/schema/providers.ts';
import {
  buttonInteraction,
  commandInteraction,
  type Origin,
} from '../../fakes/discord-interactions.ts';
import type { RecordedCall } from '../../fakes/discord-rest-fake.ts';
import { testChatDeps } from '../../support/deliver-changes.ts';
import { createFixture, type Fixture, MONDAY_MORNING } from '../../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';
import {
  ALICE,
  ALICE_IN_GUILD,
  BOB_IN_DM,
  callsFor,
  type Harness,
  isCall,
  recordingLogger,
  shownMessage,
  startHarness,
} from './discord-harness.ts';

type Row = { components: { type: number; custom_id: string; label?: string }[] };

let db: TestDatabase;
let fixture: Fixture;
let harness: Harness;
/** What the engine returned, one entry per event, in order. */
const results: { event: ChatEvent; messages: ChatMessage[] }[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  fixture = await createFixture(db.db);
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

/**
 * Delivers `interaction` (`copies` times, at once) and waits until the adapter has sent what the
 * engine returned for each: the acknowledgement, then one call per message (or the deletion of
 * an empty command reply). Returns the calls made with its token after the acknowledgements.
 */
async function deliver(interaction: APIInteraction, copies = 1): Promise<RecordedCall[]> {
  const before = results.length;
  for (let i = 0; i < copies; i++) harness.fake.deliver(interaction);
  await harness.fake.rest.waitForCall(() => results.length >= before + copies, 15_000);
  const isCommand = interaction.type === InteractionType.ApplicationCommand;
  const expected = results
    .slice(before)
    .map(({ messages }) => 1 + (messages.length === 0 && isCommand ? 1 : messages.length))
    .reduce((sum, n) => sum + n, 0);
  await harness.fake.rest.waitForCall(
    () => callsFor(harness.fake, interaction.token).length >= expected,
  );
  return callsFor(harness.fake, interaction.token).filter(
    (call) => !call.path.endsWith('/callback'),
  );
}

/** The message now on screen with a button whose custom_id matches `pattern`, and that button. */
function findButton(
  calls: RecordedCall[],
  pattern: RegExp,
): { shown: APIMessage; customId: string } {
  for (const call of [...calls].reverse()) {
    const rows = ((call.body as { components?: Row[] }).components ?? []) as Row[];
    const found = rows.flatMap((row) => row.components).find((c) => pattern.test(c.custom_id));
    if (found)
      return { shown: shownMessage(call, '1110000000000000001'), customId: found.custom_id };
  }
  throw new Error(`no button matching ${pattern} in ${JSON.stringify(calls.map((c) => c.body))}`);
}

async function press(origin: Origin, calls: RecordedCall[], pattern: RegExp, copies = 1) {
  const { shown, customId } = findButton(calls, pattern);
  return deliver(buttonInteraction(origin, shown, customId), copies);
}

async function appointmentRows() {
  return db.db.select().from(appointments).where(eq(appointments.providerId, fixture.providerId));
}

describe('Discord end to end with the real engine', () => {
  it('books by buttons only, a doubled confirm delivery booking once', async () => {
    const origin = ALICE_IN_GUILD;
    let calls = await deliver(commandInteraction(origin, 'book'));
    expect(calls[0]?.body).toMatchObject({ content: expect.stringContaining('time zone') });
    calls = await press(origin, calls, /:tz:1$/); // Berlin
    calls = await press(origin, calls, /:dy:\d+$/);
    calls = await press(origin, calls, /:tm:\d+$/);
    // Discord never redelivers on the gateway, but a doubled event must still book once.
    calls = await press(origin, calls, /:ok$/, 2);
    const rows = await appointmentRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.status).toBe('CONFIRMED');
    const edits = calls.filter((call) => call.method === 'PATCH');
    expect(edits.map((call) => (call.body as { content: string }).content).join('\n')).toMatch(
      /booked/i,
    );
    const doubled = results.slice(-2).map((result) => result.messages.length);
    expect(doubled.sort()).toEqual([0, 1]);
  });

  it('cancels the booking from /mybookings by buttons', async () => {
    const origin = ALICE_IN_GUILD;
    let calls = await deliver(commandInteraction(origin, 'mybookings'));
    expect(calls[0]?.body).toMatchObject({ content: expect.stringContaining('upcoming') });
    calls = await press(origin, calls, /:cx:0$/);
    calls = await press(origin, calls, /:cy$/);
    const [row] = await appointmentRows();
    expect(row?.status).toBe('CANCELLED');
    expect(calls.map((call) => (call.body as { content: string }).content).join('\n')).toMatch(
      /cancel/i,
    );
  });

  it('asks a Discord-linked provider by DM and books when they approve there', async () => {
    await db.db
      .update(services)
      .set({ requiresApproval: true })
      .where(eq(services.id, fixture.serviceId));
    const link = await createLinkCode(db.db, fixture.providerId, MONDAY_MORNING);
    if (!link.ok) throw new Error('no link code');
    const linked = await deliver(commandInteraction(BOB_IN_DM, 'link', { code: link.value.code }));
    expect(linked[0]?.body).toMatchObject({ content: expect.stringContaining('Linked') });

    let calls = await deliver(commandInteraction(ALICE_IN_GUILD, 'book'));
    calls = await press(ALICE_IN_GUILD, calls, /:dy:\d+$/);
    calls = await press(ALICE_IN_GUILD, calls, /:tm:\d+$/);
    await press(ALICE_IN_GUILD, calls, /:ok$/);
    const pending = (await appointmentRows()).find((row) => row.status === 'PENDING');
    expect(pending).toBeDefined();

    // The engine's notice went out through the adapter's messenger as a DM to the provider.
    const dmPath = `/channels/8${BOB_IN_DM.user.id}/messages`;
    const request = await harness.fake.rest.waitForCall(isCall('POST', dmPath));
    expect(harness.fake.rest.calls.find(isCall('POST', '/users/@me/channels'))?.body).toEqual({
      recipient_id: BOB_IN_DM.user.id,
    });
    calls = await press(BOB_IN_DM, [request], new RegExp(`^ap:${pending?.id}$`));
    // The request in the provider's DM is replaced by the outcome, buttons gone.
    expect(calls[0]).toMatchObject({ method: 'PATCH', body: { components: [] } });
    const [approved] = await db.db
      .select()
      .from(appointments)
      .where(eq(appointments.id, pending?.id ?? ''));
    expect(approved?.status).toBe('CONFIRMED');
    // And the client heard about it by DM.
    await harness.fake.rest.waitForCall(isCall('POST', `/channels/8${ALICE.id}/messages`));
  });
});
