// The wording of a change notice: which chat message each kind and party gets.

import {
  approvalRequest,
  approvedNotice,
  bookedMessage,
  cancelledByClientNotice,
  declinedNotice,
  movedNotice,
  newBookingNotice,
} from '../chat/appointment-messages.ts';
import type { AppointmentView } from '../chat/appointment-view.ts';
import {
  cancelledByProviderNotice,
  movedForClientNotice,
  movedForProviderNotice,
  noShowNotice,
} from '../chat/change-notices.ts';
import type { ChatMessage } from '../chat/chat-types.ts';
import type { Translator } from '../i18n/translator.ts';
import type { ChangeNoticePayload } from './job-payloads.ts';
import { holdExpiredNotice, refundedNotice, refundFailedNotice } from './payment-notices.ts';
import { join } from './reminder-messages.ts';

/**
 * The message for `notice` in its recipient's language `t`, worded from the appointment as it
 * is now but at the start the event set. Null when the notice has gone stale: an approval request for a booking that is no longer
 * waiting (its buttons would only say so).
 */
export function changeNoticeMessage(
  t: Translator,
  now: AppointmentView,
  notice: ChangeNoticePayload,
): ChatMessage | null {
  const message = wordsOf(t, atEventStart(now, notice), now, notice);
  if (!message || !JOINABLE.has(notice.kind) || now.appointment.status !== 'CONFIRMED') {
    return message;
  }
  return { ...message, text: `${message.text}${join(t, now)}` };
}

/** Notices that confirm or move a confirmed appointment carry its join link. */
const JOINABLE = new Set<ChangeNoticePayload['kind']>(['booked', 'approved', 'rescheduled']);

function wordsOf(
  t: Translator,
  view: AppointmentView,
  now: AppointmentView,
  notice: ChangeNoticePayload,
): ChatMessage | null {
  const toProvider = notice.party === 'provider';
  switch (notice.kind) {
    case 'booked':
      if (!toProvider) return bookedMessage(t, view);
      if (notice.bookedAs !== 'PENDING') return newBookingNotice(t, view);
      return now.appointment.status === 'PENDING' ? approvalRequest(t, view) : null;
    case 'approved':
      return approvedNotice(t, view);
    case 'declined':
      return declinedNotice(t, view, notice.reason);
    case 'cancelled':
      return toProvider ? cancelledByClientNotice(t, view) : cancelledByProviderNotice(t, view);
    case 'rescheduled':
      return movedMessage(t, view, notice);
    case 'no-show':
      return noShowNotice(t, view, notice.lockoutUntil ? new Date(notice.lockoutUntil) : null);
    case 'hold-expired':
      return holdExpiredNotice(t, view);
    case 'refunded':
      return refundedNotice(t, view, notice.money);
    case 'refund-failed':
      return refundFailedNotice(t, view, notice.money);
  }
}

function movedMessage(
  t: Translator,
  view: AppointmentView,
  notice: ChangeNoticePayload,
): ChatMessage {
  const previous = new Date(notice.previousStartTime ?? notice.startTime);
  if (notice.party === 'client') return movedForClientNotice(t, view, previous);
  return notice.actorParty === 'client'
    ? movedNotice(t, view, previous)
    : movedForProviderNotice(t, view, previous);
}

/** The view with the start (and end, same length) the event set, so a later move can't leak in. */
function atEventStart(view: AppointmentView, notice: ChangeNoticePayload): AppointmentView {
  const { appointment } = view;
  const startTime = new Date(notice.startTime);
  const length = appointment.endTime.getTime() - appointment.startTime.getTime();
  const endTime = new Date(startTime.getTime() + length);
  return { ...view, appointment: { ...appointment, startTime, endTime } };
}
