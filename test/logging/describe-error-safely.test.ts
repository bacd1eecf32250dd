// The one redaction rule: every library's error keeps its names and codes and loses its data.
import { webApi } from '@slack/bolt';
import { DiscordAPIError } from 'discord.js';
import { GrammyError, HttpError } from 'grammy';
import { describe, expect, it } from 'vitest';
import { describeErrorSafely } from '../../src/logging/describe-error-safely.ts';

const NAME = 'Zebulon Quixote';
const EMAIL = 'zebulon.q@example.org';
const PHONE = '+1 555 0100 7788';
const TOKEN = 'xoxb-1234-5678-SECRETTOKEN';

function expectNoneOf(value: unknown, secrets: readonly string[]): void {
  const text = JSON.stringify(value);
  for (const secret of secrets) expect(text).not.toContain(secret);
}

/** pg's DatabaseError as pg-protocol builds it: name 'error', the values in message and detail. */
function pgError(fields: Record<string, unknown>): Error {
  class DatabaseError extends Error {}
  const error = new DatabaseError(`new row for relation "clients" violates check constraint`);
  error.name = 'error';
  return Object.assign(error, fields);
}

describe('describeErrorSafely', () => {
  it("keeps a drizzle error's name and the SQLSTATE of its cause, never the query or parameters", () => {
    const cause = pgError({
      code: '23514',
      constraint: 'clients_name_check',
      table: 'clients',
      detail: `Failing row contains (${NAME}, ${EMAIL}, ${PHONE}).`,
      where: 'SQL statement',
    });
    // A parameter that mimics a stack frame must not slip into the frames.
    const error = new Error(
      `Failed query: insert into clients (name, email) values ($1, $2)\nparams: ${NAME},${EMAIL}\n    at ${NAME} (${EMAIL})`,
      { cause },
    );
    error.name = 'DrizzleQueryError';
    const safe = describeErrorSafely(error);
    expect(safe).toMatchObject({
      name: 'DrizzleQueryError',
      cause: {
        name: 'error',
        type: 'DatabaseError',
        code: '23514',
        constraint: 'clients_name_check',
        table: 'clients',
      },
    });
    expect(safe.frames?.length).toBeGreaterThan(0);
    expectNoneOf(safe, [NAME, 'Zebulon', EMAIL, PHONE, 'insert into', 'params', 'Failing row']);
  });

  it("keeps Slack's platform error and code, not the response metadata", () => {
    const error = new webApi.WebAPIPlatformError({
      ok: false,
      error: 'channel_not_found',
      response_metadata: { messages: [`[ERROR] no channel for ${EMAIL}`] },
    } as never);
    const safe = describeErrorSafely(error);
    expect(safe).toMatchObject({
      code: 'slack_webapi_platform_error',
      platformError: 'channel_not_found',
    });
    expectNoneOf(safe, [EMAIL, 'response_metadata']);
  });

  it("keeps Telegram's status, method and a description of the fixed kind, never the payload", () => {
    const blocked = new GrammyError(
      'Call to sendMessage failed!',
      { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' },
      'sendMessage',
      { chat_id: 5550100, text: `Hi ${NAME}, call ${PHONE}` },
    );
    expect(describeErrorSafely(blocked)).toMatchObject({
      name: 'GrammyError',
      status: 403,
      method: 'sendMessage',
      description: 'Forbidden: bot was blocked by the user',
    });
    expectNoneOf(describeErrorSafely(blocked), [NAME, PHONE, '5550100', 'Call to sendMessage']);
    const quoting = new GrammyError(
      'Call to sendMessage failed!',
      { ok: false, error_code: 400, description: `Bad Request: can't parse "${NAME}" at 12` },
      'sendMessage',
      {},
    );
    expect(describeErrorSafely(quoting).description).toBeUndefined();
    const naming = new GrammyError(
      'Call to sendMessage failed!',
      { ok: false, error_code: 400, description: `Bad Request: chat of ${NAME} not found` },
      'sendMessage',
      {},
    );
    expect(describeErrorSafely(naming).description).toBeUndefined();
    const coded = new GrammyError(
      'Call to sendMessage failed!',
      { ok: false, error_code: 400, description: 'Bad Request: BUTTON_DATA_INVALID' },
      'sendMessage',
      {},
    );
    expect(describeErrorSafely(coded).description).toBe('Bad Request: BUTTON_DATA_INVALID');
  });

  it("follows grammY's HttpError to its inner error without the URL, which holds the bot token", () => {
    const inner = Object.assign(new Error(`request to http://x/bot${TOKEN}/getMe failed`), {
      code: 'ECONNREFUSED',
    });
    const safe = describeErrorSafely(new HttpError(`Network request for 'getMe' failed!`, inner));
    expect(safe).toMatchObject({ name: 'HttpError', cause: { code: 'ECONNREFUSED' } });
    expectNoneOf(safe, [TOKEN]);
  });

  it("keeps Discord's code, status and method, not the URL with the interaction token", () => {
    const error = new DiscordAPIError(
      { message: 'Invalid Form Body', code: 50035 },
      50035,
      400,
      'PATCH',
      `https://discord.com/api/webhooks/1/${TOKEN}/messages/@original`,
      { body: { content: `Hi ${NAME}` } },
    );
    const safe = describeErrorSafely(error);
    expect(safe).toMatchObject({ code: 50035, status: 400, method: 'PATCH' });
    expectNoneOf(safe, [TOKEN, NAME, 'Invalid Form Body']);
  });

  it("keeps nodemailer's codes, not the server's reply or the refused addresses", () => {
    const error = Object.assign(new Error(`Can't send mail - all recipients were rejected`), {
      code: 'EENVELOPE',
      responseCode: 550,
      command: 'RCPT TO',
      response: `550 5.1.1 <${EMAIL}>: Recipient address rejected`,
      rejected: [EMAIL],
    });
    const safe = describeErrorSafely(error);
    expect(safe).toMatchObject({ code: 'EENVELOPE', smtpCode: 550, command: 'RCPT TO' });
    expectNoneOf(safe, [EMAIL, 'rejected']);
  });

  it('keeps errno fields and the inner errors of an AggregateError', () => {
    const refused = (address: string) =>
      Object.assign(new Error(`connect ECONNREFUSED ${address}:5432`), {
        code: 'ECONNREFUSED',
        errno: -111,
        syscall: 'connect',
        address,
        port: 5432,
      });
    const error = Object.assign(new AggregateError([refused('::1'), refused('127.0.0.1')]), {
      code: 'ECONNREFUSED',
    });
    const safe = describeErrorSafely(error);
    expect(safe).toMatchObject({
      name: 'AggregateError',
      code: 'ECONNREFUSED',
      errors: [
        { code: 'ECONNREFUSED', errno: -111, syscall: 'connect' },
        { code: 'ECONNREFUSED', errno: -111, syscall: 'connect' },
      ],
    });
    expectNoneOf(safe, ['127.0.0.1', '5432']);
  });

  it('drops a connection object and anything that is not a whitelisted, well-formed code', () => {
    // pg-boss spreads errors into plain objects; a pool error can carry the client itself.
    const spread = {
      message: `duplicate key ${EMAIL}`,
      stack: `error: duplicate key ${EMAIL}\n    at Client (x.js:1:1)`,
      code: '+15550100',
      client: { connectionParameters: { password: 'hunter2', user: NAME } },
      queue: 'mail',
      worker: '3f0c2a4e-0000-4000-8000-000000000001',
    };
    const safe = describeErrorSafely(spread);
    expect(safe).toEqual({
      name: 'object',
      queue: 'mail',
      worker: '3f0c2a4e-0000-4000-8000-000000000001',
    });
    expect(describeErrorSafely(Object.assign(new Error('x'), { code: 15550100 })).code).toBe(
      undefined,
    );
  });

  it('gives only the type of a thrown string, number or nothing', () => {
    expect(describeErrorSafely(`${NAME} is not allowed`)).toEqual({ name: 'string' });
    expect(describeErrorSafely(15550100)).toEqual({ name: 'number' });
    expect(describeErrorSafely(undefined)).toEqual({ name: 'undefined' });
    expect(describeErrorSafely(null)).toEqual({ name: 'null' });
  });

  it('returns a description unchanged, so a serializer may run after a log call described it', () => {
    const safe = describeErrorSafely(new TypeError(NAME, { cause: new RangeError(EMAIL) }));
    expect(describeErrorSafely(safe)).toBe(safe);
    expect(safe).toMatchObject({ name: 'TypeError', cause: { name: 'RangeError' } });
  });

  it('survives cycles and getters that throw', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    a.cause = b;
    expect(JSON.stringify(describeErrorSafely(a)).length).toBeLessThan(5000);
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error(NAME);
        },
      },
    );
    expect(describeErrorSafely(hostile)).toEqual({ name: 'unreadable' });
  });
});
