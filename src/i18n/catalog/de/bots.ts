// German: the bots messages.
import type { CatalogPart } from '../catalog-types.ts';
import type { enBots } from '../en/bots.ts';

export const deBots: CatalogPart<typeof enBots> = {};
