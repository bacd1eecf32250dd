// The admin token: configured, or generated once and then kept.
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureAdminToken } from '../../src/config/ensure-admin-token.ts';

describe('ensureAdminToken', () => {
  it('uses the configured token and writes nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'slotline-token-'));
    expect(await ensureAdminToken('configured-token-123', dir)).toEqual({
      token: 'configured-token-123',
      source: 'env',
    });
    await expect(stat(join(dir, 'admin-token'))).rejects.toThrow();
  });

  it('generates a token once, private to the owner, then reads it back', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'slotline-token-')), 'nested');
    const first = await ensureAdminToken(undefined, dir);
    expect(first.source).toBe('generated');
    expect(first.token.length).toBeGreaterThanOrEqual(32);
    expect((await stat(join(dir, 'admin-token'))).mode & 0o777).toBe(0o600);
    expect((await readFile(join(dir, 'admin-token'), 'utf8')).trim()).toBe(first.token);
    expect(await ensureAdminToken(undefined, dir)).toEqual({ token: first.token, source: 'file' });
  });
});
