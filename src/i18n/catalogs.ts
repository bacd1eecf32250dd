// Each language's catalog, keyed by the language registry: adding a language adds a line here.

import { DE_MESSAGES } from './catalog/de.ts';
import { EN_MESSAGES, type MessageKey } from './catalog/en.ts';
import type { Language } from './languages.ts';

/** A language's messages; a key it lacks falls back to English. */
export type Catalog = { readonly [K in MessageKey]?: string };

export const CATALOGS: Record<Language, Catalog> = {
  en: EN_MESSAGES,
  de: DE_MESSAGES,
};
