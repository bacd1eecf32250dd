// German: the mybookings messages.
import type { CatalogPart } from '../catalog-types.ts';
import type { enMybookings } from '../en/mybookings.ts';

export const deMybookings: CatalogPart<typeof enMybookings> = {};
