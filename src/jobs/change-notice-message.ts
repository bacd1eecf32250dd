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
import { UNTHREADED_EN } from '../i18n/translator.ts';
import type { ChangeNoticePayload } from './job-payloads.ts';
import { holdExpiredNotice, refundedNotice, refundFailedNotice } from './payment-notices.ts';
import { join } from './reminder-messages.ts';

/**
 * The message for `notice`, worded from the appointment as it is now but at the start the event
 * set. Null when the notice has gone stale: an approval request for a booking that is no longer
 * waiting (its buttons would only say so).
 */
export function changeNoticeMessage(
  now: AppointmentView,
  notice: ChangeNoticePayload,
): ChatMessage | null {
  const message = wordsOf(atEventStart(now, notice), now, notice);
  if (!message || !JOINABLE.has(notice.kind) || now.appointment.status !== 'CONFIRMED') {
    return message;
  }
  return { ...message, text: `${message.text}${join(now)}` };
}

/** Notices that confirm or move a confirmed appointment carry its join link. */
const JOINABLE = new Set<ChangeNoticePayload['kind']>(['booked', 'approved', 'rescheduled']);

function wordsOf(
  view: AppointmentView,
  now: AppointmentView,
  notice: ChangeNoticePayload,
): ChatMessage | null {
  const toProvider = notice.party === 'provider';
  switch (notice.kind) {
    case 'booked':
      if (!toProvider) return bookedMessage(UNTHREADED_EN, view);
      if (notice.bookedAs !== 'PENDING') return newBookingNotice(UNTHREADED_EN, view);
      return now.appointment.status === 'PENDING' ? approvalRequest(UNTHREADED_EN, view) : null;
    case 'approved':
      return approvedNotice(UNTHREADED_EN, view);
    case 'declined':
      return declinedNotice(UNTHREADED_EN, view, notice.reason);
    case 'cancelled':
      return toProvider
        ? cancelledByClientNotice(UNTHREADED_EN, view)
        : cancelledByProviderNotice(view);
    case 'rescheduled':
      return movedMessage(view, notice);
    case 'no-show':
      return noShowNotice(view, notice.lockoutUntil ? new Date(notice.lockoutUntil) : null);
    case 'hold-expired':
      return holdExpiredNotice(view);
    case 'refunded':
      return refundedNotice(view, notice.money);
    case 'refund-failed':
      return refundFailedNotice(view, notice.money);
  }
}

function movedMessage(view: AppointmentView, notice: ChangeNoticePayload): ChatMessage {
  const previous = new Date(notice.previousStartTime ?? notice.startTime);
  if (notice.party === 'client') return movedForClientNotice(view, previous);
  return notice.actorParty === 'client'
    ? movedNotice(UNTHREADED_EN, view, previous)
    : movedForProviderNotice(view, previous);
}

/** The view with the start (and end, same length) the event set, so a later move can't leak in. */
function atEventStart(view: AppointmentView, notice: ChangeNoticePayload): AppointmentView {
  const { appointment } = view;
  const startTime = new Date(notice.startTime);
  const length = appointment.endTime.getTime() - appointment.startTime.getTime();
  const endTime = new Date(startTime.getTime() + length);
  return { ...view, appointment: { ...appointment, startTime, endTime } };
}
