// The wording of each appointment mail: subject, opening, closing and which invite goes along.
import type { MessageKey } from '../i18n/catalog/en.ts';
import type { Translator } from '../i18n/translator.ts';
import type { AppointmentMailKind, AppointmentMailView } from './appointment-mail-view.ts';
import { formatMailShort, formatMailWhen } from './mail-time.ts';

export type Draft = {
  readonly subject: string;
  readonly lead: readonly string[];
  readonly tail: readonly string[];
  readonly invite: 'REQUEST' | 'CANCEL' | null;
};

type Words = Omit<Draft, 'subject'>;

/** Each kind's subject: what, with whom and when (short), in the client's zone. */
const SUBJECTS: Record<AppointmentMailKind, MessageKey> = {
  confirmation: 'mail.confirmation.subject',
  'request-received': 'mail.requestReceived.subject',
  approved: 'mail.approved.subject',
  declined: 'mail.declined.subject',
  cancelled: 'mail.cancelled.subject',
  rescheduled: 'mail.rescheduled.subject',
  'no-show': 'mail.noShow.subject',
  'hold-expired': 'mail.holdExpired.subject',
  refunded: 'mail.refunded.subject',
  'refund-failed': 'mail.refundFailed.subject',
};

/** `[text]` when there is a value to show, nothing otherwise. */
export function optional(value: string | null, text: (value: string) => string): string[] {
  return value ? [text(value)] : [];
}

/** Subject and words of `kind`; the shared details (what, when, link) are added by the caller. */
export function draftOf(
  t: Translator,
  kind: AppointmentMailKind,
  view: AppointmentMailView,
): Draft {
  const when = formatMailShort(t, view.start, view.client.timezone);
  const subject = t.t(SUBJECTS[kind], {
    service: view.serviceName,
    provider: view.providerName,
    when,
  });
  return { subject, ...wordsOf(t, kind, view) };
}

function wordsOf(t: Translator, kind: AppointmentMailKind, view: AppointmentMailView): Words {
  const provider = view.providerName;
  const reason = optional(view.reason, (r) => t.t('mail.reason', { reason: r }));
  switch (kind) {
    case 'confirmation':
      return { lead: [t.t('mail.confirmation.lead')], tail: [], invite: 'REQUEST' };
    case 'request-received':
      return {
        lead: [t.t('mail.requestReceived.lead', { provider })],
        tail: [t.t('mail.requestReceived.tail')],
        invite: null,
      };
    case 'approved':
      return { lead: [t.t('mail.approved.lead', { provider })], tail: [], invite: 'REQUEST' };
    case 'declined':
      return {
        lead: [t.t('mail.declined.lead', { provider })],
        tail: [...reason, t.t('mail.bookAnother')],
        invite: 'CANCEL',
      };
    case 'cancelled':
      return {
        lead: [t.t('mail.cancelled.lead')],
        tail: [...reason, ...optional(view.refundWords, (words) => words)],
        invite: 'CANCEL',
      };
    case 'rescheduled':
      return { lead: [t.t('mail.rescheduled.lead')], tail: movedFrom(t, view), invite: 'REQUEST' };
    case 'no-show':
      return {
        lead: [t.t('mail.noShow.lead', { provider })],
        tail: [...view.consequences],
        invite: null,
      };
    case 'hold-expired':
    case 'refunded':
    case 'refund-failed':
      return moneyWords(t, kind, view);
  }
}

/** The money mails: never an invite (a hold was never on the client's calendar). */
function moneyWords(
  t: Translator,
  kind: 'hold-expired' | 'refunded' | 'refund-failed',
  view: AppointmentMailView,
): Words {
  const amount = view.money;
  switch (kind) {
    case 'hold-expired':
      return {
        lead: [amountLine(t, amount, 'mail.holdExpired.lead', 'mail.holdExpired.leadNoAmount')],
        tail: [t.t('mail.bookAnother')],
        invite: null,
      };
    case 'refunded':
      return {
        lead: [amountLine(t, amount, 'mail.refunded.lead', 'mail.refunded.leadNoAmount')],
        tail: [t.t('mail.refunded.tail')],
        invite: null,
      };
    case 'refund-failed':
      return {
        lead: [amountLine(t, amount, 'mail.refundFailed.lead', 'mail.refundFailed.leadNoAmount')],
        tail: [
          t.t('mail.refundFailed.payBack', { provider: view.providerName }),
          ...optional(view.organizer.email, (email) => t.t('mail.refundFailed.writeTo', { email })),
        ],
        invite: null,
      };
  }
}

/** The sentence naming `amount`, or its wording without one when the amount is unknown. */
function amountLine(
  t: Translator,
  amount: string | undefined,
  withAmount: MessageKey,
  without: MessageKey,
): string {
  return amount ? t.t(withAmount, { amount }) : t.t(without);
}

function movedFrom(t: Translator, view: AppointmentMailView): string[] {
  if (!view.previousStart) return [];
  const length = view.end.getTime() - view.start.getTime();
  const previousEnd = new Date(view.previousStart.getTime() + length);
  const when = formatMailWhen(t, view.previousStart, previousEnd, view.client.timezone);
  return [t.t('mail.itWas', { when })];
}
