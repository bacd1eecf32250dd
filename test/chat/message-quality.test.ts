// A walk through the main flows, as a client and a provider, holding every reply to plain
// writing: no sentence said twice in one reply, no brackets inside brackets, and the service and
// provider named once per message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatInput, ChatMessage, ChatUser } from '../../src/chat/chat-types.ts';
import { createLinkCode } from '../../src/chat/create-link-code.ts';
import {
  action,
  buttonData,
  type Catalog,
  type ChatHarness,
  chatUser,
  command,
  createChatHarness,
  NOW,
  say,
  seedCatalog,
  text,
} from './chat-harness.ts';

let h: ChatHarness;
let c: Catalog;
/** Every message the walk saw, replies and DMs, with what led to it. */
const seen: { step: string; message: ChatMessage }[] = [];

beforeAll(async () => {
  h = await createChatHarness();
  c = await seedCatalog(h);
});

/** Sends `input` as `user`, records the replies and the DMs it caused, and returns the replies. */
async function step(user: ChatUser, input: ChatInput, label: string): Promise<ChatMessage[]> {
  const replies = await say(h, user, input);
  for (const message of replies) seen.push({ step: label, message });
  for (const sent of h.messenger.sent.splice(0))
    seen.push({ step: `${label} (DM)`, message: sent.message });
  return replies;
}

/** The sentences of a text: split at line ends and after . ! ? followed by a space. */
function sentences(value: string): string[] {
  return value
    .split(/\n|(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** True when a bracket opens inside another. */
function nestsBrackets(value: string): boolean {
  let depth = 0;
  for (const ch of value) {
    if (ch === '(') depth += 1;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (depth > 1) return true;
  }
  return false;
}

async function clientWalk(): Promise<void> {
  const cleo = chatUser('q1', 'Cleo');
  await step(cleo, command('start'), '/start');
  const asked = await step(cleo, command('book'), '/book (new)');
  const who = await step(cleo, action(buttonData(asked, 'Berlin')), 'time zone button');
  const what = await step(cleo, action(buttonData(who, 'Anna Weber')), 'provider');
  const day = await step(cleo, action(buttonData(what, /^Massage/)), 'service');
  const times = await step(cleo, action(buttonData(day, /^Tue 1 Dec/)), 'day');
  const summary = await step(cleo, action(buttonData(times, /^10:00/)), 'time');
  await step(cleo, action(buttonData(summary, 'Confirm')), 'confirm');
  const list = await step(cleo, command('mybookings'), '/mybookings');
  const days = await step(cleo, action(buttonData(list, 'Reschedule 1')), 'reschedule');
  const newTimes = await step(cleo, action(buttonData(days, /^Wed 2 Dec/)), 'reschedule day');
  const moveSummary = await step(cleo, action(buttonData(newTimes, /^11:00/)), 'reschedule time');
  await step(cleo, action(buttonData(moveSummary, 'Confirm')), 'reschedule confirm');
  const again = await step(cleo, command('mybookings'), '/mybookings again');
  const ask = await step(cleo, action(buttonData(again, 'Cancel 1')), 'cancel');
  await step(cleo, action(buttonData(ask, 'Yes, cancel it')), 'cancel yes');
  await step(cleo, command('help'), '/help');
  await step(cleo, command('timezone'), '/timezone');
  await step(cleo, command('timezone', 'Tokyo'), '/timezone Tokyo');
  await step(cleo, text('hello'), 'free text');
  await step(cleo, command('frobnicate'), 'unknown command');
}

async function providerWalk(): Promise<void> {
  const anna = chatUser('q9', 'Anna', { timezone: 'Europe/Berlin' });
  const code = await createLinkCode(h.db.db, c.anna, NOW);
  if (!code.ok) throw new Error('no link code');
  await step(anna, command('link', code.value.code), '/link');
  await step(anna, command('help'), '/help (provider)');
  const dora = chatUser('q2', 'Dora', { timezone: 'Europe/London' });
  const who = await step(dora, command('book'), '/book');
  const what = await step(dora, action(buttonData(who, 'Anna Weber')), 'provider');
  const day = await step(dora, action(buttonData(what, /^Check-up/)), 'service');
  const times = await step(dora, action(buttonData(day, /^Tue 1 Dec/)), 'day');
  const summary = await step(dora, action(buttonData(times, /^11:00/)), 'time');
  await step(dora, action(buttonData(summary, 'Confirm')), 'request');
  await step(anna, command('today'), '/today');
  const request = seen.filter((s) => s.step === 'request (DM)').map((s) => s.message);
  await step(anna, action(buttonData(request, 'Decline'), 'Fully booked'), 'decline');
}

describe('every reply reads as one person would write it', () => {
  beforeAll(async () => {
    await clientWalk();
    await providerWalk();
  });
  afterAll(() => {
    seen.length = 0;
  });

  it('walked the flows', () => {
    expect(seen.length).toBeGreaterThan(25);
    if (process.env.SHOW_WALK) {
      for (const { step: where, message } of seen) console.log(`## ${where}\n${message.text}`);
    }
  });

  it('says no sentence twice in one message', () => {
    const repeats = seen.flatMap(({ step: where, message }) => {
      const all = sentences(message.text);
      const twice = all.filter((s, i) => all.indexOf(s) !== i);
      return twice.map((s) => `${where}: "${s}"`);
    });
    expect(repeats).toEqual([]);
  });

  it('nests no brackets', () => {
    const nested = seen.filter(({ message }) => nestsBrackets(message.text));
    expect(nested.map(({ step: where, message }) => `${where}: ${message.text}`)).toEqual([]);
  });

  it('names the service with its provider at most once per message', () => {
    const twice = seen.filter(({ message }) => {
      return (message.text.match(/(Massage|Check-up) with Anna Weber/g) ?? []).length > 1;
    });
    expect(twice.map(({ step: where, message }) => `${where}: ${message.text}`)).toEqual([]);
  });
});
