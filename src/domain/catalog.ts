// Providers, services, clients and availability as the core sees them.
import type { OverrideSource } from './calendar-kinds.ts';

export const PROVIDER_TYPES = ['DOCTOR', 'CONSULTANT', 'TRAINER', 'THERAPIST'] as const;
export type ProviderType = (typeof PROVIDER_TYPES)[number];

export const PAYMENT_MODES = ['NONE', 'DEPOSIT', 'FULL'] as const;
export type PaymentMode = (typeof PAYMENT_MODES)[number];

export type Provider = {
  readonly id: string;
  readonly userId: string | null;
  readonly name: string;
  readonly type: ProviderType;
  readonly timezone: string;
  readonly bio: string | null;
  readonly photoUrl: string | null;
  readonly email: string | null;
  readonly isActive: boolean;
  /** At most this many active future bookings per client with this provider; null: no limit. */
  readonly maxActiveBookingsPerClient: number | null;
  /** The language mail and DMs go in (a registry code); null: the default language. */
  readonly language: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
};

export type Service = {
  readonly id: string;
  readonly providerId: string;
  readonly name: string;
  readonly durationMinutes: number;
  /** Integer minor units (cents). */
  readonly price: number;
  readonly currency: string;
  /** NONE: pay on the day (as before payments). DEPOSIT: `depositAmount` up front. FULL: the price. */
  readonly paymentMode: PaymentMode;
  /** Minor units, 1..price; set exactly when paymentMode is DEPOSIT. */
  readonly depositAmount: number | null;
  readonly bufferTimeMinutes: number;
  readonly maxAdvanceDays: number;
  readonly cancellationHours: number;
  readonly requiresApproval: boolean;
  readonly minNoticeMinutes: number;
  readonly slotIntervalMinutes: number | null;
  readonly isVirtual: boolean;
  readonly isActive: boolean;
  /** Active bookings of this service per provider-local day (1..1000); null: no limit. */
  readonly maxBookingsPerDay: number | null;
  /** Active bookings of this service per provider-local ISO week (1..10000); null: no limit. */
  readonly maxBookingsPerWeek: number | null;
  readonly createdAt: Date;
};

export type Client = {
  readonly id: string;
  readonly name: string;
  readonly email: string | null;
  readonly timezone: string;
  readonly noShowCount: number;
  readonly noShowLockoutUntil: Date | null;
  /** The language mail and DMs go in (a registry code); null: the default language. */
  readonly language: string | null;
  readonly createdAt: Date;
};

export type StoredWeeklyWindow = {
  readonly id: string;
  readonly providerId: string;
  readonly dayOfWeek: number;
  /** 'HH:MM' */
  readonly startTime: string;
  /** 'HH:MM' */
  readonly endTime: string;
  readonly isActive: boolean;
};

export type StoredOverride = {
  readonly id: string;
  readonly providerId: string;
  /** 'YYYY-MM-DD' */
  readonly date: string;
  readonly startTime: string | null;
  readonly endTime: string | null;
  readonly isBlocked: boolean;
  readonly source: OverrideSource;
  readonly externalEventId: string | null;
  readonly createdAt: Date;
};
