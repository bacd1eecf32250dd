// The amount a money mail names, formatted as chat formats prices, in the reader's language.

import { sql } from 'drizzle-orm';
import { formatPrice } from '../chat/chat-format.ts';
import type { Database } from '../db/database.ts';
import type { Translator } from '../i18n/translator.ts';
import type { ChangeMailPayload } from './job-payloads.ts';
import { PAYMENT_NOTICE_KINDS } from './job-payloads.ts';

const MONEY_KINDS: ReadonlySet<string> = new Set(PAYMENT_NOTICE_KINDS);

/**
 * For a money mail: the refund's amount the event recorded, or else (a released hold) what the
 * hold asked for, formatted for `t`'s locale; null for every other kind, or when the
 * appointment is gone.
 */
export async function mailedMoney(
  t: Translator,
  db: Database,
  payload: ChangeMailPayload,
): Promise<string | null> {
  if (!MONEY_KINDS.has(payload.kind)) return null;
  if (payload.money) return formatPrice(t, payload.money.amount, payload.money.currency);
  const { rows } = await db.execute<{ amount_due: number; currency: string }>(
    sql`select amount_due, currency from appointments where id = ${payload.appointmentId}::uuid`,
  );
  const row = rows[0];
  return row === undefined ? null : formatPrice(t, row.amount_due, row.currency);
}
