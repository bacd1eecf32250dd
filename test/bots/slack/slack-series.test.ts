// Weekly series on Slack (test/bots/series-walks.ts): Bolt against the fake Web API, the real
// engine and database behind it; the profile's zone is the hint, an empty one makes the engine ask.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLinkCode } from '../../../src/chat/create-link-code.ts';
import { handleChatEvent } from '../../../src/chat/handle-chat-event.ts';
import { createRoutingMessenger } from '../../../src/chat/routing-messenger.ts';
import { eventBody, slashCommandBody } from '../../fakes/slack-requests.ts';
import { testChatDeps } from '../../support/deliver-changes.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';
import {
  type Shown,
  seedTranscriptCatalog,
  type TranscriptCatalog,
  type TranscriptPlatform,
  type TranscriptUser,
} from '../../support/transcripts.ts';
import { SERIES_WALKS } from '../series-walks.ts';
import { click, type ShownMessage, shownMessages } from './slack-conversation.ts';
import { createSlackHarness, FORM, JSON_TYPE, NOW, type SlackHarness } from './slack-harness.ts';

let t: TestDatabase;
let harness: SlackHarness;
let catalog: TranscriptCatalog;
let sent = 0;

beforeAll(async () => {
  t = await createTestDatabase();
  catalog = await seedTranscriptCatalog(t.db);
  const messenger = createRoutingMessenger();
  const deps = testChatDeps(t.db, messenger, { info() {}, warn() {}, error() {} });
  harness = await createSlackHarness((event) => handleChatEvent(deps, event, NOW));
  messenger.register('slack', harness.adapter.messenger);
});
afterAll(() => harness.close());
afterEach(() => {
  // Every call the adapter made was accepted by the fake, and the adapter logged no error.
  const refused = harness.api.calls.filter((c) => c.result?.ok !== true);
  expect(refused.map((c) => [c.method, c.result])).toEqual([]);
  expect(harness.logs.filter((e) => e.level === 'error')).toEqual([]);
});

const toShown = (m: ShownMessage): Shown => ({
  text: m.text,
  buttons: m.buttons.map((b) => b.label),
});

/** A Slack user in their DM with the bot: /commands as slash commands, words as DM messages. */
function slackUser(name: string, tz: string): TranscriptUser {
  sent += 1;
  const id = `U${name.toUpperCase()}${sent}`;
  const channel = `D${id}`;
  harness.api.users.set(id, { name, realName: name, tz });
  const screen = () => shownMessages(harness.api, channel);
  const answered = async (act: () => Promise<Response>): Promise<Shown[]> => {
    const before = new Map(screen().map((m) => [m.ts, JSON.stringify(m)]));
    expect((await act()).status).toBe(200);
    await harness.adapter.idle();
    return screen()
      .filter((m) => before.get(m.ts) !== JSON.stringify(m))
      .map(toShown);
  };
  return {
    name,
    say(text) {
      sent += 1;
      const slash = /^\/(\S+)\s*(.*)$/.exec(text);
      const body = slash
        ? slashCommandBody({
            command: `/${slash[1]}`,
            text: slash[2] ?? '',
            userId: id,
            triggerId: `transcript-${sent}`,
          })
        : eventBody(`EvTranscript${sent}`, {
            type: 'message',
            channel_type: 'im',
            channel,
            user: id,
            text,
            ts: `1700005000.${String(sent).padStart(6, '0')}`,
          });
      return answered(() => harness.send(body, slash ? FORM : JSON_TYPE));
    },
    press(label) {
      const message = screen()
        .reverse()
        .find((m) => m.buttons.some((b) => label.test(b.label)));
      if (!message) throw new Error(`no button matching ${label} in ${channel}`);
      return answered(() => click(harness, id, message, (b) => label.test(b.label)));
    },
    screen: async () => screen().map(toShown),
  };
}

// A Slack profile without a zone ('') tells none, so the engine asks.
const slack: TranscriptPlatform = {
  client: async (name, hint) => slackUser(name, hint ? 'Europe/Berlin' : ''),
  async provider(name, providerId) {
    const user = slackUser(name, 'Europe/Berlin');
    const code = await createLinkCode(t.db, providerId, NOW);
    if (!code.ok) throw new Error('no link code');
    await user.say(`/link ${code.value.code}`);
    return user;
  },
};

describe('weekly series on Slack', () => {
  it.each(SERIES_WALKS)('$flow', async ({ run }) => {
    await run(slack, catalog, t.db);
  });
});
