// Recognises uuid text before it reaches a uuid column, where PostgreSQL would reject it as a fault.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * True for the canonical 8-4-4-4-12 hex spelling. Anything else cannot name a stored row, so
 * callers answer NOT_FOUND without asking the database (which would raise 22P02).
 */
export function isUuid(text: string): boolean {
  return UUID.test(text);
}
