// Signed OAuth state: valid round trip; tampering, wrong keys, expiry and garbage are refused.
import { createHmac, hkdfSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  type OAuthStateClaims,
  signOAuthState,
  verifyOAuthState,
} from '../../src/calendars/oauth-state.ts';

const key = Buffer.alloc(32, 7);
const otherKey = Buffer.alloc(32, 8);
const now = new Date('2026-03-01T10:00:00.000Z');
const claims: OAuthStateClaims = {
  providerId: 'prov_123',
  calendar: 'GOOGLE',
  nonce: 'n-4f2a9c',
  expiresAt: new Date('2026-03-01T10:10:00.000Z'),
};
const state = signOAuthState(key, claims);
const [payload = '', signature = ''] = state.split('.');

/** Re-encodes a payload with edited JSON but keeps the original signature. */
function withPayload(json: unknown): string {
  return `${Buffer.from(JSON.stringify(json)).toString('base64url')}.${signature}`;
}

/** Signs arbitrary JSON with the raw key (not HKDF-derived), as a naive implementation would. */
function signedWithRawKey(): string {
  return `${payload}.${createHmac('sha256', key).update(payload).digest('base64url')}`;
}

describe('signOAuthState and verifyOAuthState', () => {
  it('round-trips the claims while unexpired', () => {
    expect(state).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(verifyOAuthState(key, state, now)).toEqual({ ok: true, claims });
    const outlook = { ...claims, calendar: 'OUTLOOK' as const };
    expect(verifyOAuthState(key, signOAuthState(key, outlook), now)).toEqual({
      ok: true,
      claims: outlook,
    });
  });

  it.each([
    ['one millisecond before expiry', new Date('2026-03-01T10:09:59.999Z'), true],
    ['exactly at expiry', new Date('2026-03-01T10:10:00.000Z'), false],
    ['after expiry', new Date('2026-03-02T00:00:00.000Z'), false],
  ])('%s', (_name, at, ok) => {
    expect(verifyOAuthState(key, state, at)).toEqual(
      ok ? { ok: true, claims } : { ok: false, code: 'STATE_EXPIRED' },
    );
  });

  it.each([
    ['a wrong key', otherKey, state],
    ['a signature made with the raw key instead of the HKDF key', key, signedWithRawKey()],
    ['a tampered provider', key, withPayload({ ...claims, providerId: 'prov_999' })],
    ['a pushed-back expiry', key, withPayload({ ...claims, expiresAt: '2030-01-01T00:00:00Z' })],
    [
      'a flipped signature bit',
      key,
      `${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`,
    ],
    ['a truncated signature', key, `${payload}.${signature.slice(0, 20)}`],
    ['no signature', key, payload],
    ['an extra part', key, `${state}.extra`],
    ['an empty string', key, ''],
    ['a lone dot', key, '.'],
    ['garbage', key, 'not-a-state'],
    ['non-base64url characters', key, `${payload}.${signature}!`],
    ['unicode', key, 'ünïcödé.✓'],
  ])('refuses %s as STATE_INVALID', (_name, verifyKey, value) => {
    expect(verifyOAuthState(verifyKey, value, now)).toEqual({ ok: false, code: 'STATE_INVALID' });
  });

  it.each([
    ['JSON that is not an object', '"just a string"'],
    ['missing nonce', JSON.stringify({ ...claims, nonce: undefined })],
    ['unknown calendar', JSON.stringify({ ...claims, calendar: 'APPLE' })],
    ['non-date expiry', JSON.stringify({ ...claims, expiresAt: 'tomorrow' })],
    ['extra claim', JSON.stringify({ ...claims, admin: true })],
    ['not JSON at all', '{{{'],
  ])('refuses a correctly signed payload with %s', (_name, text) => {
    const body = Buffer.from(text).toString('base64url');
    const forged = `${body}.${signatureFor(body)}`;
    expect(verifyOAuthState(key, forged, now)).toEqual({ ok: false, code: 'STATE_INVALID' });
  });
});

/** The HMAC the module computes, reproduced from its documented derivation, so only the shape check can refuse. */
function signatureFor(body: string): string {
  const macKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'slotline oauth state', 32));
  return createHmac('sha256', macKey).update(body).digest('base64url');
}
