// Discord users in their DM with the bot for the transcript, series and paid walks, over discord.js and its fakes.
import type {
  APIChatInputApplicationCommandInteraction,
  APIMessageComponentButtonInteraction,
  APIMessageComponentSelectMenuInteraction,
  APIUser,
} from 'discord.js';
import { GatewayDispatchEvents, InteractionType, Locale } from 'discord.js';
import { expect } from 'vitest';
import { type CommandName, commandInfo } from '../../../src/chat/chat-commands.ts';
import type { ChatEvent, ChatMessage } from '../../../src/chat/chat-types.ts';
import { createLinkCode } from '../../../src/chat/create-link-code.ts';
import { handleChatEvent } from '../../../src/chat/handle-chat-event.ts';
import { createRoutingMessenger } from '../../../src/chat/routing-messenger.ts';
import type { Database } from '../../../src/db/database.ts';
import type { Language } from '../../../src/i18n/languages.ts';
import {
  buttonInteraction,
  commandInteraction,
  type Origin,
  selectInteraction,
} from '../../fakes/discord-interactions.ts';
import { fakeDirectMessage, fakeUser } from '../../fakes/discord-payloads.ts';
import type { RecordedCall } from '../../fakes/discord-rest-fake.ts';
import { testChatDeps } from '../../support/deliver-changes.ts';
import { MONDAY_MORNING } from '../../support/fixtures.ts';
import type { Shown, TranscriptPlatform, TranscriptUser } from '../../support/transcripts.ts';
import type { WalkedAdapter } from '../describe-walks.ts';
import {
  callsFor,
  type Harness,
  isCall,
  recordingLogger,
  shownMessage,
  startHarness,
} from './discord-harness.ts';

/** What a person does in their DM: a /command, a button press, a select choice. */
type UserInteraction =
  | APIChatInputApplicationCommandInteraction
  | APIMessageComponentButtonInteraction
  | APIMessageComponentSelectMenuInteraction;

/** The locale Discord reports for a user who reads each language. */
const DISCORD_LOCALES: Record<Language, Locale> = { en: Locale.EnglishUS, de: Locale.German };

type Component = {
  custom_id: string;
  label?: string;
  options?: { label: string; value: string }[];
};
type Body = { content?: string; components?: { components: Component[] }[] };

const bodyOf = (call: RecordedCall) => (call.body as Body | null) ?? {};
const toShown = (call: RecordedCall): Shown => ({
  text: bodyOf(call).content ?? '',
  buttons: (bodyOf(call).components ?? [])
    .flatMap((row) => row.components)
    .flatMap((c) => (c.options ? c.options.map((o) => o.label) : [c.label ?? ''])),
});

/**
 * A Discord user `id` in their DM with the bot behind `harness`: the DM's posts, the calls the
 * user has seen (answers and DMs, oldest first, brought up to date by `catchUp`), the interaction
 * a typed /command is, and typing plain words as a DM message.
 */
export function discordDm(harness: Harness, id: string, username: string, globalName: string) {
  const user: APIUser = fakeUser(id, username, globalName);
  const channelId = `8${user.id}`;
  const origin: Origin = { user, place: { kind: 'dm', channelId } };
  const dmPosts = () =>
    harness.fake.rest.calls.filter(isCall('POST', `/channels/${channelId}/messages`));
  const seen: RecordedCall[] = [];
  const catchUp = () => {
    for (const call of dmPosts()) if (!seen.includes(call)) seen.push(call);
  };
  /** The slash command interaction `text` is ('/book anna'), or null for plain words. */
  function commandOf(text: string): APIChatInputApplicationCommandInteraction | null {
    const slash = /^\/(\S+)\s*(.*)$/.exec(text);
    if (!slash) return null;
    const name = slash[1] as CommandName;
    const option = commandInfo(name).argument?.name;
    const options: Record<string, string> = option && slash[2] ? { [option]: slash[2] } : {};
    return commandInteraction(origin, name, options);
  }
  /** Sends `text` as a DM message through the gateway; the message id the engine answers. */
  function type(text: string): string {
    const typed = fakeDirectMessage(user, channelId, text);
    harness.fake.gateway.dispatch(GatewayDispatchEvents.MessageCreate, typed);
    return typed.id;
  }
  return { user, channelId, origin, dmPosts, seen, catchUp, commandOf, type };
}

/**
 * The adapter on the fake Discord with the real engine over `db` at MONDAY_MORNING, and the
 * platform the transcript walks use: each user talks in their own DM with the bot.
 * Discord tells no time zone, so a client with a hint is asked all the same. No walk may log an error.
 */
export async function startDiscordWalks(db: Database): Promise<WalkedAdapter> {
  /** What the engine returned, one entry per event, in order. */
  const results: { event: ChatEvent; messages: ChatMessage[] }[] = [];
  const messenger = createRoutingMessenger();
  const deps = testChatDeps(db, messenger, recordingLogger().logger);
  const harness: Harness = await startHarness(async (event) => {
    const messages = await handleChatEvent(deps, event, MONDAY_MORNING);
    results.push({ event, messages });
    return messages;
  });
  messenger.register('discord', harness.adapter.messenger);
  let nextUser = 3_000_000_000_000_000_000n;

  /** Waits until the engine answered `updateId` and the adapter made `calls()` reach the count. */
  async function answered(updateId: string, calls: () => RecordedCall[], before: number) {
    await harness.fake.rest.waitForCall(() => results.some((r) => r.event.updateId === updateId));
    const result = results.find((r) => r.event.updateId === updateId);
    const count = result?.messages.length ?? 0;
    await harness.fake.rest.waitForCall(() => calls().length >= before + count);
    return calls().slice(before);
  }

  /**
   * A Discord user in their DM with the bot. Their interactions carry the locale of `speaks`
   * (Discord's default, en-US, without); DM messages carry none, as on Discord.
   */
  function discordUser(name: string, speaks: Language | undefined): TranscriptUser {
    nextUser += 1000n;
    const dm = discordDm(harness, nextUser.toString(), name.toLowerCase(), name);
    const locale = DISCORD_LOCALES[speaks ?? 'en'];

    async function interact(interaction: UserInteraction): Promise<Shown[]> {
      dm.catchUp();
      harness.fake.deliver({ ...interaction, locale });
      const isCommand = interaction.type === InteractionType.ApplicationCommand;
      const ofToken = () =>
        callsFor(harness.fake, interaction.token).filter((c) => !c.path.endsWith('/callback'));
      await harness.fake.rest.waitForCall(() =>
        results.some((r) => r.event.updateId === interaction.id),
      );
      const result = results.find((r) => r.event.updateId === interaction.id);
      const count = result?.messages.length ?? 0;
      await harness.fake.rest.waitForCall(
        () => ofToken().length >= (count === 0 && isCommand ? 1 : count),
      );
      const calls = ofToken();
      dm.seen.push(...calls);
      dm.catchUp();
      return calls.map(toShown);
    }

    return {
      name,
      async say(text) {
        const command = dm.commandOf(text);
        if (command) return interact(command);
        dm.catchUp();
        const before = dm.dmPosts().length;
        const calls = await answered(dm.type(text), dm.dmPosts, before);
        dm.catchUp();
        return calls.map(toShown);
      },
      async press(label) {
        dm.catchUp();
        for (const call of [...dm.seen].reverse()) {
          for (const component of (bodyOf(call).components ?? []).flatMap((r) => r.components)) {
            const shown = shownMessage(call, dm.channelId);
            const option = component.options?.find((o) => label.test(o.label));
            if (option)
              return interact(
                selectInteraction(dm.origin, shown, component.custom_id, [option.value]),
              );
            if (!component.options && label.test(component.label ?? ''))
              return interact(buttonInteraction(dm.origin, shown, component.custom_id));
          }
        }
        throw new Error(`no button matching ${label} for ${name}`);
      },
      async screen() {
        dm.catchUp();
        return dm.seen.map(toShown);
      },
    };
  }

  const platform: TranscriptPlatform = {
    client: async (name, _hint, speaks) => discordUser(name, speaks),
    async provider(name, providerId, speaks) {
      const user = discordUser(name, speaks);
      const code = await createLinkCode(db, providerId, MONDAY_MORNING);
      if (!code.ok) throw new Error('no link code');
      await user.say(`/link ${code.value.code}`);
      return user;
    },
  };
  return {
    platform,
    afterWalk: () => expect(harness.entries.filter((entry) => entry.level === 'error')).toEqual([]),
    close: () => harness.close(),
  };
}
