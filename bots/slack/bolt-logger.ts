// Bolt's Logger interface over the injected SlotlineLogger; debug output (it can echo payloads) is dropped.

import { type Logger, LogLevel } from '@slack/bolt';
import { describeErrorSafely } from '../../src/logging/describe-error-safely.ts';
import type { Logger as SlotlineLogger } from '../../src/ports/logger.ts';

/**
 * Bolt passes free-form arguments. Only a leading string (Bolt's own wording) reaches the log as
 * `detail`, under `source: bolt`; an error among the rest goes through describeErrorSafely as
 * `err`, and any other argument (a second string is often an error's message) is dropped.
 */
export function boltLogger(logger: SlotlineLogger): Logger {
  let name = 'bolt';
  const fields = (parts: unknown[]) => {
    const [first] = parts;
    const error = parts.find((part) => typeof part === 'object' && part !== null);
    return {
      platform: 'slack',
      source: name,
      ...(typeof first === 'string' ? { detail: first } : {}),
      ...(error === undefined ? {} : { err: describeErrorSafely(error) }),
    };
  };
  return {
    debug() {},
    info: (...parts: unknown[]) => logger.info(fields(parts)),
    warn: (...parts: unknown[]) => logger.warn(fields(parts)),
    error: (...parts: unknown[]) => logger.error(fields(parts)),
    setLevel() {},
    getLevel: () => LogLevel.INFO,
    setName(value) {
      name = value;
    },
  };
}
