// The newcomer's path: `npm start` with no settings runs an embedded database, seeds a demo and
// serves the API; SIGTERM shuts everything down.
import { once } from 'node:events';
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  closesWithin,
  freePort,
  freshDataDir,
  killStartedApps,
  startApp as start,
  waitFor,
} from './support/start-app.ts';

afterEach(killStartedApps);

describe('npm start', () => {
  it('starts on embedded PostgreSQL with demo data, serves slots, and stops cleanly', async () => {
    // As root the embedded server runs as its own user, which must be able to enter the folder.
    const dataDir = await freshDataDir('slotline-start-');
    const port = await freePort();
    const app = start({
      DATA_DIR: dataDir,
      PORT: String(port),
      EMBEDDED_POSTGRES_PORT: String(await freePort()),
    });
    await waitFor(app, /Slotline listening/);
    expect(app.output()).toMatch(/Admin API token \(kept in .*admin-token\): \S+/);
    const token = (await readFile(join(dataDir, 'admin-token'), 'utf8')).trim();
    // No ENCRYPTION_KEY: one is generated once, kept private in the data directory, never logged.
    const keyFile = join(dataDir, 'encryption-key');
    const key = (await readFile(keyFile, 'utf8')).trim();
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    expect(app.output()).not.toContain(key);
    const base = `http://127.0.0.1:${port}`;
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
    await waitFor(app, /chat adapters started: web/);
    await waitFor(app, /background jobs started/);
    const page = await fetch(`${base}/`);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('Provider: Dr. Anna Weber');
    const auth = { authorization: `Bearer ${token}` };
    const failed = await fetch(`${base}/api/jobs/failed`, { headers: auth });
    expect(await failed.json()).toEqual({ data: [], next_cursor: null });
    const providers = (await (await fetch(`${base}/api/providers`, { headers: auth })).json()) as {
      data: { id: string }[];
    };
    expect(providers.data).toHaveLength(1);
    const id = providers.data[0]?.id;
    const services = (await (
      await fetch(`${base}/api/providers/${id}/services`, { headers: auth })
    ).json()) as { data: { id: string }[] };
    const slots = await fetch(
      `${base}/api/providers/${id}/slots?service_id=${services.data[0]?.id}&date=2030-01-08&days=1`,
      { headers: auth },
    );
    expect(slots.status).toBe(200);
    expect(((await slots.json()) as { timezone: string }).timezone).toBe('Europe/Berlin');
    app.child.kill('SIGTERM');
    const [code] = await once(app.child, 'exit');
    expect(code).toBe(0);
    expect(app.output()).toContain('shutting down');
    // A clean stop logs no errors (pino level 50), e.g. none from pg-boss losing its connections.
    expect(app.output()).not.toContain('"level":50');
  });

  it('stops with a clear message on a bad setting', async () => {
    const app = start({ PORT: 'eighty', DATA_DIR: await mkdtemp(join(tmpdir(), 'slotline-bad-')) });
    const [code] = await once(app.child, 'exit');
    expect(code).toBe(1);
    expect(app.output()).toContain('Slotline could not start: invalid configuration');
    expect(app.output()).toContain('PORT');
  });

  it('stops on a malformed ENCRYPTION_KEY, saying what is expected without echoing it', async () => {
    const dataDir = await freshDataDir('slotline-badkey-');
    const embeddedPort = await freePort();
    const app = start({
      DATA_DIR: dataDir,
      PORT: String(await freePort()),
      EMBEDDED_POSTGRES_PORT: String(embeddedPort),
      ENCRYPTION_KEY: 'not-a-key',
    });
    const [code] = await once(app.child, 'exit');
    expect(code).toBe(1);
    expect(app.output()).toContain('Slotline could not start');
    expect(app.output()).toContain('ENCRYPTION_KEY: ');
    expect(app.output()).toContain('64 hex characters');
    // Checked before anything starts: no database, no admin token.
    expect(app.output()).not.toContain('Admin API token');
    await expect(stat(join(dataDir, 'postgres'))).rejects.toThrow();
    expect(app.output()).not.toContain('not-a-key');
    expect(app.output()).not.toContain('Slotline listening');
    // A configured key is never replaced by a generated one.
    await expect(stat(join(dataDir, 'encryption-key'))).rejects.toThrow();
    // The embedded database stops with the process (it may take a moment after the exit).
    expect(await closesWithin(embeddedPort, 10_000)).toBe(true);
  });
});
