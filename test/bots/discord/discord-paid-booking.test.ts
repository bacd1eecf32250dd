// Paid bookings on Discord: discord.js against the fake REST API and gateway, the engine paying
// through the Stripe fake; the Pay link is a Link-style button, which Discord opens without telling the bot.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type PaidUser,
  type PaidWorld,
  startPaidWorld,
  walkChangedMind,
  walkLapsedPay,
  walkPaidBooking,
} from '../paid-walks.ts';
import type { Harness } from './discord-harness.ts';
import { startDiscordPayers } from './discord-payer.ts';

let w: PaidWorld;
let harness: Harness;
let payer: () => PaidUser;

beforeAll(async () => {
  w = await startPaidWorld();
  ({ harness, payer } = await startDiscordPayers(w));
});
afterAll(async () => {
  await harness.close();
  await w.stripe.close();
});
afterEach(() => {
  expect(harness.entries.filter((entry) => entry.level === 'error')).toEqual([]);
});

describe('paid bookings on Discord', () => {
  it('book, pay by the link, see it confirmed in /mybookings', async () => {
    await walkPaidBooking(w, payer(), 10);
  });

  it('changing their mind: Release the hold, Released, the time free for the next person', async () => {
    await walkChangedMind(w, payer(), payer(), 11);
  });

  it('a Pay button after the hold lapsed says the time was released and offers /book', async () => {
    await walkLapsedPay(w, payer(), 12);
  });
});
