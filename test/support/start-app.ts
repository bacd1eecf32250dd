// Runs `node src/main.ts` as a child, as `npm start` does, and reads its pino JSON log output.
import { type ChildProcess, spawn } from 'node:child_process';
import { chmod, mkdtemp } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type StartedApp = {
  readonly child: ChildProcess;
  /** Everything the child wrote so far, stdout and stderr interleaved. */
  output(): string;
  /** Resolves with the exit code (null when killed by a signal) once the child has exited. */
  readonly exited: Promise<number | null>;
};

const started: ChildProcess[] = [];

/** SIGKILLs every child started since the last call; for afterEach. */
export function killStartedApps(): void {
  for (const child of started.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

/**
 * A port on 127.0.0.1 that was free a moment ago, for a child process to bind later. It is drawn
 * from 20000-32767, below Linux's ephemeral range (32768-60999): a port the kernel picks for
 * `listen(0)` or for an outbound connection (a pool's client socket, say) could be taken again by
 * such a socket in the seconds before the child binds it, which is how CI once saw EADDRINUSE.
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_768);
    if (await bindable(port)) return port;
  }
}

/** True when a listener could bind 127.0.0.1:`port` right now. */
function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** A fresh DATA_DIR; as root the embedded server runs as its own user, which must enter it. */
export async function freshDataDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  await chmod(dir, 0o755);
  return dir;
}

/**
 * Spawns the app with only PATH, LOG_LEVEL=info and `env` set. With `detached`, it leads a process
 * group of its own, as `npm start` in a terminal does, so a test can signal the whole group.
 */
export function startApp(
  env: Record<string, string>,
  options: { readonly detached?: boolean } = {},
): StartedApp {
  const child = spawn(process.execPath, ['src/main.ts'], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.detached ?? false,
  });
  started.push(child);
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  return { child, output: () => output, exited };
}

/** Resolves with the first match of `pattern` in the output; throws if the app exits first. */
export async function waitFor(
  app: { child: ChildProcess; output: () => string },
  pattern: RegExp,
  ms = 25_000,
): Promise<RegExpMatchArray> {
  const until = Date.now() + ms;
  for (;;) {
    const match = app.output().match(pattern);
    if (match) return match;
    if (app.child.exitCode !== null) throw new Error(`exited early: ${app.output()}`);
    if (Date.now() > until) throw new Error(`timed out waiting for ${pattern}: ${app.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** True once nothing accepts connections on 127.0.0.1:`port`, polling for up to `ms`. */
export async function closesWithin(port: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (await accepts(port)) {
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
  return true;
}

/** True when something accepts a TCP connection on 127.0.0.1:`port` right now. */
export function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** The parsed pino lines of `output` (other lines, such as the admin token banner, skipped). */
export function logLines(output: string): Record<string, unknown>[] {
  return output.split('\n').flatMap((line) => {
    if (!line.startsWith('{')) return [];
    try {
      return [JSON.parse(line) as Record<string, unknown>];
    } catch {
      return [];
    }
  });
}
