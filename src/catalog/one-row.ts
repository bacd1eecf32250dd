// Single-row inserts and updates under guardInput: the outcomes every create and update shares.
import type { Entity, InvalidInput, NotFound, Ok } from '../domain/outcome.ts';
import { notFound, ok } from '../domain/outcome.ts';
import { CatalogError, guardInput } from './catalog-error.ts';

/**
 * Runs `insert` (an INSERT ... RETURNING of one row) as `create <entity>`: the stored row, or
 * VALIDATION_ERROR for input the table refuses. A missing row is a fault (CatalogError).
 */
export async function insertOne<T>(
  entity: Entity,
  insert: () => Promise<T[]>,
): Promise<Ok<T> | InvalidInput> {
  const inserted = await guardInput(`create ${entity}`, insert);
  if (!inserted.ok) return inserted;
  const [row] = inserted.value;
  if (row === undefined) throw new CatalogError(`insert returned no ${entity}`);
  return ok(row);
}

/**
 * Runs `update` (an UPDATE ... RETURNING, or a read of the row) as `update <entity>`: the row,
 * NOT_FOUND when no row matched, or VALIDATION_ERROR for input the table refuses.
 */
export async function updateOne<T>(
  entity: Entity,
  update: () => Promise<T[]>,
): Promise<Ok<T> | NotFound | InvalidInput> {
  const updated = await guardInput(`update ${entity}`, update);
  if (!updated.ok) return updated;
  const [row] = updated.value;
  return row ? ok(row) : notFound(entity);
}
