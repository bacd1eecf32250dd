// The environment is parsed once, with defaults, and every bad value is named.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/load-config.ts';

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
      seedDemo: true,
      logLevel: 'info',
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
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
    });
    expect(config).toMatchObject({
      databaseUrl: 'postgres://u@h/db',
      port: 8080,
      noShowLockoutDays: 7,
      seedDemo: false,
      logLevel: 'warn',
    });
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
    ['SEED_DEMO', 'yes'],
    ['LOG_LEVEL', 'loud'],
  ])('refuses %s=%s, naming it', (key, value) => {
    expect(() => loadConfig({ [key]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [key]: value })).toThrow(key);
  });
});
