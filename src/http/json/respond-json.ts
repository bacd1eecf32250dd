// Sends JSON serialised by hand as a route's typed JSON response, the way c.json sends an object.
import type { Context, TypedResponse } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * The response c.json(value, status) would give, for `json` that is already exactly
 * `JSON.stringify(value)` (as text or its UTF-8 bytes): same status, same Content-Type, same
 * headers prepared on `c`. The type says the body is a T for the route's typing; the caller
 * guarantees that the JSON is one.
 */
export function respondJson<T, S extends ContentfulStatusCode>(
  c: Context,
  json: string | Uint8Array<ArrayBuffer>,
  status: S,
): Response & TypedResponse<T, S, 'json'> {
  const response = c.body(json, status, { 'Content-Type': 'application/json' });
  // Only the phantom type changes: the body is T's JSON, which TypedResponse cannot see.
  return response as unknown as Response & TypedResponse<T, S, 'json'>;
}
