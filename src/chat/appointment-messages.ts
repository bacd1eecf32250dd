// The words about one appointment that go to its provider or its client, in the reader's language.
import type { RefundStatus } from '../domain/appointment.ts';
import type { Translator } from '../i18n/translator.ts';
import type { AppointmentView } from './appointment-view.ts';
import { appointmentData } from './button-data.ts';
import { formatDuration, formatPrice, formatSpan, statusWords, zoneCity } from './chat-format.ts';
import { button, chatMessage } from './chat-message.ts';
import type { ChatMessage } from './chat-types.ts';

/** 'Tue 1 Dec 2026, 15:00–16:00 (Berlin time)' in the provider's zone. */
export function providerWhen(
  t: Translator,
  view: AppointmentView,
  start = view.appointment.startTime,
): string {
  const span = providerSpan(t, view, start);
  return t.t('common.providerWhen', { span, city: zoneCity(view.providerTimezone) });
}

/** 'Tue 1 Dec 2026, 15:00–16:00' in the provider's zone, next to a time that names the zone. */
export function providerSpan(
  t: Translator,
  view: AppointmentView,
  start = view.appointment.startTime,
): string {
  const end = new Date(start.getTime() + view.durationMinutes * 60_000);
  return formatSpan(t, start, end, view.providerTimezone);
}

/** 'Tue 1 Dec 2026, 14:00–15:00 (your time, London)' in the client's zone. */
export function clientWhen(
  t: Translator,
  view: AppointmentView,
  start = view.appointment.startTime,
): string {
  const span = clientSpan(t, view, start);
  return t.t('common.clientWhen', { span, city: zoneCity(view.clientTimezone) });
}

/** 'Tue 1 Dec 2026, 14:00–15:00' in the client's zone, for a line after one that names it. */
export function clientSpan(
  t: Translator,
  view: AppointmentView,
  start = view.appointment.startTime,
): string {
  const end = new Date(start.getTime() + view.durationMinutes * 60_000);
  return formatSpan(t, start, end, view.clientTimezone);
}

function priceOf(t: Translator, view: AppointmentView): string {
  return formatPrice(t, view.appointment.price, view.appointment.currency);
}

/** The approval request's text; approve/decline replies repeat it with the outcome below. */
export function approvalRequestText(t: Translator, view: AppointmentView): string {
  const duration = formatDuration(t, view.durationMinutes);
  const lines = [
    t.t('appointment.requestFrom', { client: view.clientName }),
    t.t('appointment.serviceLine', {
      service: view.serviceName,
      duration,
      price: priceOf(t, view),
    }),
    providerWhen(t, view),
  ];
  if (view.appointment.notes)
    lines.push(t.t('appointment.notes', { notes: view.appointment.notes }));
  return lines.join('\n');
}

/** To the provider when a booking waits for them: Approve (ap:<id>) and Decline (dc:<id>). */
export function approvalRequest(t: Translator, view: AppointmentView, lead?: string): ChatMessage {
  const id = view.appointment.id;
  const text = approvalRequestText(t, view);
  return chatMessage(lead ? `${lead}\n\n${text}` : text, {
    buttons: [
      [
        button(t.t('appointment.approve'), appointmentData('ap', id), 'primary'),
        button(t.t('appointment.decline'), appointmentData('dc', id), 'danger'),
      ],
    ],
  });
}

/** To the provider: a new booking, or a request to approve. */
export function newBookingNotice(t: Translator, view: AppointmentView): ChatMessage {
  if (view.appointment.status === 'PENDING') return approvalRequest(t, view);
  return chatMessage(
    t.t('appointment.newBooking', {
      client: view.clientName,
      service: view.serviceName,
      price: priceOf(t, view),
      when: providerWhen(t, view),
    }),
  );
}

/**
 * For a virtual appointment: 'Join: <link>', or, while the link is being made, where it will
 * show. Empty for an appointment in person. A request's link comes with the approval.
 */
export function joinLine(t: Translator, view: AppointmentView): string {
  if (!view.isVirtual) return '';
  if (view.appointment.meetingLink)
    return t.t('appointment.join', { link: view.appointment.meetingLink });
  if (view.appointment.status !== 'CONFIRMED') return '';
  return t.t('appointment.linkComing');
}

/**
 * To the client once booked (or re-shown when Confirm is pressed again). The join link is
 * not here: the chat adds joinLine, and the booked DM adds the link the job made.
 */
export function bookedMessage(t: Translator, view: AppointmentView): ChatMessage {
  const what = t.t('appointment.what', {
    service: view.serviceName,
    provider: view.providerName,
    when: clientWhen(t, view),
  });
  const status = view.appointment.status;
  if (status === 'PENDING') {
    return chatMessage(t.t('appointment.requested', { what, provider: view.providerName }));
  }
  if (status === 'CONFIRMED') return chatMessage(t.t('appointment.booked', { what }));
  return chatMessage(t.t('appointment.nowStatus', { what, status: statusWords(t, status) }));
}

export function approvedNotice(t: Translator, view: AppointmentView): ChatMessage {
  return chatMessage(
    t.t('appointment.approved', {
      provider: view.providerName,
      service: view.serviceName,
      when: clientWhen(t, view),
    }),
  );
}

export function declinedNotice(
  t: Translator,
  view: AppointmentView,
  reason: string | null,
): ChatMessage {
  const when = clientWhen(t, view);
  const lines = [
    t.t('appointment.declined', { provider: view.providerName, service: view.serviceName, when }),
  ];
  // A request is never paid, so a decline says nothing about money.
  if (reason) lines.push(t.t('appointment.reason', { reason }));
  lines.push(t.t('appointment.bookAgain'));
  return chatMessage(lines.join('\n'));
}

export function cancelledByClientNotice(t: Translator, view: AppointmentView): ChatMessage {
  const when = providerWhen(t, view);
  const lines = [
    t.t('appointment.cancelledByClient', {
      client: view.clientName,
      service: view.serviceName,
      when,
    }),
  ];
  const refund = refundOutcome(t, view, view.appointment.refundStatus);
  if (refund) lines.push(refund);
  return chatMessage(lines.join('\n'));
}

/** To the provider after the client moved a booking; a pending one asks for approval again. */
export function movedNotice(t: Translator, view: AppointmentView, oldStart: Date): ChatMessage {
  const lead = t.t('appointment.moved', {
    client: view.clientName,
    service: view.serviceName,
    from: providerSpan(t, view, oldStart),
  });
  if (view.appointment.status === 'PENDING') return approvalRequest(t, view, lead);
  return chatMessage(`${lead}\n${providerWhen(t, view)}`);
}

/**
 * What cancelling now would cost the client, said before they confirm; empty when nothing is
 * charged or owed: a free appointment, a request not yet approved, or (no payments are taken
 * yet) a cancellation in time.
 */
export function refundPreview(t: Translator, view: AppointmentView, refund: RefundStatus): string {
  if (view.appointment.status === 'PENDING' || refund !== 'NO_REFUND') return '';
  const values = { hours: view.cancellationHours, price: priceOf(t, view) };
  return t.t('appointment.stillDueIfCancelled', values);
}

/**
 * The money a cancellation leaves owed, in words; empty when nothing was charged or is owed.
 * No payments are taken yet, so nothing is ever refunded: only a late cancellation's price is
 * worth a line.
 */
export function refundOutcome(t: Translator, view: AppointmentView, refund: RefundStatus): string {
  if (refund !== 'NO_REFUND') return '';
  const values = { hours: view.cancellationHours, price: priceOf(t, view) };
  return t.t('appointment.stillDue', values);
}
