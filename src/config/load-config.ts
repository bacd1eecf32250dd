// Reads and validates the environment once, at startup; nothing else reads process.env.
import { z } from 'zod';
import { loadMeetingSettings, type MeetingSettings } from '../meetings/load-meeting-settings.ts';
import { type CalendarConfig, loadCalendarConfig } from './load-calendar-config.ts';
import { type ChatConfig, loadChatConfig } from './load-chat-config.ts';
import { loadPaymentConfig, type PaymentConfig } from './load-payment-config.ts';

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const envSchema = z.object({
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
      .optional(),
  ),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('.data'),
  EMBEDDED_POSTGRES_PORT: z.coerce.number().int().min(1).max(65_535).default(54_329),
  ADMIN_API_TOKEN: optionalText.pipe(
    z.string().min(16, 'must be at least 16 characters').optional(),
  ),
  NO_SHOW_LOCKOUT_DAYS: z.coerce.number().int().min(0).max(3650).default(30),
  WAITLIST_OFFER_MINUTES: z.coerce.number().int().min(1).max(1440).default(10),
  SEED_DEMO: z.enum(['true', 'false']).default('true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SMTP_URL: optionalText.pipe(
    z
      .string()
      .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
      .optional(),
  ),
  MAIL_FROM: z.string().min(3).default('Slotline <slotline@localhost>'),
});

export type Config = {
  readonly databaseUrl: string | undefined;
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly embeddedPostgresPort: number;
  readonly adminApiToken: string | undefined;
  readonly noShowLockoutDays: number;
  /** How long a freed time is kept for the person a waitlist offer goes to (1..1440). */
  readonly waitlistOfferMinutes: number;
  readonly seedDemo: boolean;
  readonly logLevel: string;
  /** Unset: mail is kept as .eml files in DATA_DIR/mail. */
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  readonly chat: ChatConfig;
  /** Zoom when configured, else Jitsi; used for virtual services' meeting links. */
  readonly meetings: MeetingSettings;
  /** Google, Outlook and Apple calendar sync, and the key that seals their secrets. */
  readonly calendars: CalendarConfig;
  /** Stripe payments; undefined (not null, so configs without payments compare as before) when off. */
  readonly payments: PaymentConfig | undefined;
};

class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Parses `env` into a Config. Throws ConfigError naming every bad variable, so startup stops with a
 * message a person can act on.
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env);
  const chat = loadChatConfig(env);
  const meetings = loadMeetingSettings(env);
  const calendars = loadCalendarConfig(env);
  const payments = loadPaymentConfig(env);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)),
    ...chat.problems,
    ...meetings.problems,
    ...calendars.problems,
    ...payments.problems,
  ];
  if (!parsed.success || problems.length > 0) {
    throw new ConfigError(`invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  return {
    databaseUrl: e.DATABASE_URL,
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    embeddedPostgresPort: e.EMBEDDED_POSTGRES_PORT,
    adminApiToken: e.ADMIN_API_TOKEN,
    noShowLockoutDays: e.NO_SHOW_LOCKOUT_DAYS,
    waitlistOfferMinutes: e.WAITLIST_OFFER_MINUTES,
    seedDemo: e.SEED_DEMO === 'true',
    logLevel: e.LOG_LEVEL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    chat: chat.config,
    meetings: meetings.settings,
    calendars: calendars.config,
    payments: payments.config ?? undefined,
  };
}
