// Stripe's list envelope and cursor pagination (newest first, limit, starting_after, has_more).
import { type FormFields, textField } from './stripe-form.ts';
import { integerParam, invalidRequest } from './stripe-wire.ts';

export type StripeList<T> = { object: 'list'; data: T[]; has_more: boolean; url: string };

/**
 * One page of `items` (given oldest first, served newest first, as Stripe lists). `limit` is
 * 1-100 (default 10), and never more than `maxPageSize`, so a fake told to serve pages of one or
 * two makes a client follow has_more. starting_after must name an item of the list.
 */
export function listPage<T extends { id: string }>(
  items: readonly T[],
  query: FormFields,
  url: string,
  maxPageSize: number,
): StripeList<T> {
  const limit = integerParam(textField(query, 'limit'), 'limit') ?? 10;
  if (limit < 1 || limit > 100) {
    throw invalidRequest('This value must be between 1 and 100.', undefined, 'limit');
  }
  const newestFirst = [...items].reverse();
  const after = textField(query, 'starting_after');
  let start = 0;
  if (after !== undefined) {
    const index = newestFirst.findIndex((item) => item.id === after);
    if (index === -1) {
      throw invalidRequest(`No such object: '${after}'`, 'resource_missing', 'starting_after');
    }
    start = index + 1;
  }
  const size = Math.min(limit, maxPageSize);
  const data = newestFirst.slice(start, start + size);
  return { object: 'list', data, has_more: start + size < newestFirst.length, url };
}
