// Calendar connections and idempotency records.
import { sql } from 'drizzle-orm';
import {
  check,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { calendarType } from './enums.ts';
import { providers } from './providers.ts';

export const calendarSyncs = pgTable(
  'calendar_syncs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id, { onDelete: 'cascade' }),
    calendarType: calendarType('calendar_type').notNull(),
    // AES-256-GCM ciphertexts; never plaintext tokens.
    accessTokenEncrypted: text('access_token_encrypted'),
    refreshTokenEncrypted: text('refresh_token_encrypted'),
    tokenExpiresAt: timestamp('token_expires_at', { withTimezone: true }),
    // Apple: the Apple ID and its app-specific password (encrypted); OAuth calendars leave them null.
    accountName: text('account_name'),
    passwordEncrypted: text('password_encrypted'),
    externalCalendarId: text('external_calendar_id'),
    // Google sync token or Graph delta link; null means the next pull is a full one.
    syncToken: text('sync_token'),
    status: text('status').notNull().default('ACTIVE'),
    // The push channel (Google watch channel, Graph subscription); Apple is polled and has none.
    channelId: text('channel_id'),
    channelResourceId: text('channel_resource_id'),
    // SHA-256 of the channel's secret token: enough to check a notification, useless to forge one.
    channelSecretHash: text('channel_secret_hash'),
    channelExpiresAt: timestamp('channel_expires_at', { withTimezone: true }),
    lastSyncedAt: timestamp('last_synced_at', { withTimezone: true }),
    // The last complete pull: a weekly one moves the window forward (Graph's delta window is fixed).
    fullSyncedAt: timestamp('full_synced_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('calendar_syncs_provider_type_idx').on(t.providerId, t.calendarType),
    uniqueIndex('calendar_syncs_channel_idx').on(t.channelId),
    check('calendar_syncs_status_check', sql`${t.status} in ('ACTIVE', 'BROKEN')`),
  ],
);

/** OAuth states already redeemed: a signed state works once. */
export const usedOAuthStates = pgTable('used_oauth_states', {
  nonce: text('nonce').primaryKey(),
  usedAt: timestamp('used_at', { withTimezone: true }).notNull(),
  // Kept until then, so housekeeping can purge the rest.
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    responseStatus: integer('response_status').notNull(),
    responseBody: jsonb('response_body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.scope, t.key] }),
    check('idempotency_expiry_check', sql`${t.expiresAt} > ${t.createdAt}`),
  ],
);
