// Which folder keeps the separate postgres user (used when running as root) from reaching a path.
import { chmod, mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstClosedFolder } from '../../src/db/postgres-os-user.ts';
import { describeStartFailure } from '../../src/db/start-embedded-postgres.ts';

// A user that owns nothing here, like the postgres user next to a clone under /root.
const stranger = { uid: 54_321, gid: 54_321 };

describe('firstClosedFolder', () => {
  it('names the first folder others may not enter, and null when all are open', async () => {
    const root = await mkdtemp(join(tmpdir(), 'slotline-reach-'));
    await chmod(root, 0o755);
    const closed = join(root, 'home');
    const data = join(closed, 'project', '.data', 'postgres');
    await mkdir(data, { recursive: true });
    await chmod(closed, 0o700);
    expect(await firstClosedFolder(join(data, 'PG_VERSION'), stranger)).toBe(closed);
    await chmod(closed, 0o711);
    expect(await firstClosedFolder(join(data, 'PG_VERSION'), stranger)).toBeNull();
  });

  it('lets the owner through on the owner bit alone', async () => {
    const root = await mkdtemp(join(tmpdir(), 'slotline-reach-'));
    await chmod(root, 0o755);
    const mine = join(root, 'mine');
    await mkdir(mine);
    await chmod(mine, 0o700);
    const me = { uid: process.getuid?.() ?? 0, gid: 99_999 };
    expect(await firstClosedFolder(join(mine, 'x'), me)).toBeNull();
  });

  it('treats folders that do not exist yet as open (they are made for the user)', async () => {
    const root = await mkdtemp(join(tmpdir(), 'slotline-reach-'));
    await chmod(root, 0o755);
    expect(await firstClosedFolder(join(root, 'a', 'b', 'c'), stranger)).toBeNull();
  });
});

describe('describeStartFailure', () => {
  it.each([
    [
      ['LOG:  could not bind IPv4 address "127.0.0.1": Address already in use'],
      /port 5999 .* in use; .*EMBEDDED_POSTGRES_PORT/,
    ],
    [
      ['FATAL:  lock file "postmaster.pid" already exists'],
      /another PostgreSQL is already running on \/d.*DATA_DIR/,
    ],
    [
      ['FATAL:  could not open file "global/pg_control": Permission denied'],
      /cannot use \/d \(permission denied\); set DATA_DIR/,
    ],
    [
      ['LOG: starting', 'FATAL:  something else', 'LOG: shutting down'],
      /did not start on port 5999 \(FATAL: {2}something else\)$/,
    ],
    [[], /did not start on port 5999$/],
  ])('%j', (output, expected) => {
    expect(describeStartFailure(output, 5999, '/d')).toMatch(expected);
  });
});
