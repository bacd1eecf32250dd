// The composition root: reads config, opens the database, builds the app and serves it.
import { serve } from '@hono/node-server';
import pino from 'pino';
import { ensureAdminToken } from './config/ensure-admin-token.ts';
import { type Config, ConfigError, loadConfig } from './config/load-config.ts';
import { openDatabase } from './db/database.ts';
import { prepareDatabase } from './db/prepare-database.ts';
import { runMigrations } from './db/run-migrations.ts';
import { seedDemo } from './db/seed-demo.ts';
import { createApp } from './http/create-app.ts';

async function main(config: Config): Promise<void> {
  const logger = pino({ level: config.logLevel });
  const database = await prepareDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    embeddedPort: config.embeddedPostgresPort,
  });
  logger.info({ database: database.kind }, 'database ready');
  await runMigrations(database.url);
  const handle = openDatabase(database.url);
  if (config.seedDemo && (await seedDemo(handle.db)))
    logger.info('seeded a demo provider and client');

  const admin = await ensureAdminToken(config.adminApiToken, config.dataDir);
  if (admin.source === 'generated') {
    // Shown once so a newcomer can call the API; it stays in the data directory, never in logs again.
    process.stdout.write(
      `\nAdmin API token (kept in ${config.dataDir}/admin-token): ${admin.token}\n\n`,
    );
  }

  const app = createApp({
    db: handle.db,
    adminToken: admin.token,
    clock: () => new Date(),
    noShowLockoutDays: config.noShowLockoutDays,
    logger,
  });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    logger.info({ port: info.port }, `Slotline listening on http://localhost:${info.port}`);
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await handle.close();
    await database.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

try {
  await main(loadConfig(process.env));
} catch (error) {
  const message = error instanceof ConfigError ? error.message : String(error);
  console.error(`Slotline could not start: ${message}`);
  if (!(error instanceof ConfigError)) console.error(error);
  process.exit(1);
}
