// The root logger's safety net: any `err` goes through the redaction rule, personal keys are censored.
import type { LoggerOptions } from 'pino';
import { describeErrorSafely } from './describe-error-safely.ts';

/**
 * Keys that hold personal data or secrets wherever they appear (top level or one level down).
 * Not 'name': an error's name is kept, and person names go under the keys below.
 */
const PERSONAL_KEYS = [
  'email',
  'phone',
  'displayName',
  'clientName',
  'providerName',
  'to',
  'subject',
  'text',
  'token',
  'password',
  'secret',
  'authorization',
  'cookie',
];

/**
 * Options to spread into pino(...). Invariants: a value logged under `err` (pino's error key,
 * also used when an Error is the first argument) is written as describeErrorSafely gives it, so
 * a stray `{ err }` never writes a message, query parameters or a connection object; such a
 * line without a message of its own gets the error's safe name as its message, never the
 * error's message (pino's default); a value under one of PERSONAL_KEYS, at the top of a line or
 * one level down, is written as '[redacted]'. Log calls should still pass only ids and
 * describeErrorSafely's fields: this is the net, not the rule.
 */
export function safeLogOptions(): Pick<LoggerOptions, 'serializers' | 'redact' | 'hooks'> {
  return {
    hooks: {
      logMethod(args, method) {
        const [first, second] = args as unknown[];
        if (typeof second === 'string' || typeof first !== 'object' || first === null) {
          return method.apply(this, args);
        }
        const err = first instanceof Error ? first : (first as { err?: unknown }).err;
        if (err === undefined) return method.apply(this, args);
        return method.apply(this, [first, describeErrorSafely(err).name]);
      },
    },
    serializers: { err: describeErrorSafely },
    redact: {
      paths: PERSONAL_KEYS.flatMap((key) => [key, `*.${key}`]),
      censor: '[redacted]',
    },
  };
}
