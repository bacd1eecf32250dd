// The composition root: reads config, opens the database, builds the app and serves it.

import { join } from 'node:path';
import pino from 'pino';
import type { BotAdapter } from '../bots/bot-adapter.ts';
import { buildAdapters } from '../bots/build-adapters.ts';
import { buildCalendarDeps, type CalendarDepsInput } from './calendars/build-calendar-deps.ts';
import { checkInvoice } from './chat/check-invoice.ts';
import { serverSettings } from './chat/command-settings.ts';
import { handleChatEvent } from './chat/handle-chat-event.ts';
import { createProviderDirectory } from './chat/provider-directory.ts';
import { createRoutingMessenger, type RoutingMessenger } from './chat/routing-messenger.ts';
import { createWebInboxStore } from './chat/web-inbox-store.ts';
import { ensureAdminToken } from './config/ensure-admin-token.ts';
import { ensureEncryptionKey } from './config/ensure-encryption-key.ts';
import { type Config, loadConfig } from './config/load-config.ts';
import { openDatabase } from './db/database.ts';
import { BACKGROUND_TIMEOUTS, REQUEST_TIMEOUTS } from './db/database-timeouts.ts';
import { prepareDatabase } from './db/prepare-database.ts';
import { runMigrations } from './db/run-migrations.ts';
import { seedDemo } from './db/seed-demo.ts';
import { createApp } from './http/create-app.ts';
import { createRelayNudge } from './jobs/relay-nudge.ts';
import { type Jobs, startJobs } from './jobs/start-jobs.ts';
import { describeStartupFailure } from './lifecycle/describe-startup-failure.ts';
import { listenHttp } from './lifecycle/listen-http.ts';
import { createShutdownPlan, type ShutdownPlan } from './lifecycle/shutdown-plan.ts';
import { stopOnSignals } from './lifecycle/stop-on-signals.ts';
import { describeErrorSafely } from './logging/describe-error-safely.ts';
import { safeLogOptions } from './logging/safe-log-options.ts';
import { createOutboxMailer } from './mail/outbox-mailer.ts';
import { createSmtpMailer } from './mail/smtp-mailer.ts';
import { chooseMeetingSource, describeMeetingSource } from './meetings/choose-meeting-source.ts';
import type { PaymentDeps } from './payments/payment-deps.ts';
import { createStripeGateway } from './payments/stripe-gateway.ts';
import type { Clock } from './ports/clock.ts';
import type { Logger } from './ports/logger.ts';

// Shutdown gets this long before open work is abandoned (jobs are retried by the next start).
const SHUTDOWN_DEADLINE_MS = 10_000;
// Long polls and keep-alive connections get this long to finish after the adapters stop.
const HTTP_CLOSE_GRACE_MS = 1_000;
// Running jobs get this long to finish; pg-boss then fails them for a retry. Well inside the
// deadline, so a job stuck on a slow mail server does not turn a clean stop into exit 1.
const JOBS_GRACE_MS = 6_000;

/** Starts everything, adding each part's stop to `plan` as soon as it runs. */
async function main(config: Config, logger: pino.Logger, plan: ShutdownPlan): Promise<void> {
  const { encryption, handle, background, admin, database } = await openStorage(
    config,
    logger,
    plan,
  );

  const clock = () => new Date();
  // The engine needs a messenger and the adapters need the engine: the routing messenger is
  // created first and filled in as the adapters are built.
  const messenger = createRoutingMessenger();
  // Jobs start after the adapters (so reminders find a messenger), but the app is built first.
  // Requests that need the jobs (a calendar sync or push, the failed-jobs list) wait for them
  // during the second or so between serving and the jobs starting, instead of being dropped.
  let jobs: Jobs | null = null;
  const jobsStarted = Promise.withResolvers<Jobs>();
  const relayChanges = createRelayNudge(
    () => (jobs ? jobs.relayOnce() : Promise.resolve(0)),
    logger,
  );
  const calendars = calendarDepsFor(config, {
    key: encryption.key,
    db: background.db,
    messenger,
    logger,
    clock,
    jobs: () => jobsStarted.promise,
  });
  const payments = paymentDepsFor(config, logger);
  const chatDeps = {
    db: handle.db,
    messenger,
    noShowLockoutDays: config.noShowLockoutDays,
    defaultLanguage: config.chat.defaultLanguage,
    logger,
    relayChanges,
    calendars,
    payments,
    waitlist: {
      offerMinutes: config.waitlistOfferMinutes,
      // After a pass or a leave: the next in line hears of the freed time now, not at the sweep.
      nudge: async (providerId: string) => {
        try {
          await (await jobsStarted.promise).requestWaitlistOffers(providerId);
        } catch (error) {
          logger.warn({ err: describeErrorSafely(error) }, 'waitlist walk not queued');
        }
      },
    },
  };
  const app = createApp({
    db: handle.db,
    adminToken: admin.token,
    clock,
    noShowLockoutDays: config.noShowLockoutDays,
    logger,
    relayChanges,
    calendars,
    payments,
    defaultLanguage: config.chat.defaultLanguage,
    listFailedJobs: async (options) => (await jobsStarted.promise).listFailedJobs(options),
  });
  const adapters = buildAdapters({
    config: config.chat,
    providers: createProviderDirectory(handle.db, clock),
    webInbox: createWebInboxStore(handle.db, clock),
    handle: (event) => handleChatEvent(chatDeps, event, clock()),
    logger,
    clock,
    menuSettings: serverSettings(chatDeps),
    telegramPayments: payments?.telegramProviderToken
      ? {
          providerToken: payments.telegramProviderToken,
          checkInvoice: (check) => checkInvoice(chatDeps, check, clock()),
        }
      : null,
  });
  const server = await serveApp(config, app, { adapters, messenger, logger });
  plan.add('inbound', 'http', () => server.close(HTTP_CLOSE_GRACE_MS));
  plan.add('inbound', 'chat adapters', async () => {
    await Promise.allSettled(adapters.map((a) => a.stop()));
  });
  await startAdapters(adapters, logger);
  const started = await startBackground(config, {
    databaseUrl: database.url,
    db: background.db,
    messenger,
    logger,
    clock,
    calendars,
    payments,
    waitlistOfferMinutes: config.waitlistOfferMinutes,
    defaultLanguage: config.chat.defaultLanguage,
  });
  // pg-boss has its own pool on the database: it closes in the work phase, before storage.
  plan.add('work', 'background jobs', () => started.stop(JOBS_GRACE_MS));
  jobs = started;
  jobsStarted.resolve(started);
}

/**
 * The encryption key (checked first, so a malformed one stops startup before anything runs),
 * the database (embedded or DATABASE_URL) migrated and seeded, and the admin token.
 */
async function openStorage(config: Config, logger: pino.Logger, plan: ShutdownPlan) {
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
  plan.add('storage', 'database', () => database.stop());
  logger.info({ database: database.kind }, 'database ready');
  await runMigrations(database.url);
  // Two pools, so slow background work (calendar calls) never takes a waiting person's connection,
  // each with the timeouts of its path (src/db/database-timeouts.ts).
  const handle = openDatabase(database.url, {
    timeouts: REQUEST_TIMEOUTS,
    name: 'slotline-requests',
  });
  plan.add('storage', 'request pool', () => handle.close());
  const background = openDatabase(database.url, {
    timeouts: BACKGROUND_TIMEOUTS,
    name: 'slotline-background',
  });
  plan.add('storage', 'background pool', () => background.close());
  if (config.seedDemo && (await seedDemo(handle.db)))
    logger.info('seeded a demo provider and client');
  const admin = await ensureAdminToken(config.adminApiToken, config.dataDir);
  if (admin.source === 'generated') {
    // Shown once so a newcomer can call the API; it stays in the data directory, never in logs again.
    process.stdout.write(
      `\nAdmin API token (kept in ${config.dataDir}/admin-token): ${admin.token}\n\n`,
    );
  }
  return { encryption, database, handle, background, admin };
}

/** Calendar sync's deps; its job requests go to `jobs()`, which resolves once background work has started. */
function calendarDepsFor(
  config: Config,
  parts: Omit<CalendarDepsInput, 'config' | 'publicUrl' | 'requestSync' | 'requestPush'> & {
    readonly jobs: () => Promise<Jobs>;
  },
) {
  const { jobs, ...rest } = parts;
  return buildCalendarDeps({
    ...rest,
    config: config.calendars,
    publicUrl: config.chat.publicUrl ?? `http://localhost:${config.port}`,
    defaultLanguage: config.chat.defaultLanguage,
    requestSync: async (connectionId) => {
      await (await jobs()).requestCalendarSync(connectionId);
    },
    requestPush: async (connectionId, appointmentId) => {
      await (await jobs()).requestCalendarPush(connectionId, appointmentId);
    },
  });
}

/** Stripe and the hold when STRIPE_SECRET_KEY is set, else null; logs which (never a key). */
function paymentDepsFor(config: Config, logger: Logger): PaymentDeps | null {
  const payments = config.payments;
  if (payments === undefined) {
    logger.info({ payments: 'off' }, 'payments off: no STRIPE_SECRET_KEY');
    return null;
  }
  logger.info(
    {
      payments: 'stripe',
      holdMinutes: payments.holdMinutes,
      telegramInvoices: payments.telegramProviderToken !== undefined,
    },
    'payments on: Stripe',
  );
  return {
    gateway: createStripeGateway({ ...payments, logger }),
    holdMinutes: payments.holdMinutes,
    telegramProviderToken: payments.telegramProviderToken,
    returnBaseUrl: config.chat.publicUrl ?? `http://localhost:${config.port}`,
  };
}

/** The mailer and meeting source the settings choose, then pg-boss with every worker. */
async function startBackground(
  config: Config,
  deps: Omit<Parameters<typeof startJobs>[0], 'mailer' | 'meetings'>,
): Promise<Jobs> {
  const { mailer, close } = createMailer(config, deps.logger, deps.clock);
  const meetings = chooseMeetingSource(config.meetings, { clock: deps.clock });
  const started = await startJobs({ ...deps, mailer, meetings });
  const jobs: Jobs = {
    ...started,
    stop: async (graceMs) => {
      await started.stop(graceMs);
      close();
    },
  };
  deps.logger.info(
    { mail: config.smtpUrl ? 'smtp' : 'outbox', meetings: describeMeetingSource(meetings) },
    'background jobs started',
  );
  return jobs;
}

/**
 * SMTP when SMTP_URL is set, else .eml files in DATA_DIR/mail that a newcomer can open; with
 * what closes it (the SMTP pool's connections) once the jobs have stopped.
 */
function createMailer(config: Config, logger: Logger, clock: Clock) {
  if (config.smtpUrl) {
    const smtp = createSmtpMailer({
      smtpUrl: config.smtpUrl,
      from: config.mailFrom,
      logger,
      clock,
    });
    return { mailer: smtp, close: () => smtp.close() };
  }
  const dir = join(config.dataDir, 'mail');
  return {
    mailer: createOutboxMailer({ dir, from: config.mailFrom, logger, clock }),
    close: () => {},
  };
}

/** Mounts the adapters' routes and registers their messengers, then serves the app. */
async function serveApp(
  config: Config,
  app: ReturnType<typeof createApp>,
  parts: { adapters: BotAdapter[]; messenger: RoutingMessenger; logger: pino.Logger },
) {
  for (const adapter of parts.adapters) {
    parts.messenger.register(adapter.platform, adapter.messenger);
    adapter.mount(app);
  }
  const server = await listenHttp(app.fetch, { port: config.port, host: config.host });
  parts.logger.info({ port: server.port }, `Slotline listening on http://localhost:${server.port}`);
  return server;
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

/**
 * Loads the settings and starts. A failure at any step stops what had started, in order, and
 * prints one line naming the cause and the fix (never a stack); then the process exits 1.
 */
async function run(): Promise<void> {
  const env = process.env;
  let config: Config | null = null;
  // Info until the settings are read; LOG_LEVEL is checked with the rest of them.
  const logger = pino({ level: 'info', ...safeLogOptions() });
  const plan = createShutdownPlan(logger);
  try {
    config = loadConfig(env);
    logger.level = config.logLevel;
    stopOnSignals(plan, logger, {
      deadlineMs: SHUTDOWN_DEADLINE_MS,
      exit: (code) => process.exit(code),
    });
    await main(config, logger, plan);
  } catch (error) {
    await plan.run();
    const context = {
      port: config?.port ?? 3000,
      dataDir: config?.dataDir ?? '.data',
      databaseUrl: config ? config.databaseUrl : env.DATABASE_URL,
    };
    process.stderr.write(`Slotline could not start: ${describeStartupFailure(error, context)}
`);
    process.exit(1);
  }
}

await run();
