// English: words shared by every flow (formats, statuses, generic buttons).
export const enCommon = {
  'common.free': 'free',
  'common.duration': '{minutes} min',
  'common.zoneTime': '{city} time',
  'common.clockWithProvider': '{own} ({other} {city} time)',
  'common.providerWhen': '{span} ({city} time)',
  'common.clientWhen': '{span} (your time, {city})',
  'status.AWAITING_PAYMENT': 'held until paid',
  'status.PENDING': 'waiting for approval',
  'status.CONFIRMED': 'confirmed',
  'status.CANCELLED': 'cancelled',
  'status.COMPLETED': 'completed',
  'status.NO_SHOW': 'marked as a no-show',
} as const;
