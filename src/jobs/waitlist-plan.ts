// Which appointment events free a time a waitlist may want: they start a round of offers.
import { z } from 'zod';
import type { ChangeJob } from './change-job.ts';
import { deterministicJobId } from './job-ids.ts';
import { QUEUES } from './queues.ts';
import type { RelayedEvent } from './relayed-event.ts';

/**
 * Walk one provider's line (offerFreedSlots) and tell the new offers. `offerId` marks the walk
 * at that offer's expiry, which must not finish before the offer has lapsed.
 */
export const waitlistOffersPayload = z.object({
  providerId: z.uuid(),
  offerId: z.uuid().optional(),
});
export type WaitlistOffersPayload = z.infer<typeof waitlistOffersPayload>;

/** Tell one offer's client (chat, and mail when they have an address). */
export const waitlistDmPayload = z.object({ offerId: z.uuid() });
export type WaitlistDmPayload = z.infer<typeof waitlistDmPayload>;

/**
 * A `waitlist-offers` job for the provider when `event` frees time: CANCELLED, DECLINED,
 * RESCHEDULED (the old time) and HOLD_EXPIRED; none for any other type. The id comes from the
 * event id, so relaying it again adds none.
 */
export function planWaitlistJobs(event: RelayedEvent): ChangeJob<WaitlistOffersPayload>[] {
  switch (event.type) {
    case 'CANCELLED':
    case 'DECLINED':
    case 'RESCHEDULED':
    case 'HOLD_EXPIRED':
      return [
        {
          queue: QUEUES.waitlistOffers,
          id: deterministicJobId(['waitlist-offers', String(event.id)]),
          data: { providerId: event.providerId },
        },
      ];
    case 'BOOKED':
    case 'APPROVED':
    case 'COMPLETED':
    case 'NO_SHOW':
    case 'PAID':
    case 'LATE_PAYMENT':
    case 'REFUNDED':
    case 'REFUND_FAILED':
    case 'DELIVERY_FAILED':
      return [];
  }
}
