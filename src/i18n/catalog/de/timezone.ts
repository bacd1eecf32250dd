// German: the timezone messages.
import type { CatalogPart } from '../catalog-types.ts';
import type { enTimezone } from '../en/timezone.ts';

export const deTimezone: CatalogPart<typeof enTimezone> = {};
