// German: the help messages.
import type { CatalogPart } from '../catalog-types.ts';
import type { enHelp } from '../en/help.ts';

export const deHelp: CatalogPart<typeof enHelp> = {};
