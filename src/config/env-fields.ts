// The two shapes most settings take in the environment, so every loader trims and checks alike.

import { z } from 'zod';

/** An optional setting: trimmed, and an empty or blank value counts as unset. */
export const envText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

/** An optional http(s) URL, read like envText. */
export const envUrl = envText.pipe(
  z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
);
