// The stored copies of approval requests: kept when sent, read and settled once decided.
import { and, eq, isNull } from 'drizzle-orm';
import type { SentMessageRef } from '../chat/chat-types.ts';
import type { Database } from '../db/database.ts';
import { sentRequests } from '../db/schema/sent-requests.ts';

/** Keeps where the request for `appointmentId` went; a copy already kept stays as it is. */
export async function keepSentRequests(
  db: Database,
  appointmentId: string,
  refs: readonly SentMessageRef[],
  now: Date,
): Promise<void> {
  if (refs.length === 0) return;
  const rows = refs.map((ref) => ({ appointmentId, ...ref, createdAt: now }));
  await db.insert(sentRequests).values(rows).onConflictDoNothing();
}

/** The copies of the appointment's requests that do not show an outcome yet. */
export async function unsettledRequests(
  db: Database,
  appointmentId: string,
): Promise<SentMessageRef[]> {
  return db
    .select({
      platform: sentRequests.platform,
      address: sentRequests.address,
      messageId: sentRequests.messageId,
    })
    .from(sentRequests)
    .where(and(eq(sentRequests.appointmentId, appointmentId), isNull(sentRequests.settledAt)));
}

/** Marks a copy done: it shows the outcome, or it can no longer be edited. */
export async function settleSentRequest(
  db: Database,
  ref: SentMessageRef,
  now: Date,
): Promise<void> {
  await db
    .update(sentRequests)
    .set({ settledAt: now })
    .where(
      and(
        eq(sentRequests.platform, ref.platform),
        eq(sentRequests.address, ref.address),
        eq(sentRequests.messageId, ref.messageId),
      ),
    );
}
