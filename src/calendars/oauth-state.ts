// Signed, expiring OAuth `state` values for calendar connections (single use is enforced by the caller).
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { OAUTH_CALENDAR_KINDS, type OAuthCalendarKind } from '../domain/calendar-kinds.ts';

export type OAuthStateClaims = {
  readonly providerId: string;
  readonly calendar: OAuthCalendarKind;
  readonly nonce: string;
  readonly expiresAt: Date;
};

export type OAuthStateCheck =
  | { readonly ok: true; readonly claims: OAuthStateClaims }
  | { readonly ok: false; readonly code: 'STATE_INVALID' | 'STATE_EXPIRED' };

const HKDF_INFO = 'slotline oauth state';
const SIGNATURE_BYTES = 32;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

const wireClaims = z.strictObject({
  providerId: z.string().min(1),
  calendar: z.enum(OAUTH_CALENDAR_KINDS),
  nonce: z.string().min(1),
  expiresAt: z.iso.datetime(),
});

/**
 * Signs `claims` as base64url(JSON) + '.' + base64url(HMAC-SHA256). The HMAC key is derived from
 * the encryption key with HKDF, so the AES key itself never signs anything.
 */
export function signOAuthState(key: Buffer, claims: OAuthStateClaims): string {
  const payload = Buffer.from(
    JSON.stringify({
      providerId: claims.providerId,
      calendar: claims.calendar,
      nonce: claims.nonce,
      expiresAt: claims.expiresAt.toISOString(),
    }),
    'utf8',
  ).toString('base64url');
  return `${payload}.${sign(key, payload).toString('base64url')}`;
}

/**
 * Checks the signature (constant time), the claims shape, then expiry against `now`
 * (expired when `now >= expiresAt`). Never throws: any malformed input is STATE_INVALID.
 */
export function verifyOAuthState(key: Buffer, state: string, now: Date): OAuthStateCheck {
  const [payload, signature, ...rest] = typeof state === 'string' ? state.split('.') : [];
  if (
    payload === undefined ||
    signature === undefined ||
    rest.length > 0 ||
    !BASE64URL.test(payload) ||
    !BASE64URL.test(signature)
  ) {
    return { ok: false, code: 'STATE_INVALID' };
  }
  const given = Buffer.from(signature, 'base64url');
  const expected = sign(key, payload);
  if (given.length !== SIGNATURE_BYTES || !timingSafeEqual(given, expected)) {
    return { ok: false, code: 'STATE_INVALID' };
  }
  const claims = parseClaims(payload);
  if (claims === undefined) return { ok: false, code: 'STATE_INVALID' };
  if (now.getTime() >= claims.expiresAt.getTime()) return { ok: false, code: 'STATE_EXPIRED' };
  return { ok: true, claims };
}

function parseClaims(payload: string): OAuthStateClaims | undefined {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = wireClaims.safeParse(json);
  if (!parsed.success) return undefined;
  return { ...parsed.data, expiresAt: new Date(parsed.data.expiresAt) };
}

function sign(key: Buffer, payload: string): Buffer {
  const macKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), HKDF_INFO, 32));
  return createHmac('sha256', macKey).update(payload, 'utf8').digest();
}
