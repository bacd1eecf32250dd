// Catalog rows as row_to_json writes them (snake_case, ISO timestamps), parsed to domain types.
import { z } from 'zod';
import {
  type Client,
  PAYMENT_MODES,
  PROVIDER_TYPES,
  type Provider,
  type Service,
} from '../domain/catalog.ts';

/** row_to_json writes timestamptz as ISO text. */
export const isoInstant = z.string().transform((text) => new Date(text));

export const providerJson = z
  .object({
    id: z.string(),
    user_id: z.string().nullable(),
    name: z.string(),
    type: z.enum(PROVIDER_TYPES),
    timezone: z.string(),
    bio: z.string().nullable(),
    photo_url: z.string().nullable(),
    email: z.string().nullable(),
    is_active: z.boolean(),
    max_active_bookings_per_client: z.number().nullable(),
    language: z.string().nullable(),
    created_at: isoInstant,
    updated_at: isoInstant,
  })
  .transform(
    (r): Provider => ({
      id: r.id,
      userId: r.user_id,
      name: r.name,
      type: r.type,
      timezone: r.timezone,
      bio: r.bio,
      photoUrl: r.photo_url,
      email: r.email,
      isActive: r.is_active,
      maxActiveBookingsPerClient: r.max_active_bookings_per_client,
      language: r.language,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }),
  );

export const serviceJson = z
  .object({
    id: z.string(),
    provider_id: z.string(),
    name: z.string(),
    duration_minutes: z.number(),
    price: z.number(),
    currency: z.string(),
    payment_mode: z.enum(PAYMENT_MODES),
    deposit_amount: z.number().nullable(),
    buffer_time_minutes: z.number(),
    max_advance_days: z.number(),
    cancellation_hours: z.number(),
    requires_approval: z.boolean(),
    min_notice_minutes: z.number(),
    slot_interval_minutes: z.number().nullable(),
    is_virtual: z.boolean(),
    is_active: z.boolean(),
    max_bookings_per_day: z.number().nullable(),
    max_bookings_per_week: z.number().nullable(),
    created_at: isoInstant,
  })
  .transform(
    (r): Service => ({
      id: r.id,
      providerId: r.provider_id,
      name: r.name,
      durationMinutes: r.duration_minutes,
      price: r.price,
      currency: r.currency,
      paymentMode: r.payment_mode,
      depositAmount: r.deposit_amount,
      bufferTimeMinutes: r.buffer_time_minutes,
      maxAdvanceDays: r.max_advance_days,
      cancellationHours: r.cancellation_hours,
      requiresApproval: r.requires_approval,
      minNoticeMinutes: r.min_notice_minutes,
      slotIntervalMinutes: r.slot_interval_minutes,
      isVirtual: r.is_virtual,
      isActive: r.is_active,
      maxBookingsPerDay: r.max_bookings_per_day,
      maxBookingsPerWeek: r.max_bookings_per_week,
      createdAt: r.created_at,
    }),
  );

export const clientJson = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    timezone: z.string(),
    no_show_count: z.number(),
    no_show_lockout_until: isoInstant.nullable(),
    language: z.string().nullable(),
    created_at: isoInstant,
  })
  .transform(
    (r): Client => ({
      id: r.id,
      name: r.name,
      email: r.email,
      timezone: r.timezone,
      noShowCount: r.no_show_count,
      noShowLockoutUntil: r.no_show_lockout_until,
      language: r.language,
      createdAt: r.created_at,
    }),
  );
