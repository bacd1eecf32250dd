// Idempotency keys: the same key and request replays the stored outcome for 24 hours.
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../db/database.ts';
import { idempotencyKeys } from '../db/schema/infrastructure.ts';

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export type StoredOutcome = { readonly status: number; readonly body: Record<string, unknown> };
export type KeyLookup =
  | { readonly kind: 'new' }
  | { readonly kind: 'replay'; readonly outcome: StoredOutcome }
  | { readonly kind: 'reused' };

/** A stable hash of the request fields that define "the same request". */
export function hashRequest(fields: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/**
 * Serialises requests carrying the same key (transaction-scoped advisory lock), then reports
 * whether the key is new, a replay of the same request, or reused for a different one. An expired
 * key is deleted and counts as new.
 */
export async function claimIdempotencyKey(
  tx: Tx,
  scope: string,
  key: string,
  requestHash: string,
  now: Date,
): Promise<KeyLookup> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`idem:${scope}:${key}`}, 0))`,
  );
  const where = and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key));
  const [found] = await tx.select().from(idempotencyKeys).where(where);
  if (!found) return { kind: 'new' };
  if (found.expiresAt <= now) {
    await tx.delete(idempotencyKeys).where(where);
    return { kind: 'new' };
  }
  if (found.requestHash !== requestHash) return { kind: 'reused' };
  return {
    kind: 'replay',
    outcome: { status: found.responseStatus, body: found.responseBody as Record<string, unknown> },
  };
}

/** Records the outcome of a key's first successful request, valid until now + 24 h. */
export async function saveIdempotencyKey(
  tx: Tx,
  entry: { scope: string; key: string; requestHash: string; outcome: StoredOutcome; now: Date },
): Promise<void> {
  await tx.insert(idempotencyKeys).values({
    scope: entry.scope,
    key: entry.key,
    requestHash: entry.requestHash,
    responseStatus: entry.outcome.status,
    responseBody: entry.outcome.body,
    createdAt: entry.now,
    expiresAt: new Date(entry.now.getTime() + IDEMPOTENCY_TTL_MS),
  });
}
