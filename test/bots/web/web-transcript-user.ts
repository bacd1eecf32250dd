// Web chat users for the transcript, series, paid and waitlist walks, built over the adapter's HTTP routes.

import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { expect } from 'vitest';
import { createWebChatAdapter } from '../../../bots/web/create-web-chat-adapter.ts';
import type { ChatMessage } from '../../../src/chat/chat-types.ts';
import { handleChatEvent } from '../../../src/chat/handle-chat-event.ts';
import { createProviderDirectory } from '../../../src/chat/provider-directory.ts';
import { createRoutingMessenger } from '../../../src/chat/routing-messenger.ts';
import type { Database } from '../../../src/db/database.ts';
import { LANGUAGES, type Language } from '../../../src/i18n/languages.ts';
import { testChatDeps } from '../../support/deliver-changes.ts';
import { MONDAY_MORNING } from '../../support/fixtures.ts';
import type { Shown, TranscriptPlatform, TranscriptUser } from '../../support/transcripts.ts';
import type { WalkedAdapter } from '../describe-walks.ts';
import type { PaidShown, PaidUser, PaidWorld } from '../paid-walks.ts';

/** What the browser reports: its time zone and language (null: none). */
type Browser = { readonly timezone: string | null; readonly locale?: string | null };

/**
 * Say, press and screen for web chat user `id` through `app`: POST /webchat/events for what they
 * type or press, GET /webchat/inbox for DMs. `browser` is what the page reports with each event.
 */
function webChatUser<S>(app: Hono, id: string, browser: Browser, toShown: (m: ChatMessage) => S) {
  const { timezone, locale } = browser;
  /** Every message this user was shown, oldest first: answers and DMs. */
  const seen: ChatMessage[] = [];
  let cursor: string | null = null;
  async function catchUp(): Promise<void> {
    const query = new URLSearchParams({ user: id, ...(cursor ? { cursor } : {}) });
    const res = await app.request(`/webchat/inbox?${query}`);
    expect(res.status).toBe(200);
    const page = (await res.json()) as { messages: ChatMessage[]; cursor: string };
    seen.push(...page.messages);
    cursor = page.cursor;
  }
  async function send(input: unknown): Promise<S[]> {
    await catchUp();
    const res = await app.request('/webchat/events', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        user: id,
        timezone,
        ...(locale ? { locale } : {}),
        updateId: randomUUID(),
        input,
      }),
    });
    expect(res.status).toBe(200);
    const { messages } = (await res.json()) as { messages: ChatMessage[] };
    seen.push(...messages);
    return messages.map(toShown);
  }
  return {
    say: (text: string) => send({ kind: 'line', text }),
    async press(label: RegExp) {
      await catchUp();
      for (const message of [...seen].reverse()) {
        const button = message.buttons.flat().find((b) => label.test(b.label));
        if (button) return send({ kind: 'action', data: button.data, text: null });
      }
      throw new Error(`no button matching ${label} for ${id}`);
    },
    async screen() {
      await catchUp();
      return seen.map(toShown);
    },
  };
}

type Logger = Parameters<typeof createWebChatAdapter>[0]['logger'];

/** A logger that keeps what is logged as an error in `errors` and drops the rest. */
const keepingErrors = (errors: unknown[]): Logger => ({
  info() {},
  warn() {},
  error: (fields: unknown) => errors.push(fields),
});

/** The web chat adapter handing events to `handle`, mounted on a new Hono app. */
function mountWebChat(
  db: Database,
  handle: Parameters<typeof createWebChatAdapter>[0]['handle'],
  clock: () => Date,
  logger: Logger,
) {
  const adapter = createWebChatAdapter({
    providers: createProviderDirectory(db, clock),
    handle,
    logger,
    clock,
  });
  const app = new Hono();
  adapter.mount(app);
  return { adapter, app };
}

const toShown = (m: ChatMessage): Shown => ({
  text: m.text,
  buttons: m.buttons.flat().map((b) => b.label),
});

/**
 * The web chat on the real engine over `db` at MONDAY_MORNING, and the platform the transcript
 * walks use; no walk may log an error.
 */
export async function startWebWalks(db: Database): Promise<WalkedAdapter> {
  const errors: unknown[] = [];
  const messenger = createRoutingMessenger();
  const logger = keepingErrors(errors);
  const deps = testChatDeps(db, messenger, logger);
  const { adapter, app } = mountWebChat(
    db,
    (event) => handleChatEvent(deps, event, MONDAY_MORNING),
    () => MONDAY_MORNING,
    logger,
  );
  messenger.register('web', adapter.messenger);
  const webUser = (id: string, name: string, browser: Browser): TranscriptUser => ({
    name,
    ...webChatUser(app, id, browser, toShown),
  });
  /** The browser's language for a person who speaks `speaks` ('de-DE'), else none. */
  const localeOf = (speaks: Language | undefined) => (speaks ? LANGUAGES[speaks].locale : null);
  const platform: TranscriptPlatform = {
    // Guests go by "Guest <first id digits>", whatever their name.
    async client(_name, hint, speaks) {
      const id = `guest-${randomUUID()}`;
      const timezone = hint ? 'Europe/Berlin' : null;
      return webUser(id, `Guest ${id.slice(6, 10)}`, { timezone, locale: localeOf(speaks) });
    },
    // A provider persona is linked on its first use, through /link like a person, and goes by the
    // provider's name. Its first use is here (/help), as the other platforms send /link here, so
    // the DMs a walk causes reach it.
    async provider(_name, providerId, speaks) {
      const row = await createProviderDirectory(db, () => MONDAY_MORNING).findActive(providerId);
      if (!row) throw new Error('no provider');
      const browser = { timezone: 'Europe/Berlin', locale: localeOf(speaks) };
      const user = webUser(`provider-${providerId}`, row.name, browser);
      await user.say('/help');
      return user;
    },
  };
  return { platform, afterWalk: () => expect(errors).toEqual([]), close() {} };
}

const toPaidShown = (m: ChatMessage): PaidShown => ({
  text: m.text,
  buttons: m.buttons.flat().map((b) => b.label),
  link: m.link ?? null,
});

/**
 * The web chat on the engine of `w`, and guests whose browser reports Europe/Berlin to walk with
 * (the inbox brings their DMs); `errors` collects what the adapter logged as an error.
 */
export function startWebPayers(w: PaidWorld) {
  const errors: unknown[] = [];
  const { adapter, app } = mountWebChat(
    w.t.db,
    (event) => handleChatEvent(w.deps, event, w.clock.now),
    () => w.clock.now,
    keepingErrors(errors),
  );
  w.messenger.register('web', adapter.messenger);
  const payer = (): PaidUser =>
    webChatUser(app, `guest-${randomUUID()}`, { timezone: 'Europe/Berlin' }, toPaidShown);
  return { payer, errors };
}
