// AES-256-GCM sealing of calendar tokens at rest, bound to the row they belong to.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const VERSION = 'v1';
const HEX_KEY = /^[0-9a-fA-F]{64}$/;
const BASE64_KEY = /^[A-Za-z0-9+/]{43}=$/;
const BASE64URL_KEY = /^[A-Za-z0-9_-]{43}$/;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

export class EncryptionKeyError extends Error {
  override name = 'EncryptionKeyError';
}

class SecretOpenError extends Error {
  override name = 'SecretOpenError';
}

const KEY_HELP =
  'expected 32 random bytes written as 64 hex characters (make one with `openssl rand -hex 32`) ' +
  'or as base64 (44 characters) / base64url (43 characters)';

/**
 * Parses ENCRYPTION_KEY text into a 32-byte key. Surrounding whitespace is ignored.
 * Throws EncryptionKeyError saying what is expected; the message never contains the key text.
 */
export function parseEncryptionKey(text: string): Buffer {
  const trimmed = text.trim();
  if (HEX_KEY.test(trimmed)) return Buffer.from(trimmed, 'hex');
  if (BASE64_KEY.test(trimmed) || BASE64URL_KEY.test(trimmed)) {
    const key = Buffer.from(trimmed, 'base64');
    // Rejects non-canonical spellings whose last character carries stray bits.
    const canonical = trimmed.replace(/=$/, '').replaceAll('+', '-').replaceAll('/', '_');
    if (key.length === KEY_BYTES && key.toString('base64url') === canonical) return key;
  }
  throw new EncryptionKeyError(
    `Encryption key is malformed (${trimmed.length} characters): ${KEY_HELP}.`,
  );
}

/**
 * Encrypts `plaintext` under `key`, bound to `context` (e.g. 'calendar-connection:42:refresh'):
 * opening with another context fails, so a sealed token cannot be moved to another row.
 * Returns `v1.<iv>.<tag>.<ciphertext>` in base64url with a fresh random 12-byte IV.
 * Throws EncryptionKeyError if the key is not 32 bytes.
 */
export function sealSecret(key: Buffer, plaintext: string, context: string): string {
  assertKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv, tag, ciphertext].map(encodePart).join('.');
}

/**
 * Decrypts a value made by sealSecret with the same key and context.
 * Throws SecretOpenError on a wrong key or context, tampering, or a malformed value.
 */
export function openSecret(key: Buffer, sealed: string, context: string): string {
  assertKey(key);
  const [iv, tag, ciphertext] = splitSealed(sealed);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch (error) {
    throw new SecretOpenError('Sealed secret does not open: wrong key, wrong context or tampered', {
      cause: error,
    });
  }
}

function splitSealed(sealed: string): [Buffer, Buffer, Buffer] {
  const parts = sealed.split('.');
  const [version, iv, tag, ciphertext] = parts;
  if (
    parts.length !== 4 ||
    version !== VERSION ||
    iv === undefined ||
    tag === undefined ||
    ciphertext === undefined ||
    ![iv, tag, ciphertext].every((part) => BASE64URL.test(part))
  ) {
    throw new SecretOpenError('Sealed secret is malformed: expected v1.<iv>.<tag>.<ciphertext>');
  }
  const decoded: [Buffer, Buffer, Buffer] = [
    Buffer.from(iv, 'base64url'),
    Buffer.from(tag, 'base64url'),
    Buffer.from(ciphertext, 'base64url'),
  ];
  if (decoded[0].length !== IV_BYTES || decoded[1].length !== TAG_BYTES) {
    throw new SecretOpenError('Sealed secret is malformed: bad IV or tag length');
  }
  return decoded;
}

function assertKey(key: Buffer): void {
  if (key.length !== KEY_BYTES) {
    throw new EncryptionKeyError(`Encryption key must be ${KEY_BYTES} bytes, got ${key.length}`);
  }
}

function encodePart(part: string | Buffer): string {
  return typeof part === 'string' ? part : part.toString('base64url');
}
