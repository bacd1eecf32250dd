// Sealing calendar tokens at rest: round trips, tamper detection, key formats.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  EncryptionKeyError,
  openSecret,
  parseEncryptionKey,
  sealSecret,
} from '../../src/calendars/secret-box.ts';

const key = Buffer.from('00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff', 'hex');
const context = 'calendar-connection:7:refresh';

/** Flips one bit of the base64url part at `index` of a sealed value. */
function flipPart(sealed: string, index: number): string {
  const parts = sealed.split('.');
  const bytes = Buffer.from(parts[index] ?? '', 'base64url');
  bytes[0] = (bytes[0] ?? 0) ^ 1;
  parts[index] = bytes.toString('base64url');
  return parts.join('.');
}

describe('sealSecret and openSecret', () => {
  it.each([
    ['an ASCII token', '1//0gRefreshToken-abc_DEF'],
    ['an empty string', ''],
    ['unicode', 'jeton à clé 🔑'],
    ['a long value', 'x'.repeat(10_000)],
  ])('round-trips %s', (_name, plaintext) => {
    const sealed = sealSecret(key, plaintext, context);
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]*$/);
    expect(openSecret(key, sealed, context)).toBe(plaintext);
  });

  it('uses a fresh IV each time, so equal plaintexts seal differently', () => {
    const sealed = Array.from({ length: 20 }, () => sealSecret(key, 'same', context));
    expect(new Set(sealed.map((value) => value.split('.')[1])).size).toBe(20);
    expect(new Set(sealed).size).toBe(20);
  });

  it('does not contain the plaintext', () => {
    const plaintext = 'ya29.secret-access-token';
    const sealed = sealSecret(key, plaintext, context);
    expect(sealed).not.toContain(plaintext);
    expect(sealed).not.toContain(Buffer.from(plaintext).toString('base64url'));
  });

  const sealed = sealSecret(key, 'refresh-token-1', context);
  it.each([
    ['a wrong key', randomBytes(32), sealed, context],
    ['another context (row swap)', key, sealed, 'calendar-connection:8:refresh'],
    ['a tampered IV', key, flipPart(sealed, 1), context],
    ['a tampered tag', key, flipPart(sealed, 2), context],
    ['a tampered ciphertext', key, flipPart(sealed, 3), context],
    ['a truncated value', key, sealed.split('.').slice(0, 3).join('.'), context],
    ['an unknown version', key, sealed.replace(/^v1\./, 'v2.'), context],
    ['a short tag', key, sealed.replace(/\.([^.]+)\.([^.]+)$/, '.AAAA.$2'), context],
    ['non-base64url characters', key, `${sealed}*`, context],
    ['garbage', key, 'not a sealed secret', context],
    ['an empty string', key, '', context],
  ])('refuses %s with SecretOpenError', (_name, openKey, value, openContext) => {
    expect(() => openSecret(openKey, value, openContext)).toThrow(
      expect.objectContaining({ name: 'SecretOpenError' }),
    );
  });

  it('refuses keys that are not 32 bytes', () => {
    expect(() => sealSecret(randomBytes(16), 'x', context)).toThrow(EncryptionKeyError);
    expect(() => openSecret(randomBytes(31), sealed, context)).toThrow(EncryptionKeyError);
  });
});

describe('parseEncryptionKey', () => {
  const bytes = randomBytes(32);
  it.each([
    ['lowercase hex', bytes.toString('hex')],
    ['uppercase hex', bytes.toString('hex').toUpperCase()],
    ['base64 with padding', bytes.toString('base64')],
    ['base64url without padding', bytes.toString('base64url')],
    ['hex with a trailing newline', `${bytes.toString('hex')}\n`],
  ])('accepts %s', (_name, text) => {
    expect(parseEncryptionKey(text).equals(bytes)).toBe(true);
  });

  const hex = bytes.toString('hex');
  it.each([
    ['an empty string', ''],
    ['a passphrase', 'correct horse battery staple'],
    ['63 hex characters', hex.slice(0, 63)],
    ['66 hex characters', `${hex}ab`],
    ['hex with a non-hex character', `${hex.slice(0, 63)}g`],
    ['16 bytes of base64', randomBytes(16).toString('base64')],
    ['48 bytes of base64', randomBytes(48).toString('base64')],
    ['base64url with a 44th character instead of padding', `${bytes.toString('base64url')}A`],
    ['non-canonical base64url (stray bits)', `${bytes.toString('base64url').slice(0, 42)}B`],
  ])('rejects %s with a message that explains and hides the key', (_name, text) => {
    let caught: unknown;
    try {
      parseEncryptionKey(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EncryptionKeyError);
    const message = (caught as Error).message;
    expect(message).toContain('openssl rand -hex 32');
    expect(message).toContain('64 hex characters');
    if (text.trim().length > 0) expect(message).not.toContain(text.trim());
  });
});
