// Hourly clean-up: expired keys and OAuth states, lapsed chat state, settled request copies, lost holds.
import { lt } from 'drizzle-orm';
import type { PgBoss } from 'pg-boss';
import { pruneChatState } from '../chat/processed-updates.ts';
import type { Database } from '../db/database.ts';
import { idempotencyKeys, usedOAuthStates } from '../db/schema/infrastructure.ts';
import { sentRequests } from '../db/schema/sent-requests.ts';
import { releaseLapsedHolds } from '../payments/release-lapsed-holds.ts';
import { DAY_MS } from '../slots/time-units.ts';
import type { JobsDeps } from './jobs-deps.ts';
import { QUEUES } from './queues.ts';
import { requeueDueRefunds } from './requeue-due-refunds.ts';
import { providersWithWaitlists, requestWaitlistOffers } from './waitlist-workers.ts';

type HousekeepingResult = {
  readonly idempotencyKeys: number;
  readonly conversations: number;
  readonly updates: number;
  readonly oauthStates: number;
  readonly requestCopies: number;
};

/** A settled request copy is kept this long (for support questions), then forgotten. */
const SETTLED_COPY_DAYS = 30;

/**
 * Deletes idempotency keys that expired before `now`, spent OAuth states past their expiry (a
 * signed state is refused once expired anyway), request copies settled over 30 days ago (they
 * will never be edited again) and prunes chat state. Safe from any
 * instance at any time; returns how many rows went. Throws the database's error on a fault.
 * @internal Exported for tests too.
 */
export async function runHousekeeping(db: Database, now: Date): Promise<HousekeepingResult> {
  const keys = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.expiresAt, now))
    .returning({ key: idempotencyKeys.key });
  const chat = await pruneChatState(db, now);
  const states = await db
    .delete(usedOAuthStates)
    .where(lt(usedOAuthStates.expiresAt, now))
    .returning({ nonce: usedOAuthStates.nonce });
  const copies = await db
    .delete(sentRequests)
    .where(lt(sentRequests.settledAt, new Date(now.getTime() - SETTLED_COPY_DAYS * DAY_MS)))
    .returning({ messageId: sentRequests.messageId });
  return {
    idempotencyKeys: keys.length,
    ...chat,
    oauthStates: states.length,
    requestCopies: copies.length,
  };
}

/**
 * The safety net for unpaid holds: releases those more than a minute past their end whose own
 * job was lost (a restore, a purged queue), closing their checkouts when payments are on.
 * Returns how many were released.
 * @internal Exported for tests too.
 */
export function sweepLapsedHolds(deps: JobsDeps, now: Date): Promise<number> {
  const gateway = deps.payments?.gateway ?? null;
  return releaseLapsedHolds({ db: deps.db, gateway, logger: deps.logger }, now);
}

/**
 * Puts housekeeping on an hourly cron (UTC; one schedule however many instances call this) and
 * registers its worker, which also sweeps lapsed holds, retries refunds whose job gave up and
 * walks every waitlist with someone in it (its jobs may be lost). A failed run is retried by pg-boss; the
 * next hour runs anyway.
 */
export async function scheduleHousekeeping(boss: PgBoss, deps: JobsDeps): Promise<void> {
  await boss.schedule(QUEUES.housekeeping, '0 * * * *', null, { tz: 'UTC' });
  await boss.work(QUEUES.housekeeping, async () => {
    const now = deps.clock();
    const result = await runHousekeeping(deps.db, now);
    const holdsReleased = await sweepLapsedHolds(deps, now);
    const refundsRequeued = await requeueDueRefunds(boss, deps.db, now);
    // Lost waitlist jobs (a restore, a purged queue): every line with someone in it gets a walk.
    const waitlists = await providersWithWaitlists(deps.db);
    for (const providerId of waitlists) await requestWaitlistOffers(boss, providerId);
    deps.logger.info(
      { ...result, holdsReleased, refundsRequeued, waitlistsWalked: waitlists.length },
      'housekeeping done',
    );
  });
}
