// The admin API token: from the environment, or generated once and kept in the data directory.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export type AdminToken = { readonly token: string; readonly source: 'env' | 'generated' | 'file' };

/**
 * Returns the configured token, else the one stored in `dataDir/admin-token`, else a new random
 * one written there with mode 0600. 'generated' tells the caller to show it this once.
 */
export async function ensureAdminToken(
  configured: string | undefined,
  dataDir: string,
): Promise<AdminToken> {
  if (configured) return { token: configured, source: 'env' };
  const file = join(dataDir, 'admin-token');
  const stored = await readFile(file, 'utf8').catch(() => '');
  if (stored.trim().length >= 16) return { token: stored.trim(), source: 'file' };
  const token = randomBytes(24).toString('base64url');
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, `${token}\n`, { mode: 0o600 });
  return { token, source: 'generated' };
}
