// Workers for waitlists: walk a provider's line when time frees, and tell each new offer.
import type { PgBoss } from 'pg-boss';
import type { Database } from '../db/database.ts';
import { offerFreedSlots } from '../waitlist/offer-freed-slots.ts';
import { deterministicJobId } from './job-ids.ts';
import type { JobsDeps } from './jobs-deps.ts';
import { QUEUES } from './queues.ts';
import { settleEach } from './settle-jobs.ts';
import { sendWaitlistOffer } from './waitlist-offer-dm.ts';
import {
  type WaitlistOffersPayload,
  waitlistDmPayload,
  waitlistOffersPayload,
} from './waitlist-plan.ts';
import { workOptions } from './work-options.ts';

/** WAITLIST_OFFER_MINUTES when the composition root gives none (tests). */
const DEFAULT_OFFER_MINUTES = 10;

/** An expiry walk ran before its offer lapsed (clocks apart); pg-boss tries it again later. */
class OfferNotDueError extends Error {
  override name = 'OfferNotDueError';
}

/**
 * Registers the two waitlist workers. An offers job runs offerFreedSlots for its provider, then
 * makes sure every OPEN offer of the provider has its DM job and an offers job at its expiry
 * (ids from the offer, so pg-boss keeps one of each however often this runs): a crash between
 * the offer's commit and the sends is mended by the next run (a pass, a leave, the hourly sweep).
 * The expiry job walks the line again, so a lapsed offer goes to the next in line; one that runs
 * before its offer lapsed by this instance's clock fails, and pg-boss retries it shortly.
 */
export async function workWaitlist(
  boss: PgBoss,
  deps: JobsDeps,
  pollingIntervalSeconds: number,
): Promise<void> {
  await boss.work<unknown>(
    QUEUES.waitlistOffers,
    workOptions(QUEUES.waitlistOffers, pollingIntervalSeconds),
    (jobs) =>
      settleEach(deps, jobs, waitlistOffersPayload, (d, _id, payload) =>
        offerAndTell(boss, d, payload),
      ),
  );
  await boss.work<unknown>(
    QUEUES.waitlistDm,
    workOptions(QUEUES.waitlistDm, pollingIntervalSeconds),
    (jobs) => settleEach(deps, jobs, waitlistDmPayload, sendWaitlistOffer),
  );
}

async function offerAndTell(boss: PgBoss, deps: JobsDeps, payload: WaitlistOffersPayload) {
  const offerMinutes = deps.waitlistOfferMinutes ?? DEFAULT_OFFER_MINUTES;
  const now = deps.clock();
  await offerFreedSlots(deps.db, { providerId: payload.providerId, offerMinutes }, now);
  const open = await openOffers(deps.db, payload.providerId);
  await queueTelling(boss, payload.providerId, open);
  const early = open.find((offer) => offer.id === payload.offerId && offer.expiresAt > now);
  if (early) throw new OfferNotDueError('the offer has not lapsed yet');
}

/** A DM job and an expiry walk per open offer; ids from the offer, so each is queued once. */
async function queueTelling(
  boss: PgBoss,
  providerId: string,
  open: readonly { id: string; expiresAt: Date }[],
): Promise<void> {
  if (open.length === 0) return;
  await boss.insert(
    QUEUES.waitlistDm,
    open.map((offer) => ({
      id: deterministicJobId(['waitlist-dm', offer.id]),
      data: { offerId: offer.id },
    })),
  );
  await boss.insert(
    QUEUES.waitlistOffers,
    open.map((offer) => ({
      id: deterministicJobId(['waitlist-expiry', offer.id]),
      data: { providerId, offerId: offer.id },
      startAfter: offer.expiresAt,
    })),
  );
}

async function openOffers(db: Database, providerId: string) {
  const { rows } = await db.$client.query<{ id: string; expiresAt: Date }>(
    `select id, expires_at as "expiresAt" from waitlist_offers
      where provider_id = $1 and status = 'OPEN'`,
    [providerId],
  );
  return rows;
}

/**
 * Queues a walk of the provider's line now (after a pass or a leave, or from the hourly sweep).
 * Many at once are harmless: each walk is serialised by the provider lock and offers nothing twice.
 */
export async function requestWaitlistOffers(boss: PgBoss, providerId: string): Promise<void> {
  await boss.send(QUEUES.waitlistOffers, { providerId });
}

/** Providers with someone waiting or an offer open: the hourly sweep walks their lines. */
export async function providersWithWaitlists(db: Database): Promise<string[]> {
  const { rows } = await db.$client.query<{ id: string }>(
    `select distinct provider_id as id from waitlist_entries where status = 'WAITING'
     union select distinct provider_id from waitlist_offers where status = 'OPEN'`,
  );
  return rows.map((r) => r.id);
}
