// Faults of the storage layer, and recognising the exclusion constraint's refusal.

/** A database operation failed for a reason the caller cannot fix (connection lost, bug). */
export class StoreError extends Error {
  override name = 'StoreError';
}

/** True when `error` or any error in its cause chain is PostgreSQL's exclusion_violation. */
export function isExclusionViolation(error: unknown): boolean {
  return hasSqlState(error, '23P01');
}

function hasSqlState(error: unknown, code: string): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 8; depth++) {
    if (typeof e === 'object' && 'code' in e && (e as { code: unknown }).code === code) return true;
    e = typeof e === 'object' && 'cause' in e ? (e as { cause: unknown }).cause : undefined;
  }
  return false;
}
