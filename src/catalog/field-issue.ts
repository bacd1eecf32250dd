// VALIDATION_ERROR for one bad input field, shaped like the HTTP edge's zod issues.
import type { InvalidInput } from '../domain/outcome.ts';
import { invalidInput } from '../domain/outcome.ts';

/**
 * A VALIDATION_ERROR whose details list the offending field, so clients handle core and
 * schema rejections alike: `{ issues: [{ path, message }] }`.
 */
export function invalidField(path: readonly (string | number)[], message: string): InvalidInput {
  return invalidInput(message, { issues: [{ path, message }] });
}

/** VALIDATION_ERROR for a time zone name the runtime does not know. */
export function unknownTimezone(path: readonly (string | number)[], name: string): InvalidInput {
  return invalidField(path, `unknown time zone '${name}'`);
}
