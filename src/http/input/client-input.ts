// Request bodies of the client routes.
import { z } from '@hono/zod-openapi';
import { nameText, timezoneText } from './common-input.ts';

export const CreateClientBody = z
  .strictObject({
    name: nameText,
    email: z.email().max(320).nullable().optional(),
    timezone: timezoneText,
  })
  .openapi('CreateClient');
