// Lets routes whose body fields are all optional accept an empty body sent as JSON.
import type { MiddlewareHandler } from 'hono';

/**
 * Route middleware for optional bodies: a blank body counts as no body, which the validator reads
 * as `{}`. Clients that always send `Content-Type: application/json` would otherwise get
 * "malformed JSON" for a bare POST.
 */
export const emptyJsonBody: MiddlewareHandler = async (c, next) => {
  // text() caches the body, so the validator can still read a non-blank one afterwards.
  const text = await c.req.text();
  if (text.trim() === '') {
    const headers = new Headers(c.req.raw.headers);
    headers.delete('content-type');
    c.req.raw = new Request(c.req.raw.url, { method: c.req.raw.method, headers });
  }
  await next();
};
