// The key sealing calendar tokens at rest: from the environment, or generated once and kept in the data directory.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EncryptionKeyError, parseEncryptionKey } from '../calendars/secret-box.ts';

export type EncryptionKey = { readonly key: Buffer; readonly source: 'env' | 'generated' | 'file' };

/**
 * Returns the configured ENCRYPTION_KEY, else the hex key stored in `dataDir/encryption-key`,
 * else 32 new random bytes written there as hex with mode 0600 ('generated').
 * Throws EncryptionKeyError when the configured key or the stored file is malformed, so startup
 * stops instead of silently replacing a key that existing tokens were sealed with.
 */
export async function ensureEncryptionKey(
  configured: string | undefined,
  dataDir: string,
): Promise<EncryptionKey> {
  if (configured) return { key: parseConfigured(configured), source: 'env' };
  const file = join(dataDir, 'encryption-key');
  const stored = await readStoredKey(file);
  if (stored !== undefined) return { key: stored, source: 'file' };
  const key = randomBytes(32);
  await mkdir(dataDir, { recursive: true });
  // 'wx' so two processes starting together cannot overwrite each other's fresh key: the one
  // that loses the race reads the winner's.
  try {
    await writeFile(file, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const winner = await readStoredKey(file);
    if (winner !== undefined) return { key: winner, source: 'file' };
    throw error;
  }
  return { key, source: 'generated' };
}

/** The setting's name leads the message, so the person knows which variable to fix. */
function parseConfigured(configured: string): Buffer {
  try {
    return parseEncryptionKey(configured);
  } catch (error) {
    throw new EncryptionKeyError(`ENCRYPTION_KEY: ${(error as Error).message}`, { cause: error });
  }
}

async function readStoredKey(file: string): Promise<Buffer | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    return parseEncryptionKey(text);
  } catch (error) {
    throw new EncryptionKeyError(
      `The stored encryption key in ${file} is malformed: ${(error as Error).message} ` +
        'Restore the original file, or set ENCRYPTION_KEY; deleting it makes stored calendar tokens unreadable.',
      { cause: error },
    );
  }
}
