// Buttons and selects through discord.js: mapping to actions, in-place edits, follow-ups, limits.
import type { APIMessage } from 'discord.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apologyFor } from '../../../bots/discord/handle-discord-interaction.ts';
import type { ChatButton, ChatSelect } from '../../../src/chat/chat-types.ts';
import {
  buttonInteraction,
  commandInteraction,
  selectInteraction,
} from '../../fakes/discord-interactions.ts';
import type { RecordedCall } from '../../fakes/discord-rest-fake.ts';
import {
  ALICE_IN_GUILD,
  BOB_IN_DM,
  callbackPath,
  callsFor,
  followUpPath,
  type Harness,
  isCall,
  message,
  originalPath,
  shownMessage,
  startHarness,
  stubEngine,
} from './discord-harness.ts';

/** The fake's interactions carry an English client locale; a DM carries none. */
const APOLOGY = apologyFor('en-US');

type Row = { type: number; components: Component[] };
type Component = {
  type: number;
  custom_id: string;
  style?: number;
  options?: { value: string; label: string }[];
};

const engine = stubEngine();
let harness: Harness;
let shown: APIMessage;
beforeAll(async () => {
  harness = await startHarness(engine.handle);
  // A real flow: /book shows buttons; the tests press them on the message the fake returned.
  engine.reply = async () => [message('Pick one', { buttons: [[button('k3f9a2b7:pv:0')]] })];
  const command = commandInteraction(ALICE_IN_GUILD, 'book');
  harness.fake.deliver(command);
  const edit = await harness.fake.rest.waitForCall(isCall('PATCH', originalPath(command.token)));
  shown = shownMessage(edit, '1110000000000000001');
});
afterAll(() => harness.close());
beforeEach(() => {
  engine.events.length = 0;
});

describe('buttons and selects', () => {
  it('maps a button press to an action with its custom_id and edits the message in place', async () => {
    engine.reply = async () => [
      message('Pick a day', { replace: true, buttons: [[button('k3f9a2b7:dy:1', 'default')]] }),
    ];
    const interaction = buttonInteraction(ALICE_IN_GUILD, shown, 'k3f9a2b7:pv:0');
    harness.fake.deliver(interaction);
    await harness.fake.rest.waitForCall(isCall('PATCH', originalPath(interaction.token)));
    expect(engine.events.map((event) => [event.input, event.updateId])).toEqual([
      [{ kind: 'action', data: 'k3f9a2b7:pv:0', text: null }, interaction.id],
    ]);
    const [callback, edit, ...rest] = callsFor(harness.fake, interaction.token);
    expect(callback?.path).toBe(callbackPath(interaction.id, interaction.token));
    // 6: deferred update message, no loading state, no new message.
    expect(callback?.body).toEqual({ type: 6 });
    expect(edit?.body).toMatchObject({
      content: 'Pick a day',
      components: [{ type: 1, components: [{ custom_id: 'k3f9a2b7:dy:1', style: 2 }] }],
    });
    expect(rest).toEqual([]);
  });

  it('maps a select choice to an action carrying the chosen value', async () => {
    engine.reply = async () => [message('Chosen', { replace: true })];
    const interaction = selectInteraction(BOB_IN_DM, shown, 'slotline:select:0', ['k3f9a2b7:tm:4']);
    harness.fake.deliver(interaction);
    const edit = await harness.fake.rest.waitForCall(
      isCall('PATCH', originalPath(interaction.token)),
    );
    expect(engine.events[0]?.input).toEqual({ kind: 'action', data: 'k3f9a2b7:tm:4', text: null });
    expect(engine.events[0]?.user.platformUserId).toBe(BOB_IN_DM.user.id);
    // A replacement without buttons clears the old ones.
    expect(edit.body).toMatchObject({ content: 'Chosen', components: [] });
  });

  it('sends a message that does not replace as an ephemeral follow-up, leaving the original', async () => {
    engine.reply = async () => [message('Request sent to the provider')];
    const interaction = buttonInteraction(
      ALICE_IN_GUILD,
      shown,
      'ap:0b0e1f7c-4a8f-4c1e-9d5b-2f3c4d5e6f70',
    );
    harness.fake.deliver(interaction);
    const post = await harness.fake.rest.waitForCall(
      isCall('POST', followUpPath(interaction.token)),
    );
    expect(post.body).toMatchObject({ content: 'Request sent to the provider', flags: 64 });
    expect(callsFor(harness.fake, interaction.token).map((call) => call.method)).toEqual([
      'POST',
      'POST',
    ]);
  });

  it('replaces with the first message and follows up with the rest', async () => {
    engine.reply = async () => [
      message('Booked!', { replace: true }),
      message('Reminder set', { replace: true }),
    ];
    const interaction = buttonInteraction(ALICE_IN_GUILD, shown, 'k3f9a2b7:ok');
    harness.fake.deliver(interaction);
    await harness.fake.rest.waitForCall(isCall('POST', followUpPath(interaction.token)));
    const calls = callsFor(harness.fake, interaction.token).slice(1);
    expect(calls.map((call) => [call.method, (call.body as { content: string }).content])).toEqual([
      ['PATCH', 'Booked!'],
      ['POST', 'Reminder set'],
    ]);
  });

  it('keeps every button and option within 5 per row, 5 rows and 25 options', async () => {
    const wide = Array.from({ length: 7 }, (_, i) => button(`k3f9a2b7:dy:${i}`));
    const rows = [wide, ...Array.from({ length: 4 }, (_, r) => [button(`k3f9a2b7:tm:${r}`)])];
    const select = selectOf(30);
    engine.reply = async () => [message('Lots', { replace: true, buttons: rows, select })];
    const interaction = buttonInteraction(ALICE_IN_GUILD, shown, 'k3f9a2b7:nx');
    harness.fake.deliver(interaction);
    await harness.fake.rest.waitForCall(isCall('POST', followUpPath(interaction.token)));
    const sent = callsFor(harness.fake, interaction.token).slice(1);
    expect(sent.map((call) => call.method)).toEqual(['PATCH', 'POST']);
    for (const rowsOfCall of sent.map(componentRows)) {
      expect(rowsOfCall.length).toBeLessThanOrEqual(5);
      for (const row of rowsOfCall) {
        expect(row.components.length).toBeLessThanOrEqual(5);
        const selects = row.components.filter((component) => component.type === 3);
        expect(selects.length === 0 || row.components.length === 1).toBe(true);
        for (const menu of selects) expect(menu.options?.length).toBeLessThanOrEqual(25);
      }
    }
    const all = sent.flatMap(componentRows).flatMap((row) => row.components);
    const buttonIds = all.filter((c) => c.type === 2).map((c) => c.custom_id);
    expect(buttonIds).toEqual(rows.flat().map((b) => b.data));
    const values = all.flatMap((c) => c.options ?? []).map((option) => option.value);
    expect(values).toEqual(select.options.map((option) => option.data));
    expect(new Set(all.map((c) => c.custom_id)).size).toBe(all.length);
  });

  it('apologises in a follow-up on an engine fault and leaves the original message alone', async () => {
    engine.reply = async () => {
      throw new Error('engine fault');
    };
    const interaction = buttonInteraction(ALICE_IN_GUILD, shown, 'k3f9a2b7:ok');
    harness.fake.deliver(interaction);
    const post = await harness.fake.rest.waitForCall(
      isCall('POST', followUpPath(interaction.token)),
    );
    expect(post.body).toMatchObject({ content: APOLOGY, flags: 64 });
    expect(callsFor(harness.fake, interaction.token).some((call) => call.method === 'PATCH')).toBe(
      false,
    );
    expect(harness.entries).toContainEqual(
      expect.objectContaining({
        level: 'error',
        fields: expect.objectContaining({ input: 'action' }),
      }),
    );
  });
});

function button(data: string, style: ChatButton['style'] = 'primary'): ChatButton {
  return { label: `Label ${data}`, data, style };
}

function selectOf(count: number): ChatSelect {
  return {
    placeholder: 'Choose a time',
    options: Array.from({ length: count }, (_, i) => ({
      label: `Slot ${i}`,
      data: `k3f9a2b7:tm:${i}`,
      description: i % 2 === 0 ? 'Morning' : null,
    })),
  };
}

function componentRows(call: RecordedCall): Row[] {
  return (call.body as { components: Row[] }).components;
}
