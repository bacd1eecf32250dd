// Bolt's Logger interface over the injected BotLogger; debug output (it can echo payloads) is dropped.
import { type Logger, LogLevel } from '@slack/bolt';
import type { BotLogger } from '../bot-adapter.ts';

/** Bolt passes free-form arguments; only their string forms reach the log, under `source: bolt`. */
export function boltLogger(logger: BotLogger): Logger {
  let name = 'bolt';
  const fields = (parts: unknown[]) => ({
    platform: 'slack',
    source: name,
    detail: parts.map(String).join(' '),
  });
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
