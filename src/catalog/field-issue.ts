// VALIDATION_ERROR for one bad input field, shaped like the HTTP edge's zod issues.
import type { InvalidInput, Ok } from '../domain/outcome.ts';
import { invalidInput, ok } from '../domain/outcome.ts';
import { normalizeTimezone } from '../domain/timezone.ts';

/**
 * A VALIDATION_ERROR whose details list the offending field, so clients handle core and
 * schema rejections alike: `{ issues: [{ path, message }] }`.
 */
export function invalidField(path: readonly (string | number)[], message: string): InvalidInput {
  return invalidInput(message, { issues: [{ path, message }] });
}

/**
 * The `timezone` field as stored: any IANA zone name in its canonical spelling, or
 * VALIDATION_ERROR for a name the runtime does not know.
 */
export function storedTimezone(name: string): Ok<string> | InvalidInput {
  const zone = normalizeTimezone(name);
  return zone === null ? invalidField(['timezone'], `unknown time zone '${name}'`) : ok(zone);
}
