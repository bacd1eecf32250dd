// The environment is parsed once, with defaults, and every bad value is named.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';

/** describeStartupFailure shows a ConfigError's message as it is: it goes by the name. */
const CONFIG_ERROR = expect.objectContaining({ name: 'ConfigError' });

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    expect(loadConfig({})).toEqual({
      databaseUrl: undefined,
      port: 3000,
      host: '0.0.0.0',
      dataDir: '.data',
      embeddedPostgresPort: 54329,
      adminApiToken: undefined,
      noShowLockoutDays: 30,
      waitlistOfferMinutes: 10,
      seedDemo: true,
      logLevel: 'info',
      smtpUrl: undefined,
      mailFrom: 'Slotline <slotline@localhost>',
      meetings: { zoom: null, jitsiBaseUrl: null },
      chat: {
        publicUrl: null,
        defaultLanguage: 'en',
        telegram: null,
        slack: null,
        discord: null,
        web: 'demo',
      },
      calendars: {
        encryptionKey: undefined,
        google: null,
        outlook: null,
        appleCalDavUrl: 'https://caldav.icloud.com',
        timeoutMs: 20_000,
      },
    });
  });

  it('reads every setting', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u@h/db',
      PORT: '8080',
      HOST: '127.0.0.1',
      DATA_DIR: '/var/lib/slotline',
      EMBEDDED_POSTGRES_PORT: '6000',
      ADMIN_API_TOKEN: 'a-long-enough-token',
      NO_SHOW_LOCKOUT_DAYS: '7',
      WAITLIST_OFFER_MINUTES: '15',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      SMTP_URL: 'smtp://user:pass@mail.example.com:587',
      MAIL_FROM: 'Bookings <bookings@example.com>',
    });
    expect(config).toMatchObject({
      databaseUrl: 'postgres://u@h/db',
      port: 8080,
      noShowLockoutDays: 7,
      waitlistOfferMinutes: 15,
      seedDemo: false,
      logLevel: 'warn',
    });
  });

  it.each([
    ['de', 'de'],
    ['DE', 'de'],
    [' en ', 'en'],
    ['', 'en'],
  ])('reads DEFAULT_LANGUAGE=%j as %s', (value, language) => {
    expect(loadConfig({ DEFAULT_LANGUAGE: value }).chat.defaultLanguage).toBe(language);
  });

  it('names the languages DEFAULT_LANGUAGE may be', () => {
    expect(() => loadConfig({ DEFAULT_LANGUAGE: 'fr' })).toThrow(
      'DEFAULT_LANGUAGE: must be one of en, de',
    );
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', ADMIN_API_TOKEN: '  ' })).toMatchObject({
      databaseUrl: undefined,
      adminApiToken: undefined,
    });
  });

  it.each([
    ['DATABASE_URL', 'mysql://x'],
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['ADMIN_API_TOKEN', 'short'],
    ['NO_SHOW_LOCKOUT_DAYS', '-1'],
    ['WAITLIST_OFFER_MINUTES', '0'],
    ['WAITLIST_OFFER_MINUTES', '1441'],
    ['SEED_DEMO', 'yes'],
    ['LOG_LEVEL', 'loud'],
    ['DEFAULT_LANGUAGE', 'fr'],
    ['DEFAULT_LANGUAGE', 'german'],
  ])('refuses %s=%s, naming it', (key, value) => {
    expect(() => loadConfig({ [key]: value })).toThrow(CONFIG_ERROR);
    expect(() => loadConfig({ [key]: value })).toThrow(key);
  });

  it('configures a chat platform only when its token is set, with defaults for its API', () => {
    const config = loadConfig({
      TELEGRAM_BOT_TOKEN: '123:abc',
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 'secret',
      DISCORD_BOT_TOKEN: 'discord-token',
      DISCORD_APPLICATION_ID: '42',
      PUBLIC_URL: 'https://book.example.com/',
      TELEGRAM_WEBHOOK_SECRET: 'a-long-webhook-secret',
    });
    expect(config.chat).toEqual({
      web: 'demo',
      defaultLanguage: 'en',
      publicUrl: 'https://book.example.com',
      telegram: {
        token: '123:abc',
        webhookSecret: 'a-long-webhook-secret',
        apiRoot: 'https://api.telegram.org',
      },
      slack: {
        botToken: 'xoxb-1',
        signingSecret: 'secret',
        appToken: null,
        apiUrl: 'https://slack.com/api/',
      },
      discord: {
        token: 'discord-token',
        applicationId: '42',
        guildId: null,
        apiUrl: 'https://discord.com/api',
      },
    });
  });

  it('points clients at other servers with the *_API_ROOT and *_URL settings', () => {
    const config = loadConfig({
      TELEGRAM_BOT_TOKEN: '1:x',
      TELEGRAM_API_ROOT: 'http://127.0.0.1:9000/',
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_APP_TOKEN: 'xapp-1',
      SLACK_API_URL: 'http://127.0.0.1:9001/api/',
    });
    expect(config.chat.telegram?.apiRoot).toBe('http://127.0.0.1:9000');
    expect(config.chat.slack).toMatchObject({
      appToken: 'xapp-1',
      apiUrl: 'http://127.0.0.1:9001/api/',
    });
  });

  it.each([
    [{ TELEGRAM_BOT_TOKEN: '1:x', PUBLIC_URL: 'https://x.example' }, 'TELEGRAM_WEBHOOK_SECRET'],
    [{ TELEGRAM_BOT_TOKEN: '1:x', TELEGRAM_WEBHOOK_SECRET: 'short' }, 'TELEGRAM_WEBHOOK_SECRET'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_SIGNING_SECRET'],
    [{ DISCORD_BOT_TOKEN: 'd' }, 'DISCORD_APPLICATION_ID'],
    [{ DISCORD_BOT_TOKEN: 'd', DISCORD_APPLICATION_ID: 'abc' }, 'DISCORD_APPLICATION_ID'],
    [{ PUBLIC_URL: 'not a url' }, 'PUBLIC_URL'],
    [{ WEB_CHAT: 'public' }, 'WEB_CHAT'],
    [{ SMTP_URL: 'http://mail.example.com' }, 'SMTP_URL'],
    [{ ZOOM_ACCOUNT_ID: 'acc' }, 'ZOOM_CLIENT_ID'],
  ])('refuses an incomplete or malformed chat setup %#', (env, named) => {
    expect(() => loadConfig(env)).toThrow(named);
  });

  it('offers Google only with both its client id and secret, naming both when one is missing', () => {
    for (const env of [{ GOOGLE_CLIENT_ID: 'cid' }, { GOOGLE_CLIENT_SECRET: 'secret' }]) {
      expect(() => loadConfig(env)).toThrow(CONFIG_ERROR);
      expect(() => loadConfig(env)).toThrow(/GOOGLE_CLIENT_ID.*GOOGLE_CLIENT_SECRET/);
    }
    expect(() => loadConfig({ MS_CLIENT_ID: 'ms' })).toThrow(/MS_CLIENT_ID.*MS_CLIENT_SECRET/);
  });

  it('reads a full Google setup, without the API root slash doubling', () => {
    const config = loadConfig({
      ENCRYPTION_KEY: ' abc ',
      GOOGLE_CLIENT_ID: 'cid.apps.googleusercontent.com',
      GOOGLE_CLIENT_SECRET: 'gsecret',
      GOOGLE_API_ROOT: 'http://127.0.0.1:9100//',
      GOOGLE_AUTH_URL: 'http://127.0.0.1:9100/o/oauth2/v2/auth',
      GOOGLE_TOKEN_URL: 'http://127.0.0.1:9100/token',
      APPLE_CALDAV_URL: 'http://127.0.0.1:9200/',
    });
    expect(config.calendars).toEqual({
      encryptionKey: 'abc',
      google: {
        clientId: 'cid.apps.googleusercontent.com',
        clientSecret: 'gsecret',
        apiRoot: 'http://127.0.0.1:9100/',
        authUrl: 'http://127.0.0.1:9100/o/oauth2/v2/auth',
        tokenUrl: 'http://127.0.0.1:9100/token',
      },
      outlook: null,
      appleCalDavUrl: 'http://127.0.0.1:9200',
      timeoutMs: 20_000,
    });
    expect(
      loadConfig({ GOOGLE_CLIENT_ID: 'cid', GOOGLE_CLIENT_SECRET: 's' }).calendars.google,
    ).toEqual({
      clientId: 'cid',
      clientSecret: 's',
      apiRoot: 'https://www.googleapis.com/',
      authUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
      tokenUrl: 'https://oauth2.googleapis.com/token',
    });
  });

  it("reads Outlook from the MS_* settings, with Microsoft's endpoints and tenant 'common' by default", () => {
    expect(loadConfig({ MS_CLIENT_ID: 'ms-id', MS_CLIENT_SECRET: 'ms-secret' }).calendars).toEqual({
      encryptionKey: undefined,
      google: null,
      outlook: {
        clientId: 'ms-id',
        clientSecret: 'ms-secret',
        tenant: 'common',
        loginUrl: 'https://login.microsoftonline.com',
        graphUrl: 'https://graph.microsoft.com',
      },
      appleCalDavUrl: 'https://caldav.icloud.com',
      timeoutMs: 20_000,
    });
    const custom = loadConfig({
      MS_CLIENT_ID: 'ms-id',
      MS_CLIENT_SECRET: 'ms-secret',
      MS_TENANT: 'contoso.onmicrosoft.com',
      MS_LOGIN_URL: 'http://127.0.0.1:9300/',
      MS_GRAPH_URL: 'http://127.0.0.1:9301/',
    });
    expect(custom.calendars.outlook).toMatchObject({
      tenant: 'contoso.onmicrosoft.com',
      loginUrl: 'http://127.0.0.1:9300',
      graphUrl: 'http://127.0.0.1:9301',
    });
  });

  it.each([
    ['GOOGLE_AUTH_URL', 'not a url'],
    ['GOOGLE_TOKEN_URL', 'ftp://oauth2.googleapis.com/token'],
    ['GOOGLE_API_ROOT', 'www.googleapis.com'],
    ['MS_GRAPH_URL', 'graph'],
    ['APPLE_CALDAV_URL', 'caldav.icloud.com'],
  ])('refuses a malformed calendar URL %s=%s, naming it', (name, value) => {
    const env = { GOOGLE_CLIENT_ID: 'cid', GOOGLE_CLIENT_SECRET: 's', [name]: value };
    expect(() => loadConfig(env)).toThrow(CONFIG_ERROR);
    expect(() => loadConfig(env)).toThrow(name);
  });

  it('reads CALENDAR_TIMEOUT_MS, 20 s by default', () => {
    expect(loadConfig({}).calendars.timeoutMs).toBe(20_000);
    expect(loadConfig({ CALENDAR_TIMEOUT_MS: '5000' }).calendars.timeoutMs).toBe(5000);
  });

  it.each(['abc', '50', '1.5', '600000', '-1'])(
    'refuses CALENDAR_TIMEOUT_MS=%s, naming it',
    (value) => {
      expect(() => loadConfig({ CALENDAR_TIMEOUT_MS: value })).toThrow(CONFIG_ERROR);
      expect(() => loadConfig({ CALENDAR_TIMEOUT_MS: value })).toThrow('CALENDAR_TIMEOUT_MS');
    },
  );
});
