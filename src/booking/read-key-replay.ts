// Reads a stored idempotency key together with its appointment, in one statement on any connection.
import type { SqlClient } from '../db/pg-transaction.ts';
import type { Appointment } from '../domain/appointment.ts';
import { appointmentJson } from './appointment-row-json.ts';
import type { StoredKey } from './booking-context-row.ts';

export type KeyReplay = { readonly key: StoredKey; readonly appointment: Appointment | null };

/**
 * The key `scope`/`key` and the appointment it answered with, or null when no key is stored.
 * Runs on the connection it is given (a transaction's own client, or the pool for a lock-free
 * look), so a caller holding locks never waits for a second connection.
 */
export async function readKeyReplay(
  client: SqlClient,
  scope: string,
  key: string,
): Promise<KeyReplay | null> {
  const result = await client.query<{
    request_hash: string;
    appointment_id: string;
    expires_at: Date;
    appointment: unknown;
  }>({
    name: 'slotline_read_key_replay',
    text: `select k.request_hash, k.response_body->>'appointment_id' as appointment_id, k.expires_at,
        (select row_to_json(a) from appointments a
          where a.id = (k.response_body->>'appointment_id')::uuid) as appointment
      from idempotency_keys k where k.scope = $1 and k.key = $2`,
    values: [scope, key],
  });
  const row = result.rows[0];
  if (!row) return null;
  return {
    key: {
      requestHash: row.request_hash,
      appointmentId: row.appointment_id,
      expiresAt: new Date(row.expires_at),
    },
    appointment: row.appointment ? appointmentJson.parse(row.appointment) : null,
  };
}
