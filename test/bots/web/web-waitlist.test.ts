// Waitlist offers on the web chat, through its HTTP routes (POST /webchat/events, GET
// /webchat/inbox): the offer DM as the page receives it, Book, and No thanks passing it on.
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebChatAdapter } from '../../../bots/web/create-web-chat-adapter.ts';
import type { ChatMessage } from '../../../src/chat/chat-types.ts';
import { handleChatEvent } from '../../../src/chat/handle-chat-event.ts';
import { createProviderDirectory } from '../../../src/chat/provider-directory.ts';
import { type PaidShown, type PaidUser, type PaidWorld, startPaidWorld } from '../paid-walks.ts';
import { seedFridayProvider, walkWaitlistOffer, walkWaitlistPass } from '../waitlist-walks.ts';

let w: PaidWorld;
let app: Hono;
let cleo: string;
const errors: unknown[] = [];

beforeAll(async () => {
  w = await startPaidWorld();
  cleo = await seedFridayProvider(w);
  const adapter = createWebChatAdapter({
    providers: createProviderDirectory(w.t.db, () => w.clock.now),
    handle: (event) => handleChatEvent(w.deps, event, w.clock.now),
    logger: { info() {}, warn() {}, error: (fields: unknown) => errors.push(fields) },
    clock: () => w.clock.now,
  });
  w.messenger.register('web', adapter.messenger);
  app = new Hono();
  adapter.mount(app);
});
afterAll(() => w.stripe.close());

const toShown = (m: ChatMessage): PaidShown => ({
  text: m.text,
  buttons: m.buttons.flat().map((b) => b.label),
  link: m.link ?? null,
});

/** A guest whose browser reports Europe/Berlin; the inbox brings DMs (the offer). */
function guest(): PaidUser {
  const id = `guest-${randomUUID()}`;
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
  async function send(input: unknown): Promise<PaidShown[]> {
    await catchUp();
    const res = await app.request('/webchat/events', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: id, timezone: 'Europe/Berlin', updateId: randomUUID(), input }),
    });
    expect(res.status).toBe(200);
    const { messages } = (await res.json()) as { messages: ChatMessage[] };
    seen.push(...messages);
    return messages.map(toShown);
  }
  return {
    say: (text) => send({ kind: 'line', text }),
    async press(label) {
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

describe('waitlist offers on the web chat', () => {
  it('a time opens: the offer DM reaches the next in line, whose Book books it', async () => {
    await walkWaitlistOffer(w, cleo, guest(), guest());
    expect(errors).toEqual([]);
  });

  it('No thanks passes the time to the next in line, who books it', async () => {
    await walkWaitlistPass(w, cleo, { a: guest(), b: guest(), c: guest() });
    expect(errors).toEqual([]);
  });
});
