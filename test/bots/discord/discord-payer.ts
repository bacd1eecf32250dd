// Discord users paying for bookings: discord.js against the fake REST API and gateway, the engine
// behind it; slash commands are interactions in the user's DM, plain words DM messages, and the Pay
// link (a Link-style button, no custom_id) is kept apart from the buttons the engine reads.
import type { APIInteraction } from 'discord.js';
import { ButtonStyle } from 'discord.js';
import type { ChatEvent, ChatMessage } from '../../../src/chat/chat-types.ts';
import { handleChatEvent } from '../../../src/chat/handle-chat-event.ts';
import { buttonInteraction } from '../../fakes/discord-interactions.ts';
import type { RecordedCall } from '../../fakes/discord-rest-fake.ts';
import type { PaidShown, PaidUser, PaidWorld } from '../paid-walks.ts';
import { callsFor, type Harness, shownMessage, startHarness } from './discord-harness.ts';
import { discordDm } from './discord-transcript-user.ts';

type Component = { custom_id?: string; label?: string; style?: number; url?: string };
type Body = { content?: string; components?: { components: Component[] }[] };

const bodyOf = (call: RecordedCall) => (call.body as Body | null) ?? {};
const componentsOf = (call: RecordedCall) =>
  (bodyOf(call).components ?? []).flatMap((row) => row.components);

function toShown(call: RecordedCall): PaidShown {
  const link = componentsOf(call).find((c) => c.style === ButtonStyle.Link);
  return {
    text: bodyOf(call).content ?? '',
    buttons: componentsOf(call)
      .filter((c) => c.custom_id !== undefined)
      .map((c) => c.label ?? ''),
    link: link ? { label: link.label ?? '', url: link.url ?? '' } : null,
  };
}

/** The adapter on the fake Discord with the engine of `w`, and Discord users to walk with. */
export async function startDiscordPayers(w: PaidWorld) {
  /** What the engine returned, one entry per event, in order. */
  const results: { event: ChatEvent; messages: ChatMessage[] }[] = [];
  const harness: Harness = await startHarness(async (event) => {
    const messages = await handleChatEvent(w.deps, event, w.clock.now);
    results.push({ event, messages });
    return messages;
  });
  w.messenger.register('discord', harness.adapter.messenger);
  const rest = harness.fake.rest;
  /** Waits until the engine answered `updateId` and `calls()` grew by as many messages. */
  async function answered(updateId: string, calls: () => RecordedCall[], before: number) {
    await rest.waitForCall(() => results.some((r) => r.event.updateId === updateId));
    const count = results.find((r) => r.event.updateId === updateId)?.messages.length ?? 0;
    await rest.waitForCall(() => calls().length >= before + Math.max(count, 1));
    return calls().slice(before);
  }
  let nextUser = 4_000_000_000_000_000_000n;

  function payer(): PaidUser {
    nextUser += 1000n;
    const dm = discordDm(harness, nextUser.toString(), `payer${nextUser}`, 'Pat Payer');
    async function interact(interaction: APIInteraction): Promise<PaidShown[]> {
      dm.catchUp();
      harness.fake.deliver(interaction);
      const ofToken = () =>
        callsFor(harness.fake, interaction.token).filter((c) => !c.path.endsWith('/callback'));
      const calls = await answered(interaction.id, ofToken, 0);
      dm.seen.push(...calls);
      dm.catchUp();
      return calls.map(toShown);
    }
    return {
      say(text) {
        const command = dm.commandOf(text);
        if (command) return interact(command);
        dm.catchUp();
        const before = dm.dmPosts().length;
        return answered(dm.type(text), dm.dmPosts, before).then((calls) => {
          dm.catchUp();
          return calls.map(toShown);
        });
      },
      async press(label) {
        dm.catchUp();
        for (const call of [...dm.seen].reverse()) {
          const found = componentsOf(call).find(
            (c) => c.custom_id !== undefined && label.test(c.label ?? ''),
          );
          if (found?.custom_id) {
            const shown = shownMessage(call, dm.channelId);
            return interact(buttonInteraction(dm.origin, shown, found.custom_id));
          }
        }
        throw new Error(`no button matching ${label} for ${dm.user.id}`);
      },
      async screen() {
        dm.catchUp();
        return dm.seen.map(toShown);
      },
    };
  }
  return { harness, payer };
}
