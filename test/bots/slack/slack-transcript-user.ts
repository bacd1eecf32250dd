// Slack users for the transcript, series and paid walks, built over Bolt and the fake Web API.
import { expect } from 'vitest';
import { createLinkCode } from '../../../src/chat/create-link-code.ts';
import { handleChatEvent } from '../../../src/chat/handle-chat-event.ts';
import { createRoutingMessenger } from '../../../src/chat/routing-messenger.ts';
import type { Database } from '../../../src/db/database.ts';
import { LANGUAGES, type Language } from '../../../src/i18n/languages.ts';
import type { FakeSlackUser } from '../../fakes/slack-api.ts';
import { eventBody, slashCommandBody } from '../../fakes/slack-requests.ts';
import { testChatDeps } from '../../support/deliver-changes.ts';
import type { Shown, TranscriptPlatform, TranscriptUser } from '../../support/transcripts.ts';
import type { WalkedAdapter } from '../describe-walks.ts';
import { click, type ShownMessage, shownMessages } from './slack-conversation.ts';
import { createSlackHarness, FORM, JSON_TYPE, NOW, type SlackHarness } from './slack-harness.ts';

/** Counts users and what they send, so every id, trigger and event id is new. */
let sent = 0;

/** Names a walk's requests apart: slash trigger ids, event ids and message ts seconds. */
type SlackTag = {
  readonly trigger: string;
  readonly event: string;
  readonly seconds: string;
};

/** A new user id, its DM channel, and the profile the fake Web API gives for it. */
export function newSlackUser(
  harness: SlackHarness,
  id: (n: number) => string,
  profile: (n: number) => FakeSlackUser,
) {
  sent += 1;
  const user = id(sent);
  harness.api.users.set(user, profile(sent));
  return { id: user, channel: `D${user}` };
}

/**
 * Say, press and screen for user `id` in their DM `channel`: /commands as slash commands, words as
 * DM messages; each answer is the messages `screen()` shows new or changed afterwards.
 */
export function slackDmUser<M extends ShownMessage, S>(
  harness: SlackHarness,
  { id, channel }: { id: string; channel: string },
  screen: () => M[],
  toShown: (m: M) => S,
  tag: SlackTag,
) {
  const answered = async (act: () => Promise<Response>): Promise<S[]> => {
    const before = new Map(screen().map((m) => [m.ts, JSON.stringify(m)]));
    expect((await act()).status).toBe(200);
    await harness.adapter.idle();
    return screen()
      .filter((m) => before.get(m.ts) !== JSON.stringify(m))
      .map(toShown);
  };
  return {
    say(text: string) {
      sent += 1;
      const slash = /^\/(\S+)\s*(.*)$/.exec(text);
      const body = slash
        ? slashCommandBody({
            command: `/${slash[1]}`,
            text: slash[2] ?? '',
            userId: id,
            triggerId: `${tag.trigger}-${sent}`,
          })
        : eventBody(`${tag.event}${sent}`, {
            type: 'message',
            channel_type: 'im',
            channel,
            user: id,
            text,
            ts: `${tag.seconds}.${String(sent).padStart(6, '0')}`,
          });
      return answered(() => harness.send(body, slash ? FORM : JSON_TYPE));
    },
    press(label: RegExp) {
      const message = screen()
        .reverse()
        .find((m) => m.buttons.some((b) => label.test(b.label)));
      if (!message) throw new Error(`no button matching ${label} in ${channel}`);
      return answered(() => click(harness, id, message, (b) => label.test(b.label)));
    },
    screen: async () => screen().map(toShown),
  };
}

/** Every call the adapter made was accepted by the fake, and the adapter logged no error. */
export function expectSlackClean(harness: SlackHarness): void {
  const refused = harness.api.calls.filter((c) => c.result?.ok !== true);
  expect(refused.map((c) => [c.method, c.result])).toEqual([]);
  expect(harness.logs.filter((e) => e.level === 'error')).toEqual([]);
}

const toShown = (m: ShownMessage): Shown => ({
  text: m.text,
  buttons: m.buttons.map((b) => b.label),
});

/**
 * The adapter on the fake Slack with the real engine over `db` at NOW, and the platform the
 * transcript walks use. A Slack profile without a zone ('') tells none, so the engine asks; a
 * user who speaks a language has its locale ('de-DE') in users.info.
 */
export async function startSlackWalks(db: Database): Promise<WalkedAdapter> {
  const messenger = createRoutingMessenger();
  const deps = testChatDeps(db, messenger, { info() {}, warn() {}, error() {} });
  const harness = await createSlackHarness((event) => handleChatEvent(deps, event, NOW));
  messenger.register('slack', harness.adapter.messenger);

  /** A Slack user in their DM with the bot. */
  function slackUser(name: string, tz: string, speaks: Language | undefined): TranscriptUser {
    const locale = speaks ? { locale: LANGUAGES[speaks].locale } : {};
    const dm = newSlackUser(
      harness,
      (n) => `U${name.toUpperCase()}${n}`,
      () => ({ name, realName: name, tz, ...locale }),
    );
    const screen = () => shownMessages(harness.api, dm.channel);
    const tag = { trigger: 'transcript', event: 'EvTranscript', seconds: '1700005000' };
    return { name, ...slackDmUser(harness, dm, screen, toShown, tag) };
  }

  const platform: TranscriptPlatform = {
    client: async (name, hint, speaks) => slackUser(name, hint ? 'Europe/Berlin' : '', speaks),
    async provider(name, providerId, speaks) {
      const user = slackUser(name, 'Europe/Berlin', speaks);
      const code = await createLinkCode(db, providerId, NOW);
      if (!code.ok) throw new Error('no link code');
      await user.say(`/link ${code.value.code}`);
      return user;
    },
  };
  return { platform, afterWalk: () => expectSlackClean(harness), close: () => harness.close() };
}
