// Field schemas shared by request bodies, params and queries.
import { z } from '@hono/zod-openapi';
import { FIRST_YEAR, isCalendarDate, LAST_YEAR } from '../../catalog/calendar-date.ts';
import { isInstantText } from '../../catalog/instant-text.ts';
import { LANGUAGE_CODES, type Language } from '../../i18n/languages.ts';

const noNul = (text: string) => !text.includes('\u0000');
const NUL_MESSAGE = 'must not contain NUL characters';

/** Free text up to `max` characters; PostgreSQL text cannot hold NUL, so it is refused here. */
export function plainText(max: number) {
  return z.string().max(max).refine(noNul, NUL_MESSAGE);
}

/** A display name: trimmed, 1-200 characters. */
export const nameText = z.string().trim().min(1).max(200).refine(noNul, NUL_MESSAGE);

/** An IANA zone name; the core checks that the runtime knows it. */
export const timezoneText = z.string().min(1).max(64).openapi({ example: 'Europe/Berlin' });

/** A language Slotline speaks (the registry's codes); null: DEFAULT_LANGUAGE. Optional. */
export const languageCode = z
  .enum(LANGUAGE_CODES as [Language, ...Language[]])
  .nullable()
  .optional()
  .openapi({
    description: 'The language mail and chat messages go in; null: DEFAULT_LANGUAGE',
    example: 'de',
  });

/** 'HH:MM' wall-clock time, 00:00-23:59, or 24:00 for the end of the day. */
export const localTimeText = z
  .string()
  .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'must be HH:MM (00:00-23:59, or 24:00 as an end)')
  .openapi({ example: '09:00' });

/** A real calendar date 'YYYY-MM-DD' in the supported years (isCalendarDate). */
export const calendarDate = z.iso
  .date()
  .refine(isCalendarDate, `must be a date from ${FIRST_YEAR}-01-01 to ${LAST_YEAR}-12-31`)
  .openapi({ example: '2026-12-01' });

/** An instant in ISO 8601 with an offset or Z, in the supported years (parseInstant). */
export const instantText = z.iso
  .datetime({ offset: true })
  .refine(isInstantText, `must be an instant from ${FIRST_YEAR} to ${LAST_YEAR}`)
  .openapi({ example: '2026-12-01T09:00:00+01:00' });

/** An opaque id in the path; malformed ones are answered like unknown ones (404). */
export const IdParam = z.object({
  id: z.string().openapi({
    param: { name: 'id', in: 'path' },
    example: '0b9f5c1e-8f0a-4c59-9d39-2f5a8f3f6e11',
  }),
});
