// The composition root: reads config, opens the database, builds the app and serves it.
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import pino from 'pino';
import type { BotAdapter } from '../bots/bot-adapter.ts';
import { buildAdapters } from '../bots/build-adapters.ts';
import { buildCalendarDeps, type CalendarDepsInput } from './calendars/build-calendar-deps.ts';
import { EncryptionKeyError } from './calendars/secret-box.ts';
import { handleChatEvent } from './chat/handle-chat-event.ts';
import { createRoutingMessenger, type RoutingMessenger } from './chat/routing-messenger.ts';
import { ensureAdminToken } from './config/ensure-admin-token.ts';
import { ensureEncryptionKey } from './config/ensure-encryption-key.ts';
import { type Config, ConfigError, loadConfig } from './config/load-config.ts';
import { openDatabase } from './db/database.ts';
import { prepareDatabase } from './db/prepare-database.ts';
import { runMigrations } from './db/run-migrations.ts';
import { seedDemo } from './db/seed-demo.ts';
import { createApp } from './http/create-app.ts';
import { createRelayNudge } from './jobs/relay-nudge.ts';
import { type Jobs, startJobs } from './jobs/start-jobs.ts';
import type { MailLogger } from './mail/mail-logger.ts';
import { createOutboxMailer } from './mail/outbox-mailer.ts';
import { createSmtpMailer } from './mail/smtp-mailer.ts';
import { chooseMeetingProvider } from './meetings/choose-meeting-provider.ts';

async function main(config: Config): Promise<void> {
  const logger = pino({ level: config.logLevel });
  const { encryption, database, handle, admin } = await openStorage(config, logger);

  const clock = () => new Date();
  // The engine needs a messenger and the adapters need the engine: the routing messenger is
  // created first and filled in as the adapters are built.
  const messenger = createRoutingMessenger();
  // Jobs start after the adapters (so reminders find a messenger), but the app is built first.
  let jobs: Jobs | null = null;
  const relayChanges = createRelayNudge(
    () => (jobs ? jobs.relayOnce() : Promise.resolve(0)),
    logger,
  );
  const calendars = calendarDepsFor(config, {
    key: encryption.key,
    db: handle.db,
    messenger,
    logger,
    clock,
    jobs: () => jobs,
  });
  const chatDeps = {
    db: handle.db,
    messenger,
    noShowLockoutDays: config.noShowLockoutDays,
    logger,
    relayChanges,
    calendars,
  };
  const app = createApp({
    db: handle.db,
    adminToken: admin.token,
    clock,
    noShowLockoutDays: config.noShowLockoutDays,
    logger,
    relayChanges,
    calendars,
    listFailedJobs: async (options) => (jobs ? jobs.listFailedJobs(options) : []),
  });
  const adapters = buildAdapters({
    config: config.chat,
    db: handle.db,
    handle: (event) => handleChatEvent(chatDeps, event, clock()),
    logger,
    clock,
  });
  const server = serveApp(config, app, { adapters, messenger, logger });
  await startAdapters(adapters, logger);
  jobs = await startBackground(config, {
    databaseUrl: database.url,
    db: handle.db,
    messenger,
    logger,
    clock,
    calendars: { ...calendars, requestMeeting: config.meetings.zoom === null },
  });

  stopOnSignals(logger, async () => {
    await Promise.allSettled(adapters.map((a) => a.stop()));
    await new Promise<void>((resolve) => server.close(() => resolve()));
    // pg-boss has its own pool on the database: it must close before the database stops.
    await jobs?.stop();
    await handle.close();
    await database.stop();
  });
}

/**
 * The encryption key (checked first, so a malformed one stops startup before anything runs),
 * the database (embedded or DATABASE_URL) migrated and seeded, and the admin token.
 */
async function openStorage(config: Config, logger: pino.Logger) {
  const encryption = await ensureEncryptionKey(config.calendars.encryptionKey, config.dataDir);
  if (encryption.source === 'generated') {
    logger.info(
      `generated an encryption key for calendar secrets in ${config.dataDir}/encryption-key`,
    );
  }
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
  return { encryption, database, handle, admin };
}

/** Calendar sync's deps; its job requests go to `jobs()`, which exists once background work has started. */
function calendarDepsFor(
  config: Config,
  parts: Omit<CalendarDepsInput, 'config' | 'publicUrl' | 'requestSync' | 'requestPush'> & {
    readonly jobs: () => Jobs | null;
  },
) {
  const { jobs, ...rest } = parts;
  return buildCalendarDeps({
    ...rest,
    config: config.calendars,
    publicUrl: config.chat.publicUrl ?? `http://localhost:${config.port}`,
    requestSync: async (connectionId) => {
      await jobs()?.requestCalendarSync(connectionId);
    },
    requestPush: async (connectionId, appointmentId) => {
      await jobs()?.requestCalendarPush(connectionId, appointmentId);
    },
  });
}

/** The mailer and meeting service the settings choose, then pg-boss with every worker. */
async function startBackground(
  config: Config,
  deps: Omit<Parameters<typeof startJobs>[0], 'mailer' | 'meetings'>,
): Promise<Jobs> {
  const mailer = createMailer(config, deps.logger, deps.clock);
  const meetings = chooseMeetingProvider(config.meetings, { clock: deps.clock });
  const jobs = await startJobs({ ...deps, mailer, meetings });
  deps.logger.info(
    { mail: config.smtpUrl ? 'smtp' : 'outbox', meetings: meetings.name },
    'background jobs started',
  );
  return jobs;
}

/** SMTP when SMTP_URL is set, else .eml files in DATA_DIR/mail that a newcomer can open. */
function createMailer(config: Config, logger: MailLogger, clock: () => Date) {
  return config.smtpUrl
    ? createSmtpMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, logger, clock })
    : createOutboxMailer({
        dir: join(config.dataDir, 'mail'),
        from: config.mailFrom,
        logger,
        clock,
      });
}

/** Runs `shutdown` once on SIGINT or SIGTERM, then exits 0. */
function stopOnSignals(logger: pino.Logger, shutdown: () => Promise<void>): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await shutdown();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

/** Mounts the adapters' routes and registers their messengers, then serves the app. */
function serveApp(
  config: Config,
  app: ReturnType<typeof createApp>,
  parts: { adapters: BotAdapter[]; messenger: RoutingMessenger; logger: pino.Logger },
) {
  for (const adapter of parts.adapters) {
    parts.messenger.register(adapter.platform, adapter.messenger);
    adapter.mount(app);
  }
  return serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    parts.logger.info({ port: info.port }, `Slotline listening on http://localhost:${info.port}`);
  });
}

/** Starts each adapter; one that fails is logged and left out, the others keep running. */
async function startAdapters(adapters: BotAdapter[], logger: pino.Logger): Promise<void> {
  const results = await Promise.allSettled(adapters.map((a) => a.start()));
  const started = adapters
    .filter((_, i) => results[i]?.status === 'fulfilled')
    .map((a) => a.platform);
  results.forEach((result, i) => {
    if (result.status === 'rejected') {
      logger.error(
        { platform: adapters[i]?.platform, err: result.reason },
        'chat adapter failed to start',
      );
    }
  });
  logger.info({ adapters: started }, `chat adapters started: ${started.join(', ')}`);
}

try {
  await main(loadConfig(process.env));
} catch (error) {
  const clear = error instanceof ConfigError || error instanceof EncryptionKeyError;
  const message = clear ? error.message : String(error);
  console.error(`Slotline could not start: ${message}`);
  if (!clear) console.error(error);
  process.exit(1);
}
