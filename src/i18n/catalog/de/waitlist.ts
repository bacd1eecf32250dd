// German: the waitlist messages.
import type { CatalogPart } from '../catalog-types.ts';
import type { enWaitlist } from '../en/waitlist.ts';

export const deWaitlist: CatalogPart<typeof enWaitlist> = {};
