// Shared test setup: the fake Discord, a recording logger, a stub engine and a started adapter.

import type { APIMessage, APIUser } from 'discord.js';
import type { BotAdapter, ChatHandler } from '../../../bots/bot-adapter.ts';
import { createDiscordAdapter } from '../../../bots/discord/create-discord-adapter.ts';
import type { ChatEvent, ChatMessage } from '../../../src/chat/chat-types.ts';
import type { Logger } from '../../../src/ports/logger.ts';
import {
  FAKE_APPLICATION_ID,
  FAKE_TOKEN,
  type FakeDiscord,
  startFakeDiscord,
} from '../../fakes/discord-api.ts';
import type { Origin } from '../../fakes/discord-interactions.ts';
import { fakeMessage, fakeUser } from '../../fakes/discord-payloads.ts';
import type { RecordedCall } from '../../fakes/discord-rest-fake.ts';

export const GUILD_ID = '1100000000000000001';
export const ALICE: APIUser = fakeUser('1000000000000000011', 'alice_l', 'Alice Lovelace');
export const BOB: APIUser = fakeUser('1000000000000000022', 'bob', null);
export const ALICE_IN_GUILD: Origin = {
  user: ALICE,
  place: { kind: 'guild', guildId: GUILD_ID, channelId: '1110000000000000001' },
};
export const BOB_IN_DM: Origin = {
  user: BOB,
  place: { kind: 'dm', channelId: '1120000000000000002' },
};

export type LogEntry = { level: string; fields: Record<string, unknown>; message?: string };

export function recordingLogger(): { logger: Logger; entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const record = (level: string) => (fields: Record<string, unknown>, message?: string) => {
    entries.push(message === undefined ? { level, fields } : { level, fields, message });
  };
  return {
    entries,
    logger: { info: record('info'), warn: record('warn'), error: record('error') },
  };
}

/** A stand-in engine: records events and answers with whatever `reply` gives. */
export type StubEngine = {
  readonly events: ChatEvent[];
  reply: (event: ChatEvent) => Promise<ChatMessage[]>;
  readonly handle: ChatHandler;
};

export function stubEngine(): StubEngine {
  const stub: StubEngine = {
    events: [],
    reply: async () => [],
    handle: async (event) => {
      stub.events.push(event);
      return stub.reply(event);
    },
  };
  return stub;
}

export function message(text: string, overrides: Partial<ChatMessage> = {}): ChatMessage {
  return { text, buttons: [], select: null, replace: false, ...overrides };
}

export type Harness = {
  readonly fake: FakeDiscord;
  readonly adapter: BotAdapter;
  readonly entries: LogEntry[];
  close(): Promise<void>;
};

/** A fake Discord and an adapter started against it (commands registered, gateway ready). */
export async function startHarness(
  handle: ChatHandler,
  guildId: string | null = GUILD_ID,
  heartbeatIntervalMs?: number,
): Promise<Harness> {
  const fake = await startFakeDiscord(heartbeatIntervalMs);
  const { logger, entries } = recordingLogger();
  const adapter = createDiscordAdapter({
    token: FAKE_TOKEN,
    applicationId: FAKE_APPLICATION_ID,
    guildId,
    apiUrl: fake.rest.apiUrl,
    handle,
    logger,
  });
  await adapter.start();
  return {
    fake,
    adapter,
    entries,
    close: async () => {
      await adapter.stop();
      await fake.close();
    },
  };
}

/** Calls made with an interaction's token: its callback and its webhook messages. */
export function callsFor(fake: FakeDiscord, token: string): RecordedCall[] {
  return fake.rest.calls.filter((call) => call.path.includes(`/${token}`));
}

export function isCall(method: string, path: string): (call: RecordedCall) => boolean {
  return (call) => call.method === method && call.path === path;
}

export function originalPath(token: string): string {
  return `/webhooks/${FAKE_APPLICATION_ID}/${token}/messages/@original`;
}

export function followUpPath(token: string): string {
  return `/webhooks/${FAKE_APPLICATION_ID}/${token}`;
}

export function callbackPath(id: string, token: string): string {
  return `/interactions/${id}/${token}/callback`;
}

/** The message Discord would show after the bot's `call` (an edit or follow-up), for clicking on. */
export function shownMessage(call: RecordedCall, channelId: string): APIMessage {
  return fakeMessage(call.body, channelId, FAKE_APPLICATION_ID, FAKE_APPLICATION_ID);
}
