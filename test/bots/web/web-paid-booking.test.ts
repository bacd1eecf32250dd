// Paid bookings on the web chat, through its HTTP routes (POST /webchat/events, GET /webchat/inbox):
// the Pay link as the page receives it, paying at the Stripe fake, releasing, a lapsed hold.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type PaidUser,
  type PaidWorld,
  startPaidWorld,
  walkChangedMind,
  walkLapsedPay,
  walkPaidBooking,
} from '../paid-walks.ts';
import { startWebPayers } from './web-transcript-user.ts';

let w: PaidWorld;
let webPayer: () => PaidUser;
let errors: unknown[];

beforeAll(async () => {
  w = await startPaidWorld();
  ({ payer: webPayer, errors } = startWebPayers(w));
});
afterAll(() => w.stripe.close());

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
