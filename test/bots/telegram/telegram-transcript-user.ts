// Telegram users for the transcript, series and waitlist walks, built over grammY and the fake Bot API.
import { createLinkCode } from '../../../src/chat/create-link-code.ts';
import type { Database } from '../../../src/db/database.ts';
import type { Language } from '../../../src/i18n/languages.ts';
import type { Shown, TranscriptPlatform, TranscriptUser } from '../../support/transcripts.ts';
import type { WalkedAdapter } from '../describe-walks.ts';
import type { PaidShown, PaidUser } from '../paid-walks.ts';
import { expectAllCallsAccepted, NOW, person, startEngineHarness } from './engine-harness.ts';
import { type Conversation, converse } from './telegram-conversation.ts';
import type { WebhookHarness } from './telegram-harness.ts';

type Message = ReturnType<Conversation['shown']>[number];

/** Say, press and screen over `chat`; each step answers with the messages it sent or edited. */
function stepsOf<S>(chat: Conversation, toShown: (m: Message) => S) {
  const answered = async (act: Promise<void>): Promise<S[]> => {
    const before = new Map(chat.shown().map((m) => [m.messageId, JSON.stringify(m)]));
    await act;
    return chat
      .shown()
      .filter((m) => before.get(m.messageId) !== JSON.stringify(m))
      .map(toShown);
  };
  return {
    say: (text: string) => answered(chat.say(text)),
    press: (label: RegExp) => answered(chat.press(label)),
    screen: async () => chat.shown().map(toShown),
  };
}

const toShown = (m: Message): Shown => ({ text: m.text, buttons: m.buttons.map((b) => b.text) });

/**
 * The platform the transcript walks use on the bot behind `h` (the engine over `db` at NOW).
 * Telegram tells no time zone: a client with a hint is asked all the same. A user who speaks a
 * language sends it as every update's `from.language_code`.
 */
function telegramTranscripts(h: WebhookHarness, db: Database): TranscriptPlatform {
  let nextId = 9_000;
  function telegramUser(name: string, speaks: Language | undefined): TranscriptUser {
    nextId += 1;
    const from = { ...person(nextId, name), ...(speaks ? { language_code: speaks } : {}) };
    return { name, ...stepsOf(converse(h, from), toShown) };
  }
  return {
    client: async (name, _hint, speaks) => telegramUser(name, speaks),
    async provider(name, providerId, speaks) {
      const user = telegramUser(name, speaks);
      const code = await createLinkCode(db, providerId, NOW);
      if (!code.ok) throw new Error('no link code');
      await user.say(`/link ${code.value.code}`);
      return user;
    },
  };
}

const toPaidShown = (m: Message): PaidShown => ({ ...toShown(m), link: null });

/** New Telegram users on the bot behind `h`, each telling no time zone (the engine asks). */
export function telegramWalkers(h: WebhookHarness): () => PaidUser {
  let nextId = 31_000;
  return () => {
    nextId += 1;
    return stepsOf(converse(h, person(nextId, `Client ${nextId}`)), toPaidShown);
  };
}

/** The engine over `db` behind grammY on the fake Bot API; every call the bot makes must be accepted. */
export async function startTelegramWalks(db: Database): Promise<WalkedAdapter> {
  const h = await startEngineHarness(db);
  return {
    platform: telegramTranscripts(h, db),
    afterWalk: () => expectAllCallsAccepted(h),
    close: () => h.close(),
  };
}
