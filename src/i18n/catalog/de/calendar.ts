// German: the calendar messages.
import type { CatalogPart } from '../catalog-types.ts';
import type { enCalendar } from '../en/calendar.ts';

export const deCalendar: CatalogPart<typeof enCalendar> = {};
