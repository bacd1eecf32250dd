// Idempotency keys: the same key and request replays the first outcome for 24 hours.
import { createHash } from 'node:crypto';
import type { StoredKey } from './booking-context-row.ts';

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export type KeyVerdict =
  | { readonly kind: 'new' }
  | { readonly kind: 'replay'; readonly appointmentId: string }
  | { readonly kind: 'reused' };

/** A stable hash of the request fields that define "the same request". */
export function hashRequest(fields: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/**
 * Judges a stored key against this request: none or expired is new; the same request hash is a
 * replay of the stored appointment; anything else is reuse for a different request.
 */
export function judgeKey(stored: StoredKey | null, requestHash: string, now: Date): KeyVerdict {
  if (!stored || stored.expiresAt <= now) return { kind: 'new' };
  if (stored.requestHash !== requestHash) return { kind: 'reused' };
  return { kind: 'replay', appointmentId: stored.appointmentId };
}
