// As root, PostgreSQL runs as a separate 'postgres' user; this finds or makes it and checks its reach.
import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { promisify } from 'node:util';
import { EmbeddedPostgresError } from './postgres-binaries.ts';

const run = promisify(execFile);

export type OsUser = { readonly uid: number; readonly gid: number };

/**
 * The user the server runs as: null when this process is not root (it runs as us), otherwise the
 * 'postgres' user, created when missing. Throws EmbeddedPostgresError when it cannot be created.
 */
export async function postgresOsUser(): Promise<OsUser | null> {
  if (process.getuid?.() !== 0) return null;
  const found = await lookUpUser('postgres');
  if (found) return found;
  try {
    await run('groupadd', ['-f', 'postgres']);
    await run('useradd', ['-g', 'postgres', '-M', '-s', '/usr/sbin/nologin', 'postgres']);
  } catch (error) {
    throw new EmbeddedPostgresError(
      'running as root, and no "postgres" user could be created for the embedded database; run Slotline as a normal user or set DATABASE_URL',
      { cause: error },
    );
  }
  const created = await lookUpUser('postgres');
  if (!created) throw new EmbeddedPostgresError('the "postgres" user vanished after creating it');
  return created;
}

async function lookUpUser(name: string): Promise<OsUser | null> {
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    return null;
  }
}

/**
 * The first folder above `path` (inclusive of its parents, not of `path` itself) that `user` may
 * not enter, or null when every one is open to it. Root reaches everything, so for root this is
 * only about the separate postgres user: a clone under /root is the usual case.
 */
export async function firstClosedFolder(path: string, user: OsUser): Promise<string | null> {
  for (let folder = dirname(resolve(path)); ; folder = dirname(folder)) {
    if (!(await mayEnter(folder, user))) return folder;
    if (folder === dirname(folder)) return null;
  }
}

async function mayEnter(folder: string, user: OsUser): Promise<boolean> {
  const info = await stat(folder).catch(() => null);
  // A folder that does not exist yet will be made by us, readable by others.
  if (!info) return true;
  if (info.uid === user.uid) return (info.mode & 0o100) !== 0;
  if (info.gid === user.gid) return (info.mode & 0o010) !== 0;
  return (info.mode & 0o001) !== 0;
}
