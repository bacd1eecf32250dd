// German: the mail messages.
import type { CatalogPart } from '../catalog-types.ts';
import type { enMail } from '../en/mail.ts';

export const deMail: CatalogPart<typeof enMail> = {};
