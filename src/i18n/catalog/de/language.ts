// German: the language messages.
import type { CatalogPart } from '../catalog-types.ts';
import type { enLanguage } from '../en/language.ts';

export const deLanguage: CatalogPart<typeof enLanguage> = {};
