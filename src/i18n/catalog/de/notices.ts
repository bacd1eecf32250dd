// German: the notices messages.
import type { CatalogPart } from '../catalog-types.ts';
import type { enNotices } from '../en/notices.ts';

export const deNotices: CatalogPart<typeof enNotices> = {};
