// A provider's calendar connection as stored in calendar_syncs: secrets sealed on the way in, opened on the way out.
import { createHash, timingSafeEqual } from 'node:crypto';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Queryable } from '../db/database.ts';
import { calendarSyncs } from '../db/schema/infrastructure.ts';
import type { CalendarKind } from '../domain/calendar-kinds.ts';
import type { OAuthTokens, PushChannel } from './calendar-client.ts';
import { openSecret, sealSecret } from './secret-box.ts';

export type CalendarConnection = {
  readonly id: string;
  readonly providerId: string;
  readonly kind: CalendarKind;
  readonly status: 'ACTIVE' | 'BROKEN';
  readonly tokens: OAuthTokens;
  /** Apple ID and app-specific password; null for OAuth calendars. */
  readonly accountName: string | null;
  readonly password: string | null;
  /** Apple: the calendar's URL; the others use their primary calendar. */
  readonly externalCalendarId: string | null;
  readonly cursor: string | null;
  readonly channel: PushChannel | null;
  readonly lastSyncedAt: Date | null;
  readonly fullSyncedAt: Date | null;
};

type Row = typeof calendarSyncs.$inferSelect;

/** The AAD of each sealed column: a ciphertext opens only in its own row and column. */
function context(providerId: string, kind: CalendarKind, column: string): string {
  return `calendar_syncs:${providerId}:${kind}:${column}`;
}

function openColumn(key: Buffer, row: Row, column: string, value: string | null): string | null {
  return value === null
    ? null
    : openSecret(key, value, context(row.providerId, row.calendarType, column));
}

function toConnection(key: Buffer, row: Row): CalendarConnection {
  const channel =
    row.channelId && row.channelExpiresAt
      ? { id: row.channelId, resourceId: row.channelResourceId, expiresAt: row.channelExpiresAt }
      : null;
  return {
    id: row.id,
    providerId: row.providerId,
    kind: row.calendarType,
    status: row.status === 'BROKEN' ? 'BROKEN' : 'ACTIVE',
    tokens: {
      accessToken: openColumn(key, row, 'access', row.accessTokenEncrypted),
      refreshToken: openColumn(key, row, 'refresh', row.refreshTokenEncrypted),
      expiresAt: row.tokenExpiresAt,
    },
    accountName: row.accountName,
    password: openColumn(key, row, 'password', row.passwordEncrypted),
    externalCalendarId: row.externalCalendarId,
    cursor: row.syncToken,
    channel,
    lastSyncedAt: row.lastSyncedAt,
    fullSyncedAt: row.fullSyncedAt,
  };
}

/** The provider's connection (at most one: connecting another calendar replaces it), or null. */
export async function readProviderConnection(
  db: Queryable,
  key: Buffer,
  providerId: string,
): Promise<CalendarConnection | null> {
  const [row] = await db
    .select()
    .from(calendarSyncs)
    .where(eq(calendarSyncs.providerId, providerId));
  return row ? toConnection(key, row) : null;
}

export async function readConnection(
  db: Queryable,
  key: Buffer,
  id: string,
): Promise<CalendarConnection | null> {
  const [row] = await db.select().from(calendarSyncs).where(eq(calendarSyncs.id, id));
  return row ? toConnection(key, row) : null;
}

export type NewConnection = {
  readonly providerId: string;
  readonly kind: CalendarKind;
  readonly tokens: OAuthTokens;
  readonly accountName: string | null;
  readonly password: string | null;
  readonly externalCalendarId: string | null;
};

/**
 * Stores a fresh connection, replacing whatever calendar the provider had (the caller closes
 * the old push channel first). The cursor starts empty, so the first sync is a full one.
 */
export async function saveNewConnection(
  db: Queryable,
  key: Buffer,
  input: NewConnection,
): Promise<CalendarConnection> {
  const seal = (column: string, value: string | null) =>
    value === null ? null : sealSecret(key, value, context(input.providerId, input.kind, column));
  await db.delete(calendarSyncs).where(eq(calendarSyncs.providerId, input.providerId));
  const [row] = await db
    .insert(calendarSyncs)
    .values({
      providerId: input.providerId,
      calendarType: input.kind,
      accessTokenEncrypted: seal('access', input.tokens.accessToken),
      refreshTokenEncrypted: seal('refresh', input.tokens.refreshToken),
      tokenExpiresAt: input.tokens.expiresAt,
      accountName: input.accountName,
      passwordEncrypted: seal('password', input.password),
      externalCalendarId: input.externalCalendarId,
    })
    .returning();
  if (!row) throw new Error('calendar connection was not stored');
  return toConnection(key, row);
}

/** Saves refreshed tokens; a refresh without a new refresh token keeps the stored one. */
export async function saveConnectionTokens(
  db: Queryable,
  key: Buffer,
  connection: Pick<CalendarConnection, 'id' | 'providerId' | 'kind'>,
  tokens: OAuthTokens,
): Promise<void> {
  const seal = (column: string, value: string) =>
    sealSecret(key, value, context(connection.providerId, connection.kind, column));
  await db
    .update(calendarSyncs)
    .set({
      ...(tokens.accessToken ? { accessTokenEncrypted: seal('access', tokens.accessToken) } : {}),
      ...(tokens.refreshToken
        ? { refreshTokenEncrypted: seal('refresh', tokens.refreshToken) }
        : {}),
      tokenExpiresAt: tokens.expiresAt,
    })
    .where(eq(calendarSyncs.id, connection.id));
}

/** Marks the connection BROKEN (credentials refused); it stays until reconnected or removed. */
export async function markConnectionBroken(db: Queryable, id: string): Promise<boolean> {
  const rows = await db
    .update(calendarSyncs)
    .set({ status: 'BROKEN', channelId: null, channelResourceId: null, channelSecretHash: null })
    .where(and(eq(calendarSyncs.id, id), eq(calendarSyncs.status, 'ACTIVE')))
    .returning({ id: calendarSyncs.id });
  return rows.length > 0;
}

/** Stores where the next pull starts; a complete pull also stamps `full_synced_at`. */
export async function saveCursor(
  db: Queryable,
  id: string,
  pull: { readonly cursor: string | null; readonly complete: boolean },
  at: Date,
) {
  await db
    .update(calendarSyncs)
    .set({
      syncToken: pull.cursor,
      lastSyncedAt: at,
      ...(pull.complete ? { fullSyncedAt: at } : {}),
    })
    .where(eq(calendarSyncs.id, id));
}

/**
 * Stores `channel` in place of `expected` (compare-and-set on the channel id), with only a hash of
 * its secret. False when another sync replaced the channel first: the caller closes its own.
 */
export async function replaceChannel(
  db: Queryable,
  id: string,
  expected: PushChannel | null,
  channel: PushChannel,
  secret: string,
): Promise<boolean> {
  const rows = await db
    .update(calendarSyncs)
    .set({
      channelId: channel.id,
      channelResourceId: channel.resourceId,
      channelExpiresAt: channel.expiresAt,
      channelSecretHash: hashSecret(secret),
    })
    .where(
      and(
        eq(calendarSyncs.id, id),
        eq(calendarSyncs.status, 'ACTIVE'),
        expected === null
          ? isNull(calendarSyncs.channelId)
          : eq(calendarSyncs.channelId, expected.id),
      ),
    )
    .returning({ id: calendarSyncs.id });
  return rows.length > 0;
}

/**
 * Stores the push channel with only a hash of its secret.
 * @internal Exported for tests too.
 */
export async function saveChannel(
  db: Queryable,
  id: string,
  channel: PushChannel | null,
  secret: string | null,
): Promise<void> {
  await db
    .update(calendarSyncs)
    .set({
      channelId: channel?.id ?? null,
      channelResourceId: channel?.resourceId ?? null,
      channelExpiresAt: channel?.expiresAt ?? null,
      channelSecretHash: secret === null ? null : hashSecret(secret),
    })
    .where(eq(calendarSyncs.id, id));
}

/**
 * The connection whose push channel is `channelId` and whose secret is `secret` (compared in
 * constant time), or null: an unknown channel and a wrong secret look the same to the caller.
 */
export async function findChannelConnection(
  db: Queryable,
  channelId: string,
  secret: string,
): Promise<{ id: string; kind: CalendarKind } | null> {
  const [row] = await db
    .select({
      id: calendarSyncs.id,
      kind: calendarSyncs.calendarType,
      hash: calendarSyncs.channelSecretHash,
    })
    .from(calendarSyncs)
    .where(and(eq(calendarSyncs.channelId, channelId), eq(calendarSyncs.status, 'ACTIVE')));
  if (!row?.hash) return null;
  const expected = Buffer.from(row.hash, 'hex');
  const given = Buffer.from(hashSecret(secret), 'hex');
  return timingSafeEqual(expected, given) ? { id: row.id, kind: row.kind } : null;
}

/** A webhook's claim to a push channel: the channel id it names and the secret it carries. */
export type ChannelClaim = { readonly channelId: string; readonly secret: string };

/**
 * findChannelConnection for many claims in one query: each connection whose push channel a
 * claim names with the right secret (compared in constant time), once, in no particular order.
 * Unknown channels, wrong secrets and channel ids holding NUL (which no stored id can) match
 * nothing. The caller bounds the number of claims; one query is sent whatever it is, none for [].
 */
export async function findChannelConnections(
  db: Queryable,
  claims: readonly ChannelClaim[],
): Promise<{ id: string; kind: CalendarKind }[]> {
  const storable = claims.filter((claim) => !claim.channelId.includes('\u0000'));
  if (storable.length === 0) return [];
  const rows = await db
    .select({
      id: calendarSyncs.id,
      kind: calendarSyncs.calendarType,
      channelId: calendarSyncs.channelId,
      hash: calendarSyncs.channelSecretHash,
    })
    .from(calendarSyncs)
    .where(
      and(
        inArray(calendarSyncs.channelId, [...new Set(storable.map((claim) => claim.channelId))]),
        eq(calendarSyncs.status, 'ACTIVE'),
      ),
    );
  const byChannel = new Map(rows.map((row) => [row.channelId, row]));
  const found = new Map<string, { id: string; kind: CalendarKind }>();
  for (const claim of storable) {
    const row = byChannel.get(claim.channelId);
    if (!row?.hash || found.has(row.id)) continue;
    const expected = Buffer.from(row.hash, 'hex');
    const given = Buffer.from(hashSecret(claim.secret), 'hex');
    if (timingSafeEqual(expected, given)) found.set(row.id, { id: row.id, kind: row.kind });
  }
  return [...found.values()];
}

export async function deleteConnection(db: Queryable, providerId: string): Promise<void> {
  await db.delete(calendarSyncs).where(eq(calendarSyncs.providerId, providerId));
}

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
