// Catalog faults, and telling the database's refusals of bad input apart from real faults.
import type { InvalidInput, Ok } from '../domain/outcome.ts';
import { invalidInput, ok } from '../domain/outcome.ts';

/** A catalog operation failed for a reason the caller cannot fix (connection lost, bug). */
export class CatalogError extends Error {
  override name = 'CatalogError';
}

type PgErrorFields = { code?: unknown; constraint?: unknown };

/**
 * Runs `work`, turning PostgreSQL's refusals caused by the input (check or exclusion constraint,
 * data exception such as a NUL byte or an out-of-range number) into VALIDATION_ERROR. Any other
 * error is a fault: rethrown as CatalogError with the original as `cause`.
 */
export async function guardInput<T>(
  what: string,
  work: () => Promise<T>,
): Promise<Ok<T> | InvalidInput> {
  try {
    return ok(await work());
  } catch (error) {
    const pg = findPgError(error);
    const code = typeof pg?.code === 'string' ? pg.code : '';
    const constraint = typeof pg?.constraint === 'string' ? pg.constraint : undefined;
    if (code === '23514' || code === '23P01') {
      return invalidInput(`${what}: the values break the rule ${constraint ?? 'of the table'}`, {
        constraint,
      });
    }
    if (code.startsWith('22')) return invalidInput(`${what}: a value is out of range or malformed`);
    throw new CatalogError(`${what} failed`, { cause: error });
  }
}

/** The first error in the cause chain that carries a SQLSTATE (drizzle wraps pg's errors). */
function findPgError(error: unknown): PgErrorFields | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 8; depth++) {
    if (typeof e !== 'object') return undefined;
    const fields = e as PgErrorFields & { cause?: unknown };
    if (typeof fields.code === 'string' && /^[0-9A-Z]{5}$/.test(fields.code)) return fields;
    e = fields.cause;
  }
  return undefined;
}
