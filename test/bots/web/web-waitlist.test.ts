// Waitlist offers on the web chat, through its HTTP routes (POST /webchat/events, GET
// /webchat/inbox): the offer DM as the page receives it, Book, and No thanks passing it on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PaidUser, type PaidWorld, startPaidWorld } from '../paid-walks.ts';
import { seedFridayProvider, walkWaitlistOffer, walkWaitlistPass } from '../waitlist-walks.ts';
import { startWebPayers } from './web-transcript-user.ts';

let w: PaidWorld;
let guest: () => PaidUser;
let cleo: string;
let errors: unknown[];

beforeAll(async () => {
  w = await startPaidWorld();
  cleo = await seedFridayProvider(w);
  ({ payer: guest, errors } = startWebPayers(w));
});
afterAll(() => w.stripe.close());

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
