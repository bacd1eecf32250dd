// The words about one appointment that go to its provider or its client.
import type { RefundStatus } from '../domain/appointment.ts';
import type { AppointmentView } from './appointment-view.ts';
import { appointmentData } from './button-data.ts';
import { formatDuration, formatPrice, formatSpan, zoneCity } from './chat-format.ts';
import { button, chatMessage } from './chat-message.ts';
import type { ChatMessage } from './chat-types.ts';

/** 'Tue 1 Dec 2026, 15:00–16:00 (Berlin time)' in the provider's zone. */
export function providerWhen(view: AppointmentView, start = view.appointment.startTime): string {
  return `${providerSpan(view, start)} (${zoneCity(view.providerTimezone)} time)`;
}

/** 'Tue 1 Dec 2026, 15:00–16:00' in the provider's zone, next to a time that names the zone. */
export function providerSpan(view: AppointmentView, start = view.appointment.startTime): string {
  const end = new Date(start.getTime() + view.durationMinutes * 60_000);
  return formatSpan(start, end, view.providerTimezone);
}

/** 'Tue 1 Dec 2026, 14:00–15:00 (your time, London)' in the client's zone. */
export function clientWhen(view: AppointmentView, start = view.appointment.startTime): string {
  return `${clientSpan(view, start)} (your time, ${zoneCity(view.clientTimezone)})`;
}

/** 'Tue 1 Dec 2026, 14:00–15:00' in the client's zone, for a line after one that names it. */
export function clientSpan(view: AppointmentView, start = view.appointment.startTime): string {
  const end = new Date(start.getTime() + view.durationMinutes * 60_000);
  return formatSpan(start, end, view.clientTimezone);
}

function priceOf(view: AppointmentView): string {
  return formatPrice(view.appointment.price, view.appointment.currency);
}

/** The approval request's text; approve/decline replies repeat it with the outcome below. */
export function approvalRequestText(view: AppointmentView): string {
  const lines = [
    `Booking request from ${view.clientName}`,
    `${view.serviceName} (${formatDuration(view.durationMinutes)}, ${priceOf(view)})`,
    providerWhen(view),
  ];
  if (view.appointment.notes) lines.push(`Notes: ${view.appointment.notes}`);
  return lines.join('\n');
}

/** To the provider when a booking waits for them: Approve (ap:<id>) and Decline (dc:<id>). */
export function approvalRequest(view: AppointmentView, lead?: string): ChatMessage {
  const id = view.appointment.id;
  const text = approvalRequestText(view);
  return chatMessage(lead ? `${lead}\n\n${text}` : text, {
    buttons: [
      [
        button('Approve', appointmentData('ap', id), 'primary'),
        button('Decline', appointmentData('dc', id), 'danger'),
      ],
    ],
  });
}

/** To the provider: a new booking, or a request to approve. */
export function newBookingNotice(view: AppointmentView): ChatMessage {
  if (view.appointment.status === 'PENDING') return approvalRequest(view);
  return chatMessage(
    `New booking: ${view.clientName} booked ${view.serviceName} (${priceOf(view)})\n${providerWhen(view)}`,
  );
}

/**
 * For a virtual appointment: 'Join: <link>', or, while the link is being made, where it will
 * show. Empty for an appointment in person. A request's link comes with the approval.
 */
export function joinLine(view: AppointmentView): string {
  if (!view.isVirtual) return '';
  if (view.appointment.meetingLink) return `Join: ${view.appointment.meetingLink}`;
  if (view.appointment.status !== 'CONFIRMED') return '';
  return 'The video link is being made; /mybookings shows it in a moment, and the reminders carry it.';
}

/**
 * To the client once booked (or re-shown when Confirm is pressed again). The join link is
 * not here: the chat adds joinLine, and the booked DM adds the link the job made.
 */
export function bookedMessage(view: AppointmentView): ChatMessage {
  const what = `${view.serviceName} with ${view.providerName}\n${clientWhen(view)}`;
  if (view.appointment.status === 'PENDING') {
    return chatMessage(
      `Requested: ${what}\nThis is waiting for the provider's approval; I'll message you when ${view.providerName} answers.`,
    );
  }
  if (view.appointment.status === 'CONFIRMED')
    return chatMessage(`Booked: ${what}\nIt's confirmed.`);
  return chatMessage(`${what}\nThis booking is now ${view.appointment.status.toLowerCase()}.`);
}

export function approvedNotice(view: AppointmentView): ChatMessage {
  return chatMessage(
    `Good news: ${view.providerName} approved your booking.\n${view.serviceName}\n${clientWhen(view)}\nIt's confirmed.`,
  );
}

export function declinedNotice(view: AppointmentView, reason: string | null): ChatMessage {
  const lines = [
    `${view.providerName} declined your request for ${view.serviceName} on ${clientWhen(view)}.`,
  ];
  // A request is never paid, so a decline says nothing about money.
  if (reason) lines.push(`Reason: ${reason}`);
  lines.push('Send /book to pick another time.');
  return chatMessage(lines.join('\n'));
}

export function cancelledByClientNotice(view: AppointmentView): ChatMessage {
  const lines = [`${view.clientName} cancelled ${view.serviceName}\n${providerWhen(view)}`];
  const refund = refundOutcome(view, view.appointment.refundStatus);
  if (refund) lines.push(refund);
  return chatMessage(lines.join('\n'));
}

/** To the provider after the client moved a booking; a pending one asks for approval again. */
export function movedNotice(view: AppointmentView, oldStart: Date): ChatMessage {
  const lead = `${view.clientName} moved ${view.serviceName} from ${providerSpan(view, oldStart)} to:`;
  if (view.appointment.status === 'PENDING') return approvalRequest(view, lead);
  return chatMessage(`${lead}\n${providerWhen(view)}`);
}

/**
 * What cancelling now would cost the client, said before they confirm; empty when nothing is
 * charged or owed: a free appointment, a request not yet approved, or (no payments are taken
 * yet) a cancellation in time.
 */
export function refundPreview(view: AppointmentView, refund: RefundStatus): string {
  if (view.appointment.status === 'PENDING' || refund !== 'NO_REFUND') return '';
  return `It is less than ${view.cancellationHours} hours before the start, so the ${priceOf(view)} is still due.`;
}

/**
 * The money a cancellation leaves owed, in words; empty when nothing was charged or is owed.
 * No payments are taken yet, so nothing is ever refunded: only a late cancellation's price is
 * worth a line.
 */
export function refundOutcome(view: AppointmentView, refund: RefundStatus): string {
  if (refund !== 'NO_REFUND') return '';
  return `The ${priceOf(view)} is still due (cancelled less than ${view.cancellationHours} hours before the start).`;
}
