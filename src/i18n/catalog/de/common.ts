// German: words shared by every flow (formats, statuses, generic buttons).
import type { CatalogPart } from '../catalog-types.ts';
import type { enCommon } from '../en/common.ts';

export const deCommon: CatalogPart<typeof enCommon> = {
  'common.free': 'kostenlos',
  'common.duration': '{minutes} Min.',
  'common.zoneTime': 'Zeit {city}',
  'common.clockWithProvider': '{own} ({other} Uhr, Zeit {city})',
  'common.providerWhen': '{span} (Zeit {city})',
  'common.clientWhen': '{span} (Ihre Zeit, {city})',
  'status.AWAITING_PAYMENT': 'bis zur Zahlung reserviert',
  'status.PENDING': 'wartet auf Bestätigung',
  'status.CONFIRMED': 'bestätigt',
  'status.CANCELLED': 'abgesagt',
  'status.COMPLETED': 'abgeschlossen',
  'status.NO_SHOW': 'als nicht erschienen vermerkt',
};
