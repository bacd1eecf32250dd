// Each way `npm start` can fail to start prints one line with the cause and the fix, and leaves nothing running.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmod, mkdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { withDatabase } from '../support/global-setup.ts';
import { accepts, freePort, freshDataDir } from '../support/start-app.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

const isRoot = process.getuid?.() === 0;

type Failure = { code: number | null; stdout: string; stderr: string };

async function startExpectingFailure(
  env: Record<string, string>,
  spawnAs: { uid?: number; gid?: number } = {},
): Promise<Failure> {
  const child: ChildProcess = spawn(process.execPath, ['src/main.ts'], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...spawnAs,
  });
  cleanups.push(() => child.kill('SIGKILL'));
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const [code] = await once(child, 'exit');
  return { code, stdout, stderr };
}

/** Exit 1, and stderr is exactly one line: no stack trace, no second message. */
function expectOneLine(failure: Failure, pattern: RegExp): void {
  expect(failure.code).toBe(1);
  const lines = failure.stderr.split('\n').filter((line) => line.trim() !== '');
  expect(lines, failure.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^Slotline could not start: /);
  expect(lines[0]).toMatch(pattern);
  expect(failure.stdout + failure.stderr).not.toMatch(/^\s+at /m);
  expect(failure.stdout).not.toContain('"level":50');
}

async function listen(port: number, onSocket: (s: import('node:net').Socket) => void = () => {}) {
  const server = createServer(onSocket);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  cleanups.push(() => server.close());
  return server;
}

function portOf(server: Server): number {
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

describe('startup failures', () => {
  it('names a taken HTTP port, and stops the embedded database it had started', async () => {
    const taken = await listen(0);
    const embeddedPort = await freePort();
    const failure = await startExpectingFailure({
      DATA_DIR: await freshDataDir('slotline-fail-'),
      PORT: String(portOf(taken)),
      EMBEDDED_POSTGRES_PORT: String(embeddedPort),
    });
    expectOneLine(failure, new RegExp(`port ${portOf(taken)} is already in use.*set PORT`));
    expect(failure.stdout).toContain('database ready');
    expect(await accepts(embeddedPort)).toBe(false);
  });

  it('names a taken port for the embedded database', async () => {
    const taken = await listen(0);
    const failure = await startExpectingFailure({
      DATA_DIR: await freshDataDir('slotline-fail-'),
      PORT: String(await freePort()),
      EMBEDDED_POSTGRES_PORT: String(portOf(taken)),
    });
    expectOneLine(failure, /already in use; .*EMBEDDED_POSTGRES_PORT/);
  });

  it('names a DATABASE_URL that refuses connections, without its password', async () => {
    const port = await freePort();
    const failure = await startExpectingFailure({
      DATA_DIR: await freshDataDir('slotline-fail-'),
      PORT: String(await freePort()),
      DATABASE_URL: `postgres://app:pa55word@127.0.0.1:${port}/slotline`,
    });
    expectOneLine(
      failure,
      new RegExp(`cannot reach the database at 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\)`),
    );
    expect(failure.stderr).not.toContain('pa55word');
  });

  it('names a DATABASE_URL that accepts but never answers, after the connect timeout', async () => {
    const silent = await listen(0, (socket) => cleanups.push(() => socket.destroy()));
    const failure = await startExpectingFailure({
      DATA_DIR: await freshDataDir('slotline-fail-'),
      PORT: String(await freePort()),
      DATABASE_URL: `postgres://app:pw@127.0.0.1:${portOf(silent)}/slotline`,
    });
    expectOneLine(failure, /cannot reach the database at .*\(no answer\); check DATABASE_URL/);
  });

  it('names a database that does not exist on a server that does', async () => {
    const url = withDatabase(inject('testServerUrl'), 'slotline_no_such_database');
    const failure = await startExpectingFailure({
      DATA_DIR: await freshDataDir('slotline-fail-'),
      PORT: String(await freePort()),
      DATABASE_URL: url,
    });
    expectOneLine(failure, /does not exist at .*; create it \(createdb\) or fix the URL/);
  });

  it('names a data folder this user may not write', async () => {
    const parent = await freshDataDir('slotline-fail-');
    const dataDir = join(parent, 'data');
    await mkdir(dataDir);
    // Root writes anywhere, so as root the app runs as 'nobody'; otherwise the folder is read-only.
    if (!isRoot) await chmod(dataDir, 0o555);
    const failure = await startExpectingFailure(
      { DATA_DIR: dataDir, PORT: String(await freePort()), HOME: parent },
      isRoot ? { uid: 65_534, gid: 65_534 } : {},
    );
    expectOneLine(
      failure,
      /cannot write .*data.* \(EACCES\); make DATA_DIR .* a folder this user may write/,
    );
  });

  it('as root, names the folder the separate postgres user cannot enter (a clone under /root)', async () => {
    const parent = await freshDataDir('slotline-fail-');
    const closed = join(parent, 'root-home');
    await mkdir(closed);
    await chmod(closed, 0o700);
    const env = {
      DATA_DIR: join(closed, 'data'),
      PORT: String(await freePort()),
      EMBEDDED_POSTGRES_PORT: String(await freePort()),
    };
    if (isRoot) {
      const failure = await startExpectingFailure(env);
      expectOneLine(
        failure,
        new RegExp(`"postgres" user, which cannot enter ${closed}; .*DATA_DIR`),
      );
      return;
    }
    // Not root: PostgreSQL runs as this user, who owns the folder, so the same start must succeed.
    const child = spawn(process.execPath, ['src/main.ts'], {
      env: { ...process.env, ...env },
      stdio: 'ignore',
    });
    cleanups.push(() => child.kill('SIGKILL'));
    await expect.poll(() => accepts(Number(env.PORT)), { timeout: 25_000 }).toBe(true);
  });
});
