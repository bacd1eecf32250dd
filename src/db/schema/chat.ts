// Chat identities, conversation state, processed platform updates, provider link codes and web DMs.
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { PLATFORMS } from '../../domain/platforms.ts';
import { sqlStringList } from '../sql-string-list.ts';
import { clients } from './clients.ts';
import { providers } from './providers.ts';

/** A person on one chat platform; a client on first contact, a provider once linked. */
export const chatIdentities = pgTable(
  'chat_identities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    platform: text('platform').notNull(),
    platformUserId: text('platform_user_id').notNull(),
    displayName: text('display_name').notNull(),
    clientId: uuid('client_id').references(() => clients.id, { onDelete: 'set null' }),
    providerId: uuid('provider_id').references(() => providers.id, { onDelete: 'set null' }),
    // Where to send DMs when it differs from the user id (a Telegram chat id, a Slack DM channel).
    dmAddress: text('dm_address'),
    // The language this person chose with /language; null: none, so their platform's decides.
    language: text('language'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('chat_identities_platform_user_idx').on(t.platform, t.platformUserId),
    index('chat_identities_client_idx').on(t.clientId),
    index('chat_identities_provider_idx').on(t.providerId),
    check('chat_identities_platform_check', sql`${t.platform} in (${sqlStringList(PLATFORMS)})`),
    check('chat_identities_language_check', sql`${t.language} ~ '^[a-z]{2,3}$'`),
  ],
);

/** One conversation per (platform, user): the flow in progress, gone after inactivity. */
export const chatConversations = pgTable(
  'chat_conversations',
  {
    platform: text('platform').notNull(),
    platformUserId: text('platform_user_id').notNull(),
    state: jsonb('state').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.platform, t.platformUserId] })],
);

/** Platform update ids already handled, so a retried delivery never acts twice. */
export const chatProcessedUpdates = pgTable(
  'chat_processed_updates',
  {
    platform: text('platform').notNull(),
    updateId: text('update_id').notNull(),
    processedAt: timestamp('processed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.platform, t.updateId] }),
    index('chat_processed_updates_at_idx').on(t.processedAt),
  ],
);

/** One-time codes a provider sends as `/link CODE` to tie a chat account to their profile. */
export const providerLinkCodes = pgTable('provider_link_codes', {
  code: text('code').primaryKey(),
  providerId: uuid('provider_id')
    .notNull()
    .references(() => providers.id, { onDelete: 'cascade' }),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * DMs to web chat users, kept until read and pruned by age: `seq` counts up per user, so a
 * browser's cursor (the last seq it saw) reads each once and in order on any app instance.
 */
export const webInboxMessages = pgTable(
  'web_inbox_messages',
  {
    userId: text('user_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    message: jsonb('message').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.seq] }),
    index('web_inbox_messages_created_at_idx').on(t.createdAt),
  ],
);
