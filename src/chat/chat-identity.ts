// Chat identities: who is talking, the client they book as, the provider they may act as, and
// where their DMs go.
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { createClient } from '../catalog/create-client.ts';
import type { Database } from '../db/database.ts';
import { chatIdentities } from '../db/schema/chat.ts';
import { clients } from '../db/schema/clients.ts';
import type { Language } from '../i18n/languages.ts';
import type { ChatAddress } from './chat-types.ts';

export type Identity = typeof chatIdentities.$inferSelect;

/** A client as stored, with who set its time zone. */
export type StoredClient = typeof clients.$inferSelect;

/** 'user': the person (or an admin) chose the zone; 'hint': a platform's guess filled it. */
export type TimezoneSource = StoredClient['timezoneSource'];

/** The client row, with its time zone's source, or null when it is gone. */
async function readClient(db: Database, clientId: string): Promise<StoredClient | null> {
  const [row] = await db.select().from(clients).where(eq(clients.id, clientId));
  return row ?? null;
}

/**
 * Makes the identity a client in `timezone` (already validated, set by `source`) speaking
 * `language` (absent: none stored yet) unless it already is one, under a row lock so two
 * concurrent answers create one client. Returns the identity's client.
 */
export async function becomeClient(
  db: Database,
  identity: Identity,
  zone: { readonly timezone: string; readonly source: TimezoneSource },
  now: Date,
  language?: Language,
): Promise<StoredClient> {
  return db.transaction(async (tx) => {
    const [locked] = await tx
      .select()
      .from(chatIdentities)
      .where(eq(chatIdentities.id, identity.id))
      .for('update');
    if (locked?.clientId) {
      const [existing] = await tx.select().from(clients).where(eq(clients.id, locked.clientId));
      if (existing) return existing;
    }
    const created = await createClient(
      tx,
      { name: identity.displayName, timezone: zone.timezone, language: language ?? null },
      now,
    );
    if (!created.ok) throw new ChatStoreError(`could not create a client: ${created.message}`);
    const [client] = await tx
      .update(clients)
      .set({ timezoneSource: zone.source })
      .where(eq(clients.id, created.value.id))
      .returning();
    if (!client) throw new ChatStoreError('client vanished while being made');
    await tx
      .update(chatIdentities)
      .set({ clientId: created.value.id })
      .where(eq(chatIdentities.id, identity.id));
    return client;
  });
}

/** Stores the zone the user chose (canonical), which no platform hint replaces afterwards. */
export async function setClientTimezone(
  db: Database,
  clientId: string,
  timezone: string,
): Promise<StoredClient> {
  const [row] = await db
    .update(clients)
    .set({ timezone, timezoneSource: 'user' })
    .where(eq(clients.id, clientId))
    .returning();
  if (!row) throw new ChatStoreError('client vanished while setting its time zone');
  return row;
}

/**
 * Stores a platform's zone unless the user has chosen one meanwhile; returns the client as it
 * now is (with the user's zone when they had chosen).
 */
export async function hintClientTimezone(
  db: Database,
  clientId: string,
  timezone: string,
): Promise<StoredClient> {
  const [row] = await db
    .update(clients)
    .set({ timezone })
    .where(and(eq(clients.id, clientId), eq(clients.timezoneSource, 'hint')))
    .returning();
  const client = row ?? (await readClient(db, clientId));
  if (!client) throw new ChatStoreError('client vanished while setting its time zone');
  return client;
}

/** Where to DM the client: every chat identity booking as them. */
export async function clientAddresses(db: Database, clientId: string): Promise<ChatAddress[]> {
  return db
    .select(addressColumns)
    .from(chatIdentities)
    .where(eq(chatIdentities.clientId, clientId))
    .orderBy(asc(chatIdentities.createdAt));
}

/** Where to DM the provider: every linked identity, Slack first. */
export async function providerAddresses(db: Database, providerId: string): Promise<ChatAddress[]> {
  return db
    .select(addressColumns)
    .from(chatIdentities)
    .where(eq(chatIdentities.providerId, providerId))
    .orderBy(desc(sql`${chatIdentities.platform} = 'slack'`), asc(chatIdentities.createdAt));
}

const addressColumns = {
  platform: sql<ChatAddress['platform']>`${chatIdentities.platform}`,
  platformUserId: chatIdentities.platformUserId,
  dmAddress: chatIdentities.dmAddress,
};

/** A chat storage operation failed for a reason the user cannot fix (a bug, a lost row). */
export class ChatStoreError extends Error {
  override name = 'ChatStoreError';
}
