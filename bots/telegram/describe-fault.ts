// Reduces an error to log fields that carry no token, message text or other personal data.
import { GrammyError } from 'grammy';

/**
 * Fields safe to log for a fault: names, codes and stack frames, never error messages (a driver's
 * message can quote user input) and never a GrammyError's payload (it holds the message text).
 */
export function describeFault(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { errorType: typeof error };
  const fields: Record<string, unknown> = { errorName: error.name, frames: stackFrames(error) };
  if (error instanceof GrammyError) {
    fields.telegramCode = error.error_code;
    fields.telegramMethod = error.method;
  }
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') fields.errorCode = code;
  if (error.cause instanceof Error) fields.causeName = error.cause.name;
  return fields;
}

function stackFrames(error: Error): string[] {
  return (error.stack ?? '')
    .split('\n')
    .filter((line) => line.startsWith('    at '))
    .slice(0, 6)
    .map((line) => line.trim());
}
