// The two shapes most settings take in the environment, so every loader trims and checks alike.

import { z } from 'zod';
import { isLanguage, LANGUAGE_CODES, type Language } from '../i18n/languages.ts';

/** An optional setting: trimmed, and an empty or blank value counts as unset. */
export const envText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

/** An optional http(s) URL, read like envText. */
export const envUrl = envText.pipe(
  z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
);

/** An optional language code from the registry (any case); unset: English. */
export const envLanguage = envText.pipe(
  z
    .string()
    .transform((v) => v.toLowerCase())
    .refine(isLanguage, `must be one of ${LANGUAGE_CODES.join(', ')}`)
    .optional()
    .transform((v): Language => (v !== undefined && isLanguage(v) ? v : 'en')),
);
