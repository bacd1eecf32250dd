// The client as JSON: snake_case fields, ISO timestamps.
import { z } from '@hono/zod-openapi';
import type { Client } from '../../domain/catalog.ts';

export const ClientJson = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    timezone: z.string(),
    no_show_count: z.number().int(),
    no_show_lockout_until: z
      .string()
      .nullable()
      .openapi({ description: 'Same-day booking is refused until then' }),
    language: z.string().nullable().openapi({
      description: 'The language mail and chat messages go in; null: DEFAULT_LANGUAGE',
      example: 'de',
    }),
    created_at: z.string(),
  })
  .openapi('Client');
export type ClientJson = z.infer<typeof ClientJson>;

export function toClientJson(c: Client): ClientJson {
  return {
    id: c.id,
    name: c.name,
    email: c.email,
    timezone: c.timezone,
    no_show_count: c.noShowCount,
    no_show_lockout_until: c.noShowLockoutUntil?.toISOString() ?? null,
    language: c.language,
    created_at: c.createdAt.toISOString(),
  };
}
