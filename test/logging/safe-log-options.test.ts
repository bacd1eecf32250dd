// The root logger's net: a stray error or personal key written through pino comes out safe.
import { Writable } from 'node:stream';
import pino from 'pino';
import { expect, it } from 'vitest';
import { safeLogOptions } from '../../src/logging/safe-log-options.ts';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: pino({ level: 'info', ...safeLogOptions() }, stream) };
}

const failure = () =>
  Object.assign(new Error('Failed query: insert\nparams: Zebulon Quixote,zebulon.q@example.org'), {
    code: '23514',
    client: { password: 'hunter2' },
  });

it('writes a stray { err } and a bare error through the redaction rule, messages included', () => {
  const { lines, logger } = capture();
  logger.error({ err: failure() }, 'request failed');
  logger.error({ err: failure() });
  logger.error(failure());
  expect(lines.map((line) => line.msg)).toEqual(['request failed', 'Error', 'Error']);
  for (const line of lines) expect(line.err).toMatchObject({ name: 'Error', code: '23514' });
  const text = JSON.stringify(lines);
  for (const leak of ['Zebulon', 'example.org', 'hunter2', 'params']) {
    expect(text).not.toContain(leak);
  }
});

it('censors personal keys at the top and one level down', () => {
  const { lines, logger } = capture();
  logger.info(
    { to: 'zebulon.q@example.org', subject: 'Booked: Zebulon', user: { email: 'z@example.org' } },
    'mail',
  );
  expect(lines[0]).toMatchObject({
    to: '[redacted]',
    subject: '[redacted]',
    user: { email: '[redacted]' },
    msg: 'mail',
  });
});
