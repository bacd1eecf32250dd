// The mails a provider gets when someone else books, asks, cancels or moves: plain text only.
import type { Translator } from '../i18n/translator.ts';
import { mailBody } from './appointment-mail.ts';
import { optional } from './appointment-mail-drafts.ts';
import { formatMailShort, formatMailWhen } from './mail-time.ts';
import type { MailedChange, MailMessage } from './mail-types.ts';

/** The mails a change sends the provider: what the client (or an admin) did. */
export const PROVIDER_MAIL_KINDS = [
  'new-booking',
  'approval-request',
  'cancelled-by-client',
  'rescheduled',
] as const;
export type ProviderMailKind = (typeof PROVIDER_MAIL_KINDS)[number];

/** What a job knows when it mails the provider, with times shown in the provider's zone. */
export type ProviderMailView = MailedChange & {
  readonly provider: { readonly name: string; readonly email: string; readonly timezone: string };
  readonly clientName: string;
};

type Words = { readonly subject: string; readonly lead: string; readonly tail: string[] };

function wordsOf(t: Translator, kind: ProviderMailKind, view: ProviderMailView): Words {
  const client = view.clientName;
  const when = formatMailShort(t, view.start, view.provider.timezone);
  switch (kind) {
    case 'new-booking':
      return {
        subject: t.t('mail.provider.newBooking.subject', { client, when }),
        lead: t.t('mail.provider.newBooking.lead', { client }),
        tail: [],
      };
    case 'approval-request':
      return {
        subject: t.t('mail.provider.approvalRequest.subject', { client, when }),
        lead: t.t('mail.provider.approvalRequest.lead', { client }),
        tail: [t.t('mail.provider.approvalRequest.tail')],
      };
    case 'cancelled-by-client':
      return {
        subject: t.t('mail.provider.cancelledByClient.subject', { client, when }),
        lead: t.t('mail.provider.cancelledByClient.lead', { client }),
        tail: optional(view.reason, (reason) => t.t('mail.reason', { reason })),
      };
    case 'rescheduled':
      return {
        subject: t.t('mail.provider.rescheduled.subject', { client, when }),
        lead: t.t('mail.provider.rescheduled.lead', { client }),
        tail: was(t, view),
      };
  }
}

function was(t: Translator, view: ProviderMailView): string[] {
  if (!view.previousStart) return [];
  const length = view.end.getTime() - view.start.getTime();
  const end = new Date(view.previousStart.getTime() + length);
  const when = formatMailWhen(t, view.previousStart, end, view.provider.timezone);
  return [t.t('mail.itWas', { when })];
}

/**
 * The mail of `kind` to the provider in the provider's language (`t`), times in the provider's
 * zone. No invite: a provider's calendar gets the appointment through calendar sync, and an
 * .ics on top would double it. Throws on an unknown time zone.
 */
export function providerMail(
  t: Translator,
  kind: ProviderMailKind,
  view: ProviderMailView,
): MailMessage {
  const words = wordsOf(t, kind, view);
  const details = [
    t.t('mail.provider.what', { service: view.serviceName, client: view.clientName }),
    formatMailWhen(t, view.start, view.end, view.provider.timezone),
    ...optional(view.meetingLink, (link) => t.t('mail.join', { link })),
  ];
  const text = mailBody(t, [
    [t.t('mail.greeting', { name: view.provider.name })],
    [words.lead],
    details,
    words.tail,
  ]);
  return { to: view.provider.email, subject: words.subject, text, invite: null };
}
