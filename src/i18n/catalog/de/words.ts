// German: the words messages.
import type { CatalogPart } from '../catalog-types.ts';
import type { enWords } from '../en/words.ts';

export const deWords: CatalogPart<typeof enWords> = {};
