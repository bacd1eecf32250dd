// German: the commands messages.
import type { CatalogPart } from '../catalog-types.ts';
import type { enCommands } from '../en/commands.ts';

export const deCommands: CatalogPart<typeof enCommands> = {};
