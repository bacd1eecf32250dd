// Chat identities: who is talking, the client they book as, the provider they may act as, and
// where their DMs go.
import { asc, desc, eq, sql } from 'drizzle-orm';
import { createClient } from '../catalog/create-client.ts';
import type { Database } from '../db/database.ts';
import { chatIdentities } from '../db/schema/chat.ts';
import { clients } from '../db/schema/clients.ts';
import type { Client } from '../domain/catalog.ts';
import type { ChatAddress, ChatUser } from './chat-types.ts';

export type Identity = typeof chatIdentities.$inferSelect;

/**
 * The identity of `user`, created on first contact; the display name and DM address follow
 * what the platform says now. One statement, safe under concurrent first messages.
 */
export async function upsertIdentity(db: Database, user: ChatUser, now: Date): Promise<Identity> {
  const [row] = await db
    .insert(chatIdentities)
    .values({
      platform: user.platform,
      platformUserId: user.platformUserId,
      displayName: user.displayName,
      dmAddress: user.dmAddress,
      createdAt: now,
    })
    .onConflictDoUpdate({
      target: [chatIdentities.platform, chatIdentities.platformUserId],
      set: {
        displayName: sql`excluded.display_name`,
        dmAddress: sql`coalesce(excluded.dm_address, ${chatIdentities.dmAddress})`,
      },
    })
    .returning();
  if (!row) throw new ChatStoreError('identity upsert returned no row');
  return row;
}

export async function readClient(db: Database, clientId: string): Promise<Client | null> {
  const [row] = await db.select().from(clients).where(eq(clients.id, clientId));
  return row ?? null;
}

/**
 * Makes the identity a client in `timezone` (already validated) unless it already is one, under
 * a row lock so two concurrent answers create one client. Returns the identity's client.
 */
export async function becomeClient(
  db: Database,
  identity: Identity,
  timezone: string,
  now: Date,
): Promise<Client> {
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
    const created = await createClient(tx, { name: identity.displayName, timezone }, now);
    if (!created.ok) throw new ChatStoreError(`could not create a client: ${created.message}`);
    await tx
      .update(chatIdentities)
      .set({ clientId: created.value.id })
      .where(eq(chatIdentities.id, identity.id));
    return created.value;
  });
}

export async function setClientTimezone(
  db: Database,
  clientId: string,
  timezone: string,
): Promise<Client> {
  const [row] = await db
    .update(clients)
    .set({ timezone })
    .where(eq(clients.id, clientId))
    .returning();
  if (!row) throw new ChatStoreError('client vanished while setting its time zone');
  return row;
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
