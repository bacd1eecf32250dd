// German: the booking messages.
import type { CatalogPart } from '../catalog-types.ts';
import type { enBooking } from '../en/booking.ts';

export const deBooking: CatalogPart<typeof enBooking> = {};
