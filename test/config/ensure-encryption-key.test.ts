// The encryption key: configured, or generated once and then kept; malformed keys stop startup.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EncryptionKeyError } from '../../src/calendars/secret-box.ts';
import { ensureEncryptionKey } from '../../src/config/ensure-encryption-key.ts';

const tempDir = () => mkdtemp(join(tmpdir(), 'slotline-key-'));

describe('ensureEncryptionKey', () => {
  it('parses the configured key and writes nothing', async () => {
    const dir = await tempDir();
    const bytes = randomBytes(32);
    const result = await ensureEncryptionKey(bytes.toString('base64url'), dir);
    expect(result.source).toBe('env');
    expect(result.key.equals(bytes)).toBe(true);
    await expect(stat(join(dir, 'encryption-key'))).rejects.toThrow();
  });

  it('refuses a malformed configured key without echoing it', async () => {
    const dir = await tempDir();
    const promise = ensureEncryptionKey('hunter2-is-not-a-key', dir);
    await expect(promise).rejects.toBeInstanceOf(EncryptionKeyError);
    await expect(promise).rejects.toThrow(/^ENCRYPTION_KEY: .*openssl rand -hex 32/);
    await expect(promise).rejects.not.toThrow(/hunter2/);
    await expect(stat(join(dir, 'encryption-key'))).rejects.toThrow();
  });

  it('generates a key once, private to the owner, then reads it back', async () => {
    const dir = join(await tempDir(), 'nested');
    const first = await ensureEncryptionKey(undefined, dir);
    expect(first.source).toBe('generated');
    expect(first.key.length).toBe(32);
    const file = join(dir, 'encryption-key');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await readFile(file, 'utf8')).trim()).toBe(first.key.toString('hex'));
    const second = await ensureEncryptionKey(undefined, dir);
    expect(second.source).toBe('file');
    expect(second.key.equals(first.key)).toBe(true);
  });

  it('gives every instance starting together the same generated key', async () => {
    const dir = await tempDir();
    const keys = await Promise.all([1, 2, 3, 4].map(() => ensureEncryptionKey(undefined, dir)));
    const hex = new Set(keys.map((k) => k.key.toString('hex')));
    expect(hex.size).toBe(1);
    expect(keys.filter((k) => k.source === 'generated')).toHaveLength(1);
  });

  it('prefers the configured key over the stored one', async () => {
    const dir = await tempDir();
    await ensureEncryptionKey(undefined, dir);
    const configured = randomBytes(32);
    const result = await ensureEncryptionKey(configured.toString('hex'), dir);
    expect(result).toEqual({ key: configured, source: 'env' });
  });

  it('refuses a malformed stored key, naming the file, and leaves it alone', async () => {
    const dir = await tempDir();
    const file = join(dir, 'encryption-key');
    await writeFile(file, 'truncated-abc123\n', { mode: 0o600 });
    const promise = ensureEncryptionKey(undefined, dir);
    await expect(promise).rejects.toBeInstanceOf(EncryptionKeyError);
    await expect(promise).rejects.toThrow(file);
    await expect(promise).rejects.not.toThrow(/truncated-abc123/);
    expect(await readFile(file, 'utf8')).toBe('truncated-abc123\n');
  });
});
