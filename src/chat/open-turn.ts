// A chat turn's first round trip: claim the update, upsert the identity, read its client and conversation.
import type { Database } from '../db/database.ts';
import type { Logger } from '../ports/logger.ts';
import { ChatStoreError, type Identity, type StoredClient } from './chat-identity.ts';
import type { ChatUser } from './chat-types.ts';
import { type ConversationState, liveConversation } from './conversation-state.ts';

export type OpenedTurn = {
  readonly identity: Identity;
  /** The identity's client, or null when it has none (or it is gone). */
  readonly client: StoredClient | null;
  readonly state: ConversationState | null;
  /** The language stored for the identity's provider (null: none, or not a provider). */
  readonly providerLanguage: string | null;
};

/**
 * Takes update `updateId` of `user` and opens its turn in one statement: records the update as
 * processed, creates the identity on first contact (display name and DM address follow what the
 * platform says now), and reads the identity's client and live conversation. Resolves null when
 * another delivery of the update already took it; then nothing is written. Safe under concurrent
 * deliveries and first messages (the inserts' conflict clauses decide). Throws ChatStoreError
 * when the database fails.
 */
export async function openTurn(
  db: Database,
  user: ChatUser,
  updateId: string,
  now: Date,
  logger: Logger,
): Promise<OpenedTurn | null> {
  const values = [
    user.platform,
    user.platformUserId,
    updateId,
    user.displayName,
    user.dmAddress,
    now,
  ];
  const result = await db.$client
    .query<OpenRow>({ name: 'slotline_open_turn', text: OPEN_TURN_SQL, values })
    .catch((error: unknown) => {
      throw new ChatStoreError('could not open a chat turn', { cause: error });
    });
  const row = result.rows[0];
  if (!row?.claimed) return null;
  if (row.i_id === null) throw new ChatStoreError('identity upsert returned no row');
  const conversation =
    row.v_expires_at === null ? null : { state: row.v_state, expiresAt: row.v_expires_at };
  return {
    identity: identityOf(row),
    client: clientOf(row),
    state: liveConversation(conversation, user, now, logger),
    providerLanguage: row.p_language,
  };
}

type OpenRow = {
  claimed: boolean;
  i_id: string | null;
  i_platform: string;
  i_platform_user_id: string;
  i_display_name: string;
  i_client_id: string | null;
  i_provider_id: string | null;
  i_dm_address: string | null;
  i_language: string | null;
  p_language: string | null;
  c_language: string | null;
  i_created_at: Date;
  c_id: string | null;
  c_name: string;
  c_email: string | null;
  c_timezone: string;
  c_timezone_source: StoredClient['timezoneSource'];
  c_no_show_count: number;
  c_no_show_lockout_until: Date | null;
  c_created_at: Date;
  v_state: unknown;
  v_expires_at: Date | null;
};

function identityOf(r: OpenRow): Identity {
  return {
    id: r.i_id ?? '',
    platform: r.i_platform,
    platformUserId: r.i_platform_user_id,
    displayName: r.i_display_name,
    clientId: r.i_client_id,
    providerId: r.i_provider_id,
    dmAddress: r.i_dm_address,
    language: r.i_language,
    createdAt: r.i_created_at,
  };
}

function clientOf(r: OpenRow): StoredClient | null {
  if (r.c_id === null) return null;
  return {
    id: r.c_id,
    name: r.c_name,
    email: r.c_email,
    timezone: r.c_timezone,
    language: r.c_language,
    timezoneSource: r.c_timezone_source,
    noShowCount: r.c_no_show_count,
    noShowLockoutUntil: r.c_no_show_lockout_until,
    createdAt: r.c_created_at,
  };
}

// The identity is written only when the update was claimed here, so a duplicate delivery writes
// nothing. Prepared once per connection by name.
const OPEN_TURN_SQL = `
  with claimed as (
    insert into chat_processed_updates (platform, update_id, processed_at)
    values ($1, $3, $6) on conflict do nothing returning 1
  ), identity as (
    insert into chat_identities (platform, platform_user_id, display_name, dm_address, created_at)
    select $1, $2, $4, $5, $6 where exists (select 1 from claimed)
    on conflict (platform, platform_user_id) do update
      set display_name = excluded.display_name,
        dm_address = coalesce(excluded.dm_address, chat_identities.dm_address)
    returning *
  )
  select exists (select 1 from claimed) as claimed,
    i.id as i_id, i.platform as i_platform, i.platform_user_id as i_platform_user_id,
    i.display_name as i_display_name, i.client_id as i_client_id, i.provider_id as i_provider_id,
    i.dm_address as i_dm_address, i.language as i_language, i.created_at as i_created_at,
    p.language as p_language, c.language as c_language,
    c.id as c_id, c.name as c_name, c.email as c_email, c.timezone as c_timezone,
    c.timezone_source as c_timezone_source, c.no_show_count as c_no_show_count,
    c.no_show_lockout_until as c_no_show_lockout_until, c.created_at as c_created_at,
    v.state as v_state, v.expires_at as v_expires_at
  from (select 1) one
  left join identity i on true
  left join clients c on c.id = i.client_id
  left join providers p on p.id = i.provider_id
  left join chat_conversations v on v.platform = $1 and v.platform_user_id = $2`;
