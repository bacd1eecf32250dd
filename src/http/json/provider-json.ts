// The provider as JSON: snake_case fields, ISO timestamps.
import { z } from '@hono/zod-openapi';
import { PROVIDER_TYPES, type Provider } from '../../domain/catalog.ts';

export const ProviderJson = z
  .object({
    id: z.string(),
    user_id: z.string().nullable(),
    name: z.string(),
    type: z.enum(PROVIDER_TYPES),
    timezone: z.string().openapi({ example: 'Europe/Berlin' }),
    bio: z.string().nullable(),
    photo_url: z.string().nullable(),
    email: z.string().nullable(),
    is_active: z.boolean(),
    max_active_bookings_per_client: z.number().int().nullable().openapi({
      description: "A client's most active future bookings with this provider; null: no limit",
    }),
    language: z.string().nullable().openapi({
      description: 'The language mail and chat messages go in; null: DEFAULT_LANGUAGE',
      example: 'de',
    }),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('Provider');
export type ProviderJson = z.infer<typeof ProviderJson>;

export function toProviderJson(p: Provider): ProviderJson {
  return {
    id: p.id,
    user_id: p.userId,
    name: p.name,
    type: p.type,
    timezone: p.timezone,
    bio: p.bio,
    photo_url: p.photoUrl,
    email: p.email,
    is_active: p.isActive,
    max_active_bookings_per_client: p.maxActiveBookingsPerClient,
    language: p.language,
    created_at: p.createdAt.toISOString(),
    updated_at: p.updatedAt.toISOString(),
  };
}
