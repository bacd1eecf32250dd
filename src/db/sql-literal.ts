// Values written into simple-protocol SQL as escaped literals, for batches that cannot carry parameters.
import type pg from 'pg';

export type LiteralValue = string | Date | null;

/**
 * `value` as a SQL literal: null as `null`, an instant as its ISO text, a string through the
 * driver's escapeLiteral (quotes and backslashes doubled). The statement that receives it casts
 * it to its type, so nothing but the literal's text is trusted.
 */
export function sqlLiteral(client: Pick<pg.ClientBase, 'escapeLiteral'>, value: LiteralValue) {
  if (value === null) return 'null';
  return client.escapeLiteral(value instanceof Date ? value.toISOString() : value);
}
