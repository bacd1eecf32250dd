// Body size limits for every public endpoint, enforced before a body is read.
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { errorJson } from './error-json.ts';

/**
 * Admin API bodies. The largest valid one, a 500-window schedule or 5000 characters of notes
 * written as JSON escapes, is under 40 KB.
 */
export const API_BODY_LIMIT_BYTES = 64 * 1024;

/** Webhooks (Slack, Telegram, Graph, Google) and every other public route. */
export const WEBHOOK_BODY_LIMIT_BYTES = 1024 * 1024;

/** 413 PAYLOAD_TOO_LARGE in the error shape, naming the limit. */
export function payloadTooLarge(c: Context, maxBytes: number): Response {
  return c.json(
    errorJson('PAYLOAD_TOO_LARGE', `the request body is over ${maxBytes} bytes`, {
      max_bytes: maxBytes,
    }),
    413,
  );
}

/**
 * Middleware refusing a body over `maxBytes` with payloadTooLarge: at once when Content-Length
 * says so, otherwise as soon as the streamed body passes the limit, so an oversized body is
 * never read whole. Smaller bodies reach the handler unchanged.
 */
export function limitBody(maxBytes: number): MiddlewareHandler {
  return bodyLimit({ maxSize: maxBytes, onError: (c) => payloadTooLarge(c, maxBytes) });
}

/** The body as text, or null when it is over `maxBytes` (stops reading as soon as it is). */
export async function readTextWithin(request: Request, maxBytes: number): Promise<string | null> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) return null;
  if (request.body === null) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
