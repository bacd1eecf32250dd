// German: the provider messages.
import type { CatalogPart } from '../catalog-types.ts';
import type { enProvider } from '../en/provider.ts';

export const deProvider: CatalogPart<typeof enProvider> = {};
