// Which failures mean "the database is away or slow, retry" (503) and which are our own faults (500).
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '../../src/db/is-database-unavailable.ts';

function coded(code: string): Error {
  return Object.assign(new Error('x'), { code });
}

describe('isDatabaseUnavailable', () => {
  it.each([
    ['statement timeout', coded('57014'), true],
    ['lock timeout', coded('55P03'), true],
    ['idle in transaction timeout', coded('25P03'), true],
    ['terminated session (failover)', coded('57P01'), true],
    ['server starting up', coded('57P03'), true],
    ['too many connections', coded('53300'), true],
    ['deadlock', coded('40P01'), true],
    ['connection exception class 08', coded('08006'), true],
    ['refused', coded('ECONNREFUSED'), true],
    ['reset', coded('ECONNRESET'), true],
    ['pool checkout timeout', new Error('timeout exceeded when trying to connect'), true],
    ['client query timeout', new Error('Query read timeout'), true],
    ['lost connection', new Error('Connection terminated unexpectedly'), true],
    ['wrapped in a cause', new Error('booking failed', { cause: coded('57P01') }), true],
    ['inside an AggregateError', new AggregateError([coded('ECONNREFUSED')], 'connect'), true],
    ['undefined table', coded('42P01'), false],
    ['unique violation', coded('23505'), false],
    ['a plain bug', new TypeError('x is undefined'), false],
    ['not an error', 'boom', false],
    ['null', null, false],
  ])('%s', (_, error, expected) => {
    expect(isDatabaseUnavailable(error)).toBe(expected);
  });

  it('survives a cause cycle', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    Object.assign(a, { cause: b });
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});
