// A list of strings as SQL literals, for CHECK constraints built from the domain's const lists.
import { type SQL, sql } from 'drizzle-orm';

/**
 * `values` as `'a', 'b', 'c'`, inlined (not bound: DDL takes no parameters), each quote doubled so
 * no value can end its literal early. For `column in (...)` checks that drizzle-kit writes into
 * migrations verbatim.
 */
export function sqlStringList(values: readonly string[]): SQL {
  return sql.raw(values.map((value) => `'${value.replaceAll("'", "''")}'`).join(', '));
}
