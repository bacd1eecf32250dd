// Paid bookings on the web chat, through its HTTP routes (POST /webchat/events, GET /webchat/inbox):
// the Pay link as the page receives it, paying at the Stripe fake, releasing, a lapsed hold.
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebChatAdapter } from '../../../bots/web/create-web-chat-adapter.ts';
import type { ChatMessage } from '../../../src/chat/chat-types.ts';
import { handleChatEvent } from '../../../src/chat/handle-chat-event.ts';
import { createProviderDirectory } from '../../../src/chat/provider-directory.ts';
import {
  type PaidShown,
  type PaidUser,
  type PaidWorld,
  startPaidWorld,
  walkChangedMind,
  walkLapsedPay,
  walkPaidBooking,
} from '../paid-walks.ts';

let w: PaidWorld;
let app: Hono;
const errors: unknown[] = [];

beforeAll(async () => {
  w = await startPaidWorld();
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

/** A guest whose browser reports Europe/Berlin. */
function webPayer(): PaidUser {
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

describe('paid bookings on the web chat', () => {
  it('book, pay by the link, see it confirmed in /mybookings', async () => {
    await walkPaidBooking(w, webPayer(), 10);
    expect(errors).toEqual([]);
  });

  it('changing their mind: Release the hold, Released, the time free for the next person', async () => {
    await walkChangedMind(w, webPayer(), webPayer(), 11);
    expect(errors).toEqual([]);
  });

  it('a Pay button after the hold lapsed says the time was released and offers /book', async () => {
    await walkLapsedPay(w, webPayer(), 12);
    expect(errors).toEqual([]);
  });
});
