// Waitlist offers on Discord: discord.js against the fake REST API and gateway, the engine behind
// it; the offer DM is a message in the user's DM channel, its Book and No thanks are buttons.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type PaidUser, type PaidWorld, startPaidWorld } from '../paid-walks.ts';
import { seedFridayProvider, walkWaitlistOffer, walkWaitlistPass } from '../waitlist-walks.ts';
import type { Harness } from './discord-harness.ts';
import { startDiscordPayers } from './discord-payer.ts';

let w: PaidWorld;
let harness: Harness;
let user: () => PaidUser;
let cleo: string;

beforeAll(async () => {
  w = await startPaidWorld();
  cleo = await seedFridayProvider(w);
  ({ harness, payer: user } = await startDiscordPayers(w));
});
afterAll(async () => {
  await harness.close();
  await w.stripe.close();
});
afterEach(() => {
  expect(harness.entries.filter((entry) => entry.level === 'error')).toEqual([]);
});

describe('waitlist offers on Discord', () => {
  it('a time opens: the offer DM reaches the next in line, whose Book books it', async () => {
    await walkWaitlistOffer(w, cleo, user(), user());
  });

  it('No thanks passes the time to the next in line, who books it', async () => {
    await walkWaitlistPass(w, cleo, { a: user(), b: user(), c: user() });
  });
});
