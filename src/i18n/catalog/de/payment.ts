// German: the payment messages.
import type { CatalogPart } from '../catalog-types.ts';
import type { enPayment } from '../en/payment.ts';

export const dePayment: CatalogPart<typeof enPayment> = {};
