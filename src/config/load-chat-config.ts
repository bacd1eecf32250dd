// Chat platform settings: each adapter is configured only when its token is present.
import { z } from 'zod';
import type { Platform } from '../domain/platforms.ts';
import type { Language } from '../i18n/languages.ts';
import { envLanguage, envText as text, envUrl as url } from './env-fields.ts';

const chatEnvSchema = z.object({
  WEB_CHAT: z.enum(['demo', 'clients', 'off']).default('demo'),
  DEFAULT_LANGUAGE: envLanguage,
  PUBLIC_URL: url,
  TELEGRAM_BOT_TOKEN: text,
  TELEGRAM_WEBHOOK_SECRET: text.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,256}$/, 'must be 16-256 characters of A-Z, a-z, 0-9, _ and -')
      .optional(),
  ),
  TELEGRAM_API_ROOT: url,
  SLACK_BOT_TOKEN: text,
  SLACK_SIGNING_SECRET: text,
  SLACK_APP_TOKEN: text,
  SLACK_API_URL: url,
  DISCORD_BOT_TOKEN: text,
  DISCORD_APPLICATION_ID: text.pipe(z.string().regex(/^\d+$/, 'must be a numeric id').optional()),
  DISCORD_GUILD_ID: text.pipe(z.string().regex(/^\d+$/, 'must be a numeric id').optional()),
  DISCORD_API_URL: url,
});

type TelegramConfig = {
  readonly token: string;
  readonly webhookSecret: string | null;
  readonly apiRoot: string;
};
type SlackConfig = {
  readonly botToken: string;
  readonly signingSecret: string;
  readonly appToken: string | null;
  readonly apiUrl: string;
};
type DiscordConfig = {
  readonly token: string;
  readonly applicationId: string;
  readonly guildId: string | null;
  readonly apiUrl: string;
};
/** demo: anyone may act as any client or provider; clients: no provider personas; off: no web chat. */
type WebChatMode = 'demo' | 'clients' | 'off';

/** Each platform's settings: null when not configured (the web chat: 'off'). */
type PlatformSettings = {
  readonly telegram: TelegramConfig | null;
  readonly slack: SlackConfig | null;
  readonly discord: DiscordConfig | null;
  readonly web: WebChatMode;
};

/** One key per platform: a new platform fails to compile until PlatformSettings names its settings. */
export type ChatConfig = {
  readonly publicUrl: string | null;
  /** DEFAULT_LANGUAGE: who has no choice, platform hint or stored language reads this. */
  readonly defaultLanguage: Language;
} & {
  readonly [P in Platform]: PlatformSettings[P];
};

/**
 * Parses the chat settings. Returns the problems as strings (empty when fine) next to the config,
 * so loadConfig can report every bad variable at once. A platform is configured only when its
 * token is set; the settings it cannot work without are then required.
 */
export function loadChatConfig(env: Record<string, string | undefined>): {
  config: ChatConfig;
  problems: string[];
} {
  const parsed = chatEnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    return {
      config: {
        publicUrl: null,
        defaultLanguage: 'en',
        telegram: null,
        slack: null,
        discord: null,
        web: 'off',
      },
      problems,
    };
  }
  const e = parsed.data;
  const problems: string[] = [];
  const publicUrl = e.PUBLIC_URL?.replace(/\/+$/, '') ?? null;
  if (e.TELEGRAM_BOT_TOKEN && publicUrl && !e.TELEGRAM_WEBHOOK_SECRET) {
    problems.push(
      'TELEGRAM_WEBHOOK_SECRET: required when PUBLIC_URL is set (Telegram webhook mode)',
    );
  }
  if (e.SLACK_BOT_TOKEN && !e.SLACK_SIGNING_SECRET && !e.SLACK_APP_TOKEN) {
    problems.push(
      'SLACK_SIGNING_SECRET: required for Slack over HTTP (or set SLACK_APP_TOKEN for Socket Mode)',
    );
  }
  if (e.DISCORD_BOT_TOKEN && !e.DISCORD_APPLICATION_ID) {
    problems.push('DISCORD_APPLICATION_ID: required with DISCORD_BOT_TOKEN');
  }
  return {
    problems,
    config: {
      publicUrl,
      defaultLanguage: e.DEFAULT_LANGUAGE,
      web: e.WEB_CHAT,
      telegram: e.TELEGRAM_BOT_TOKEN
        ? {
            token: e.TELEGRAM_BOT_TOKEN,
            webhookSecret: e.TELEGRAM_WEBHOOK_SECRET ?? null,
            apiRoot: (e.TELEGRAM_API_ROOT ?? 'https://api.telegram.org').replace(/\/+$/, ''),
          }
        : null,
      slack: e.SLACK_BOT_TOKEN
        ? {
            botToken: e.SLACK_BOT_TOKEN,
            signingSecret: e.SLACK_SIGNING_SECRET ?? '',
            appToken: e.SLACK_APP_TOKEN ?? null,
            apiUrl: e.SLACK_API_URL ?? 'https://slack.com/api/',
          }
        : null,
      discord:
        e.DISCORD_BOT_TOKEN && e.DISCORD_APPLICATION_ID
          ? {
              token: e.DISCORD_BOT_TOKEN,
              applicationId: e.DISCORD_APPLICATION_ID,
              guildId: e.DISCORD_GUILD_ID ?? null,
              apiUrl: (e.DISCORD_API_URL ?? 'https://discord.com/api').replace(/\/+$/, ''),
            }
          : null,
    },
  };
}
