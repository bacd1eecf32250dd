// A reminder's email to one party, through the Mailer port.
import { eq } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { clients } from '../db/schema/clients.ts';
import { providers } from '../db/schema/providers.ts';
import type { Appointment } from '../domain/appointment.ts';
import type { Party } from './job-payloads.ts';
import { whileLive } from './live-reminder.ts';
import { partyTranslator } from './party-translator.ts';
import { reminderEmail } from './reminder-messages.ts';
import { sendMail } from './send-mail.ts';

/**
 * Emails the reminder to the party (clients.email or providers.email; none: nothing to do). A
 * permanent refusal is recorded as DELIVERY_FAILED; any other error is rethrown so pg-boss
 * retries the job with backoff.
 */
export const sendEmailReminder = whileLive(async (deps, view, payload, failure) => {
  const to = await emailOf(deps.db, view.appointment, payload.party);
  if (!to) return;
  const mail = reminderEmail(
    partyTranslator(deps, view, payload.party),
    view,
    payload.kind,
    payload.party,
  );
  await sendMail(deps, { to, ...mail, invite: null }, failure);
});

async function emailOf(
  db: Database,
  appointment: Appointment,
  party: Party,
): Promise<string | null> {
  if (party === 'client') {
    const [row] = await db
      .select({ email: clients.email })
      .from(clients)
      .where(eq(clients.id, appointment.clientId));
    return row?.email ?? null;
  }
  const [row] = await db
    .select({ email: providers.email })
    .from(providers)
    .where(eq(providers.id, appointment.providerId));
  return row?.email ?? null;
}
