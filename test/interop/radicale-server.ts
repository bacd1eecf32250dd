// A real Radicale (the Debian package) for one test file: a free port, a throwaway folder, one htpasswd user.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../support/start-app.ts';

export type Radicale = {
  /** Server root without a trailing slash, e.g. http://127.0.0.1:40123. */
  readonly url: string;
  readonly username: string;
  readonly password: string;
  /** Stops the server and deletes its storage. */
  stop(): Promise<void>;
};

/** The server program: RADICALE_BIN, else `radicale` from PATH (Debian's /usr/bin/radicale). */
const PROGRAM = process.env.RADICALE_BIN ?? 'radicale';
const USERNAME = 'alice';
const PASSWORD = 'radicale-secret-1';

/** Polls until the server answers HTTP, or throws with its output after 15 s. */
async function waitUntilUp(url: string, child: ChildProcess, output: () => string) {
  const until = Date.now() + 15_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`radicale exited: ${output()}`);
    const answered = await fetch(url, { signal: AbortSignal.timeout(1_000) }).then(
      () => true,
      () => false,
    );
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`radicale did not start: ${output()}`);
}

/**
 * Starts Radicale (PROGRAM) on 127.0.0.1 with no config file (so /etc/radicale is ignored),
 * htpasswd auth with a plain-text password (Radicale 3.1 needs no extra module for it) and
 * owner-only rights. Throws when the binary is missing or the server does not come up.
 */
export async function startRadicale(): Promise<Radicale> {
  const folder = await mkdtemp(join(tmpdir(), 'slotline-radicale-'));
  const users = join(folder, 'users');
  await writeFile(users, `${USERNAME}:${PASSWORD}\n`);
  const port = await freePort();
  const args = [
    '--config',
    '',
    '--server-hosts',
    `127.0.0.1:${port}`,
    '--storage-filesystem-folder',
    join(folder, 'collections'),
    '--auth-type',
    'htpasswd',
    '--auth-htpasswd-filename',
    users,
    '--auth-htpasswd-encryption',
    'plain',
    '--rights-type',
    'owner_only',
    '--logging-level',
    'warning',
  ];
  const child = spawn(PROGRAM, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const spawned = new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', reject);
  });
  await spawned;
  const url = `http://127.0.0.1:${port}`;
  await waitUntilUp(url, child, () => output);
  return {
    url,
    username: USERNAME,
    password: PASSWORD,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(folder, { recursive: true, force: true });
    },
  };
}
