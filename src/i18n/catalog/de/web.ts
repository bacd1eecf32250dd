// German: the web messages.
import type { CatalogPart } from '../catalog-types.ts';
import type { enWeb } from '../en/web.ts';

export const deWeb: CatalogPart<typeof enWeb> = {};
