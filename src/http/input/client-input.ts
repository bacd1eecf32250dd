// Request bodies of the client routes.
import { z } from '@hono/zod-openapi';
import { languageCode, nameText, timezoneText } from './common-input.ts';

const clientFields = {
  name: nameText,
  email: z.email().max(320).nullable().optional(),
  timezone: timezoneText,
  language: languageCode,
};

export const CreateClientBody = z.strictObject(clientFields).openapi('CreateClient');

export const UpdateClientBody = z
  .strictObject({
    name: clientFields.name.optional(),
    email: clientFields.email,
    timezone: clientFields.timezone.optional(),
    language: clientFields.language,
  })
  .openapi('UpdateClient');
