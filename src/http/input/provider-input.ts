// Request bodies of the provider routes.
import { z } from '@hono/zod-openapi';
import { PROVIDER_TYPES } from '../../domain/catalog.ts';
import { languageCode, nameText, plainText, timezoneText } from './common-input.ts';

const providerFields = {
  name: nameText,
  type: z.enum(PROVIDER_TYPES),
  timezone: timezoneText,
  bio: plainText(5000).nullable().optional(),
  photo_url: z.url().max(2048).nullable().optional(),
  email: z.email().max(320).nullable().optional(),
  user_id: plainText(200).nullable().optional(),
  is_active: z.boolean().optional(),
  max_active_bookings_per_client: z
    .number()
    .int()
    .min(1)
    .max(1000)
    .nullable()
    .optional()
    .openapi({
      description:
        'The most active (AWAITING_PAYMENT, PENDING, CONFIRMED) future bookings one client may ' +
        'hold with this provider over all its services; more is 409 LIMIT_REACHED ' +
        '(CLIENT_ACTIVE). null or absent: no limit',
      example: 3,
    }),
  language: languageCode,
};

export const CreateProviderBody = z.strictObject(providerFields).openapi('CreateProvider');

export const UpdateProviderBody = z
  .strictObject({
    name: providerFields.name.optional(),
    type: providerFields.type.optional(),
    timezone: providerFields.timezone.optional(),
    bio: providerFields.bio,
    photo_url: providerFields.photo_url,
    email: providerFields.email,
    user_id: providerFields.user_id,
    is_active: providerFields.is_active,
    max_active_bookings_per_client: providerFields.max_active_bookings_per_client,
    language: providerFields.language,
  })
  .openapi('UpdateProvider');
