// A series request's idempotency key: read under its lock, judged, and stored with the booked series.
import type pg from 'pg';
import { IDEMPOTENCY_TTL_MS } from '../booking/idempotency.ts';
import type { FollowingRead, SqlClient } from '../db/pg-transaction.ts';
import { seriesKeyBodyJson } from './series-key-json.ts';
import type { SeriesOccurrence } from './series-types.ts';

export type SeriesKey = { readonly scope: string; readonly key: string };

/** A stored key's verdict on this request; a replay names the series and what it skipped. */
export type SeriesKeyVerdict =
  | { readonly kind: 'new' }
  | { readonly kind: 'reused' }
  | {
      readonly kind: 'replay';
      readonly seriesId: string;
      readonly skipped: readonly SeriesOccurrence[];
    };

/** The key's row as a statement to run right after its lock (see takeLocksThenRead). */
export function seriesKeyRead(k: SeriesKey): FollowingRead {
  return async (client: pg.PoolClient) =>
    `select request_hash, response_body, expires_at from idempotency_keys
      where scope = ${client.escapeLiteral(k.scope)} and key = ${client.escapeLiteral(k.key)}`;
}

/**
 * Judges the rows seriesKeyRead read: none or expired is new; another request hash is reuse of
 * the key for a different request; the same hash replays the stored series.
 */
export function judgeSeriesKey(
  rows: readonly unknown[],
  requestHash: string,
  now: Date,
): SeriesKeyVerdict {
  const row = rows[0] as
    | { request_hash: string; response_body: unknown; expires_at: Date | string }
    | undefined;
  if (!row || new Date(row.expires_at) <= now) return { kind: 'new' };
  if (row.request_hash !== requestHash) return { kind: 'reused' };
  const body = seriesKeyBodyJson.parse(row.response_body);
  return { kind: 'replay', seriesId: body.series_id, skipped: body.skipped };
}

/**
 * Records the key for the series just booked (replacing an expired one), with what it skipped,
 * for 24 hours. Call it inside the booking transaction, under the key's lock.
 */
export async function storeSeriesKey(
  client: SqlClient,
  k: SeriesKey & { readonly requestHash: string },
  answer: { readonly seriesId: string; readonly skipped: readonly SeriesOccurrence[] },
  now: Date,
): Promise<void> {
  const body = { series_id: answer.seriesId, skipped: answer.skipped };
  await client.query({
    name: 'slotline_store_series_key',
    text: `insert into idempotency_keys (scope, key, request_hash, response_status, response_body,
        created_at, expires_at)
      values ($1, $2, $3, 201, $4, $5, $6)
      on conflict (scope, key) do update set request_hash = excluded.request_hash,
        response_status = excluded.response_status, response_body = excluded.response_body,
        created_at = excluded.created_at, expires_at = excluded.expires_at`,
    values: [
      k.scope,
      k.key,
      k.requestHash,
      JSON.stringify(body),
      now,
      new Date(now.getTime() + IDEMPOTENCY_TTL_MS),
    ],
  });
}
