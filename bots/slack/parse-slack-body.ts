// Turns a verified raw request body into the object Bolt expects, by content type.
import { z } from 'zod';

export type ParsedSlackBody =
  | { readonly kind: 'challenge'; readonly challenge: string }
  | { readonly kind: 'ssl-check' }
  | { readonly kind: 'dispatch'; readonly body: Record<string, unknown> }
  | { readonly kind: 'invalid' };

const challengeSchema = z.object({ type: z.literal('url_verification'), challenge: z.string() });
const objectSchema = z.record(z.string(), z.unknown());

/**
 * Slash commands arrive form-encoded, interactivity form-encoded with a JSON `payload` field, the
 * Events API as JSON. Anything unparseable is 'invalid' (answered 400), never an exception.
 */
export function parseSlackBody(rawBody: string, contentType: string | undefined): ParsedSlackBody {
  if ((contentType ?? '').includes('application/json')) return parseJsonBody(rawBody);
  const form = new URLSearchParams(rawBody);
  if (form.get('ssl_check') === '1') return { kind: 'ssl-check' };
  const payload = form.get('payload');
  if (payload !== null) return parseJsonBody(payload);
  if (!form.has('command')) return { kind: 'invalid' };
  return { kind: 'dispatch', body: Object.fromEntries(form) };
}

function parseJsonBody(text: string): ParsedSlackBody {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'invalid' };
  }
  const challenge = challengeSchema.safeParse(value);
  if (challenge.success) return { kind: 'challenge', challenge: challenge.data.challenge };
  const object = objectSchema.safeParse(value);
  return object.success ? { kind: 'dispatch', body: object.data } : { kind: 'invalid' };
}
