// German: the failure messages.
import type { CatalogPart } from '../catalog-types.ts';
import type { enFailure } from '../en/failure.ts';

export const deFailure: CatalogPart<typeof enFailure> = {};
