// The wording of each appointment mail: subject, opening, closing and which invite goes along.
import type { AppointmentMailKind, AppointmentMailView } from './appointment-mail-view.ts';
import { formatMailShort, formatMailWhen } from './mail-time.ts';

export type Draft = {
  readonly subject: string;
  readonly lead: readonly string[];
  readonly tail: readonly string[];
  readonly invite: 'REQUEST' | 'CANCEL' | null;
};

/** `[label + value]` when there is a value, nothing otherwise. */
export function optional(label: string, value: string | null): string[] {
  return value ? [`${label}${value}`] : [];
}

/** Subject and words of `kind`; the shared details (what, when, link) are added by the caller. */
export function draftOf(kind: AppointmentMailKind, view: AppointmentMailView): Draft {
  const what = `${view.serviceName} with ${view.providerName}`;
  const short = formatMailShort(view.start, view.client.timezone);
  const reason = optional('Reason: ', view.reason);
  switch (kind) {
    case 'confirmation':
      return {
        subject: `Booked: ${what}, ${short}`,
        lead: ['Your booking is confirmed.'],
        tail: [],
        invite: 'REQUEST',
      };
    case 'request-received':
      return {
        subject: `Request sent: ${what}, ${short}`,
        lead: [`We sent your request to ${view.providerName}. It is not confirmed yet.`],
        tail: ['You will get another email when they answer.'],
        invite: null,
      };
    case 'approved':
      return {
        subject: `Confirmed: ${what}, ${short}`,
        lead: [`${view.providerName} approved your booking.`],
        tail: [],
        invite: 'REQUEST',
      };
    case 'declined':
      return {
        subject: `Declined: ${what}, ${short}`,
        lead: [`${view.providerName} declined your request.`],
        tail: [...reason, 'You are welcome to book another time.'],
        invite: 'CANCEL',
      };
    case 'cancelled':
      return {
        subject: `Cancelled: ${what}, ${short}`,
        lead: ['Your booking has been cancelled.'],
        tail: [...reason, ...optional('', view.refundWords)],
        invite: 'CANCEL',
      };
    case 'rescheduled':
      return {
        subject: `Moved: ${what}, now ${short}`,
        lead: ['Your booking has moved to a new time.'],
        tail: movedFrom(view),
        invite: 'REQUEST',
      };
    case 'no-show':
      return {
        subject: `Missed: ${what}, ${short}`,
        lead: [`${view.providerName} marked you as not attending this appointment.`],
        tail: [...view.consequences],
        invite: null,
      };
    case 'hold-expired':
    case 'refunded':
    case 'refund-failed':
      return moneyDraft(kind, view, `${what}, ${short}`);
  }
}

/** The money mails: never an invite (a hold was never on the client's calendar). */
function moneyDraft(
  kind: 'hold-expired' | 'refunded' | 'refund-failed',
  view: AppointmentMailView,
  about: string,
): Draft {
  const amount = view.money ?? 'the amount';
  switch (kind) {
    case 'hold-expired':
      return {
        subject: `Released: ${about}`,
        lead: [`Your payment of ${amount} did not arrive in time, so this time has been released.`],
        tail: ['You are welcome to book another time.'],
        invite: null,
      };
    case 'refunded':
      return {
        subject: `Refunded: ${about}`,
        lead: [`We refunded ${amount} for this appointment.`],
        tail: ['It usually shows on your statement within 5 to 10 business days.'],
        invite: null,
      };
    case 'refund-failed':
      return {
        subject: `Refund not completed: ${about}`,
        lead: [`We could not refund the ${amount} you paid for this appointment automatically.`],
        tail: [
          `${view.providerName} will be in touch to pay it back.`,
          ...optional(
            'If you have not heard from them within a few days, write to them at ',
            view.organizer.email,
          ),
        ],
        invite: null,
      };
  }
}

function movedFrom(view: AppointmentMailView): string[] {
  if (!view.previousStart) return [];
  const length = view.end.getTime() - view.start.getTime();
  const previousEnd = new Date(view.previousStart.getTime() + length);
  return [`It was: ${formatMailWhen(view.previousStart, previousEnd, view.client.timezone)}`];
}
