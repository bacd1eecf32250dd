// Reads a request body as JSON without throwing, so malformed input is a value the route answers.
import type { Context } from 'hono';

export type JsonBody =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly status: 400 | 415; readonly message: string };

/**
 * The parsed body; 415 unless the request says application/json, 400 when it is not JSON. The
 * content type matters beyond tidiness: a page on another site can POST text/plain here without
 * a CORS preflight, but not application/json, so this stops it driving someone's local chat.
 */
export async function readJsonBody(c: Context): Promise<JsonBody> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    return { ok: false, status: 415, message: 'expected Content-Type: application/json' };
  }
  const text = await c.req.text();
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, status: 400, message: 'malformed JSON' };
  }
}
