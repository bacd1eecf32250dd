// Runs a real PostgreSQL from npm as our own child process when no DATABASE_URL is given.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { EmbeddedPostgresError, findPostgresBinaries } from './postgres-binaries.ts';
import { firstClosedFolder, type OsUser, postgresOsUser } from './postgres-os-user.ts';

export type EmbeddedServer = {
  /** Connection string for the `postgres` database of this server. */
  readonly url: string;
  /** Fast shutdown (open sessions are ended), waiting until the server has exited. Idempotent. */
  stop(): Promise<void>;
};

type Options = {
  readonly dataDir: string;
  /** Port to listen on; 0 picks a free one. */
  readonly port: number;
  readonly onLog?: (line: string) => void;
};

const PASSWORD = 'postgres';
const READY_WITHIN_MS = 60_000;
const STOP_WITHIN_MS = 15_000;

/**
 * Starts PostgreSQL with its data in `dataDir` (initialised on first use, kept across runs),
 * listening on 127.0.0.1 only. The server is our child in its own process group, so a terminal's
 * Ctrl-C reaches only us and we stop it in our own order; it is killed if we exit without stopping
 * it. Throws EmbeddedPostgresError, naming the cause and the fix, when it cannot start.
 */
export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedServer> {
  const dataDir = resolve(options.dataDir);
  const binaries = await findPostgresBinaries();
  const user = await postgresOsUser();
  if (user) await checkReach(user, [binaries.postgres, join(dataDir, 'PG_VERSION')]);
  await prepareDataDir(dataDir, user);
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await initialise(binaries.initdb, dataDir, user);
  const port = options.port === 0 ? await findFreePort() : options.port;
  const child = spawn(
    binaries.postgres,
    ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1'].concat([
      '-c',
      'unix_socket_directories=',
    ]),
    { ...(user ?? {}), detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: serverEnv() },
  );
  const tail = collectTail(child, options.onLog);
  const url = `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`;
  const killOnExit = () => child.kill('SIGQUIT');
  process.once('exit', killOnExit);
  const stop = once(async () => {
    process.removeListener('exit', killOnExit);
    await stopChild(child);
  });
  try {
    await waitUntilReady(url, child);
  } catch (error) {
    await stop();
    throw new EmbeddedPostgresError(describeStartFailure(tail(), port, dataDir), { cause: error });
  }
  return { url, stop };
}

async function checkReach(user: OsUser, paths: readonly string[]): Promise<void> {
  for (const path of paths) {
    const closed = await firstClosedFolder(path, user);
    if (closed === null) continue;
    throw new EmbeddedPostgresError(
      `running as root, the embedded PostgreSQL runs as the "postgres" user, which cannot enter ${closed}; ` +
        'put the project and DATA_DIR in a folder others may enter (such as /srv or /home), run as a normal user, or set DATABASE_URL',
    );
  }
}

async function prepareDataDir(dataDir: string, user: OsUser | null): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  // PostgreSQL refuses a data folder that others can read.
  await chmod(dataDir, 0o700);
  if (user) await chown(dataDir, user.uid, user.gid);
}

async function initialise(initdb: string, dataDir: string, user: OsUser | null): Promise<void> {
  const passwordFile = join(tmpdir(), `slotline-pg-${process.pid}-${Date.now()}`);
  await writeFile(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  if (user) await chown(passwordFile, user.uid, user.gid);
  try {
    const args = ['--pgdata', dataDir, '--username=postgres', `--pwfile=${passwordFile}`];
    args.push('--auth=scram-sha-256', '--encoding=UTF8', '--locale=C', '--no-instructions');
    const child = spawn(initdb, args, {
      ...(user ?? {}),
      stdio: ['ignore', 'pipe', 'pipe'],
      env: serverEnv(),
    });
    const tail = collectTail(child);
    const [code] = await new Promise<[number | null]>((done) => {
      child.on('close', (exitCode) => done([exitCode]));
      child.on('error', () => done([null]));
    });
    if (code !== 0) {
      throw new EmbeddedPostgresError(
        `could not create the database in ${dataDir} (initdb: ${tail().at(-1) ?? 'failed'})`,
      );
    }
  } finally {
    await rm(passwordFile, { force: true });
  }
}

function serverEnv(): NodeJS.ProcessEnv {
  // English messages, so the few we read are recognisable whatever the machine's locale.
  return { PATH: process.env.PATH ?? '', LC_ALL: 'C', LANG: 'C' };
}

/** Keeps the server's last output lines (it must be read, or a full pipe would stall it). */
function collectTail(child: ChildProcess, onLog?: (line: string) => void): () => string[] {
  const lines: string[] = [];
  const take = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim() === '') continue;
      onLog?.(line);
      lines.push(line);
      if (lines.length > 30) lines.shift();
    }
  };
  child.stdout?.on('data', take);
  child.stderr?.on('data', take);
  return () => lines;
}

async function waitUntilReady(url: string, child: ChildProcess): Promise<void> {
  const spawnError = new Promise<never>((_, reject) => child.once('error', reject));
  spawnError.catch(() => {});
  const until = Date.now() + READY_WITHIN_MS;
  while (Date.now() < until) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error('server exited');
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
    client.on('error', () => {});
    const ready = await Promise.race([
      client.connect().then(
        () => true,
        () => false,
      ),
      spawnError,
    ]);
    await client.end().catch(() => {});
    if (ready) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not accept connections in time');
}

/**
 * One line that says why the server did not start and what to do.
 * @internal Exported for tests too.
 */
export function describeStartFailure(output: readonly string[], port: number, dataDir: string) {
  const text = output.join('\n');
  if (/Address already in use/.test(text)) {
    return `port ${port} for the embedded PostgreSQL is already in use; stop what listens there or set EMBEDDED_POSTGRES_PORT to a free port`;
  }
  if (/postmaster\.pid/.test(text)) {
    return `another PostgreSQL is already running on ${dataDir} (perhaps a Slotline that was killed); stop it, or set DATA_DIR to another folder`;
  }
  if (/Permission denied/.test(text)) {
    return `the embedded PostgreSQL cannot use ${dataDir} (permission denied); set DATA_DIR to a folder it may write`;
  }
  const last = output.findLast((line) => /FATAL|ERROR|PANIC/.test(line)) ?? output.at(-1);
  return `the embedded PostgreSQL did not start on port ${port}${last ? ` (${last.trim()})` : ''}`;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  // SIGINT is PostgreSQL's fast shutdown: sessions end, a checkpoint is written.
  child.kill('SIGINT');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_WITHIN_MS);
  await exited;
  clearTimeout(timer);
}

function once(run: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  return () => {
    running ??= run();
    return running;
  };
}

function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}
