// A change mail to the client: the event's text and invite, with a join link where one belongs.

import type { Translator } from '../i18n/translator.ts';
import { appointmentMail } from '../mail/appointment-mail.ts';
import type { AppointmentMailKind, AppointmentMailView } from '../mail/appointment-mail-view.ts';
import { formatMailDate } from '../mail/mail-time.ts';
import {
  type ChangeMailFacts,
  inviteSequence,
  mailedChange,
  mailTranslator,
  readChangeMailFacts,
} from './change-mail-facts.ts';
import { ensureMeetingLink } from './ensure-meeting-link.ts';
import type { ChangeMailPayload } from './job-payloads.ts';
import type { JobsDeps } from './jobs-deps.ts';
import { mailedMoney } from './mailed-money.ts';
import { sendMail } from './send-mail.ts';

/** The mails that confirm an appointment; a virtual one gets its join link before them. */
const CONFIRMING = new Set<AppointmentMailKind>(['confirmation', 'approved']);

/**
 * Mails the client about one event, in the client's language (no address or appointment gone:
 * nothing to do). For a confirming mail of a virtual service the join link is made and stored
 * first, so the mail carries it. A permanent refusal is recorded as DELIVERY_FAILED; any other
 * error is thrown so pg-boss retries the job (the link, once stored, is not made again).
 */
export async function sendChangeMail(
  deps: JobsDeps,
  jobId: string,
  payload: ChangeMailPayload,
): Promise<void> {
  const facts = await readChangeMailFacts(deps.db, payload.appointmentId);
  if (!facts) return;
  const meetingLink = CONFIRMING.has(payload.kind)
    ? await ensureMeetingLink(deps, { facts, kind: payload.kind, jobId })
    : facts.meetingLink;
  const email = facts.clientEmail;
  if (!email) return;
  const t = mailTranslator(deps, facts.clientLanguage);
  const sequence = await inviteSequence(deps.db, payload.appointmentId, payload.eventId);
  const money = await mailedMoney(t, deps.db, payload);
  const view = {
    ...mailView(t, facts, payload, { email, sequence, meetingLink, now: deps.clock() }),
    ...(money === null ? {} : { money }),
  };
  const failure = { appointmentId: payload.appointmentId, kind: payload.kind, jobId };
  await sendMail(deps, appointmentMail(t, payload.kind, view), { ...failure, party: 'client' });
}

type MailExtras = {
  readonly email: string;
  readonly sequence: number;
  readonly meetingLink: string | null;
  readonly now: Date;
};

/** The client's mail view of the change. */
function mailView(
  t: Translator,
  facts: ChangeMailFacts,
  payload: ChangeMailPayload,
  extras: MailExtras,
): AppointmentMailView {
  return {
    ...mailedChange(facts, payload, extras.meetingLink),
    appointmentId: facts.appointmentId,
    sequence: extras.sequence,
    client: { name: facts.clientName, email: extras.email, timezone: facts.clientTimezone },
    providerName: facts.providerName,
    organizer: { name: facts.providerName, email: facts.providerEmail },
    refundWords: null,
    consequences: payload.kind === 'no-show' ? noShowConsequences(t, facts, payload) : [],
    now: extras.now,
  };
}

/** What a no-show costs the client: the price kept, and same-day booking closed for a while. */
function noShowConsequences(
  t: Translator,
  facts: ChangeMailFacts,
  payload: ChangeMailPayload,
): string[] {
  const lines = facts.price > 0 ? [t.t('mail.noShow.priceDue')] : [];
  if (payload.lockoutUntil) {
    const until = formatMailDate(t, new Date(payload.lockoutUntil), facts.clientTimezone);
    lines.push(t.t('mail.noShow.lockout', { until }));
  }
  return lines;
}
