// Every way startup can fail reads as one line with the cause and the fix, and never leaks a password.
import { describe, expect, it } from 'vitest';
import { describeStartupFailure } from '../../src/lifecycle/describe-startup-failure.ts';

const context = { port: 3000, dataDir: '/srv/slotline', databaseUrl: undefined };
const withDb = { ...context, databaseUrl: 'postgres://app:s3cret@db.internal:6543/slotline' };

function coded(code: string, fields: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(`${code} something`), { code, ...fields });
}

function named(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

describe('describeStartupFailure', () => {
  it.each([
    [
      'a taken HTTP port',
      coded('EADDRINUSE', { port: 3000 }),
      context,
      /port 3000 is already in use.*set PORT/,
    ],
    [
      'a data folder it may not write',
      coded('EACCES', { path: '/srv/slotline/encryption-key' }),
      context,
      /cannot write \/srv\/slotline\/encryption-key \(EACCES\); make DATA_DIR \(\/srv\/slotline\)/,
    ],
    [
      'a read-only data folder',
      coded('EROFS', { path: '/srv/slotline' }),
      context,
      /EROFS.*DATA_DIR/,
    ],
    [
      'a refused database connection',
      new Error('database migration failed', { cause: coded('ECONNREFUSED') }),
      withDb,
      /cannot reach the database at db\.internal:6543 \(ECONNREFUSED\); check DATABASE_URL/,
    ],
    [
      'a refused connection reported for IPv4 and IPv6 at once',
      new Error('database migration failed', {
        cause: new AggregateError([coded('ECONNREFUSED')], 'connect failed'),
      }),
      withDb,
      /cannot reach the database at db\.internal:6543 \(ECONNREFUSED\)/,
    ],
    [
      'a database that never answers',
      new Error('database migration failed', { cause: new Error('timeout expired') }),
      withDb,
      /cannot reach the database at db\.internal:6543 \(no answer\)/,
    ],
    ['an unknown host', coded('ENOTFOUND'), withDb, /cannot reach the database.*ENOTFOUND/],
    [
      'a wrong password',
      coded('28P01'),
      withDb,
      /refused the login \(28P01\); check the user and password/,
    ],
    [
      'a missing database',
      coded('3D000'),
      withDb,
      /does not exist at db\.internal:6543; create it/,
    ],
    [
      'a setting written for people, over several lines',
      named('ConfigError', 'invalid configuration:\n  PORT: expected a number\n  HOST: empty'),
      context,
      /^invalid configuration:; PORT: expected a number; HOST: empty$/,
    ],
    [
      'an embedded server problem, wrapped',
      new Error('outer', { cause: named('EmbeddedPostgresError', 'port 54329 … in use') }),
      context,
      /^port 54329 … in use$/,
    ],
    [
      'anything else',
      new TypeError('x is not a function'),
      context,
      /^unexpected TypeError: x is not a function \(please report this\)$/,
    ],
    ['a thrown string', 'boom', context, /^unexpected failure: boom/],
  ])('%s', (_, error, ctx, expected) => {
    const line = describeStartupFailure(error, ctx);
    expect(line).toMatch(expected);
    expect(line).not.toContain('\n');
    expect(line).not.toContain('s3cret');
  });

  it('does not blame the database for a timeout when there is no DATABASE_URL', () => {
    const line = describeStartupFailure(new Error('timeout expired'), context);
    expect(line).not.toContain('reach the database');
  });
});
