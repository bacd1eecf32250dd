// Request bodies of the provider routes.
import { z } from '@hono/zod-openapi';
import { PROVIDER_TYPES } from '../../domain/catalog.ts';
import { nameText, plainText, timezoneText } from './common-input.ts';

const providerFields = {
  name: nameText,
  type: z.enum(PROVIDER_TYPES),
  timezone: timezoneText,
  bio: plainText(5000).nullable().optional(),
  photo_url: z.url().max(2048).nullable().optional(),
  email: z.email().max(320).nullable().optional(),
  user_id: plainText(200).nullable().optional(),
  is_active: z.boolean().optional(),
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
  })
  .openapi('UpdateProvider');
