// The mails a provider gets when someone else books, asks, cancels or moves: plain text only.
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

function wordsOf(kind: ProviderMailKind, view: ProviderMailView): Words {
  const who = view.clientName;
  const short = formatMailShort(view.start, view.provider.timezone);
  switch (kind) {
    case 'new-booking':
      return {
        subject: `New booking: ${who}, ${short}`,
        lead: `${who} booked with you.`,
        tail: [],
      };
    case 'approval-request':
      return {
        subject: `Approval needed: ${who}, ${short}`,
        lead: `${who} asked to book with you. It waits for your approval.`,
        tail: [
          'Approve or decline it in your Slotline chat (the request has buttons, or send /today).',
        ],
      };
    case 'cancelled-by-client':
      return {
        subject: `Cancelled: ${who}, ${short}`,
        lead: `${who} cancelled.`,
        tail: view.reason ? [`Reason: ${view.reason}`] : [],
      };
    case 'rescheduled':
      return {
        subject: `Moved: ${who}, now ${short}`,
        lead: `${who}'s booking moved.`,
        tail: was(view),
      };
  }
}

function was(view: ProviderMailView): string[] {
  if (!view.previousStart) return [];
  const length = view.end.getTime() - view.start.getTime();
  const end = new Date(view.previousStart.getTime() + length);
  return [`It was: ${formatMailWhen(view.previousStart, end, view.provider.timezone)}`];
}

/**
 * The mail of `kind` to the provider, times in the provider's zone. No invite: a provider's
 * calendar gets the appointment through calendar sync, and an .ics on top would double it.
 * Throws on an unknown time zone.
 */
export function providerMail(kind: ProviderMailKind, view: ProviderMailView): MailMessage {
  const words = wordsOf(kind, view);
  const details = [
    `${view.serviceName} with ${view.clientName}`,
    formatMailWhen(view.start, view.end, view.provider.timezone),
    ...(view.meetingLink ? [`Join: ${view.meetingLink}`] : []),
  ];
  const paragraphs = [[`Hi ${view.provider.name},`], [words.lead], details, words.tail];
  const text = `${paragraphs
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join('\n'))
    .join('\n\n')}\n\n— Slotline\n`;
  return { to: view.provider.email, subject: words.subject, text, invite: null };
}
