// Notices for changes made outside a chat (the REST API), where chat flows have none of their own.

import { DateTime } from 'luxon';
import type { Language } from '../i18n/languages.ts';
import type { Translator } from '../i18n/translator.ts';
import {
  clientSpan,
  clientWhen,
  providerSpan,
  providerWhen,
  refundOutcome,
} from './appointment-messages.ts';
import type { AppointmentView } from './appointment-view.ts';
import { formatPrice } from './chat-format.ts';
import { chatMessage } from './chat-message.ts';
import type { ChatMessage } from './chat-types.ts';

/** The lockout's last day as each language writes a date ('3 Jan 2027', '3. Jan. 2027'). */
const LOCKOUT_DAY: Record<Language, { readonly pattern: string; readonly locale?: string }> = {
  // No locale: English keeps the day as it always read (luxon's default, 'Sep' not 'Sept').
  en: { pattern: 'd LLL yyyy' },
  de: { pattern: 'd. MMM yyyy', locale: 'de-DE' },
};

/** To the client when the provider cancels, in the client's language `t`. */
export function cancelledByProviderNotice(t: Translator, view: AppointmentView): ChatMessage {
  const lines = [
    t.t('notices.cancelledByProvider', {
      provider: view.providerName,
      service: view.serviceName,
      when: clientWhen(t, view),
    }),
  ];
  const refund = refundOutcome(t, view, view.appointment.refundStatus);
  if (refund) lines.push(refund);
  lines.push(t.t('appointment.bookAgain'));
  return chatMessage(lines.join('\n'));
}

/** To the client when their appointment was moved for them. */
export function movedForClientNotice(
  t: Translator,
  view: AppointmentView,
  previousStart: Date,
): ChatMessage {
  return chatMessage(
    t.t('notices.movedForClient', {
      service: view.serviceName,
      provider: view.providerName,
      from: clientSpan(t, view, previousStart),
      to: clientWhen(t, view),
    }),
  );
}

/** To the provider when an appointment was moved by the admin. */
export function movedForProviderNotice(
  t: Translator,
  view: AppointmentView,
  previousStart: Date,
): ChatMessage {
  return chatMessage(
    t.t('notices.movedForProvider', {
      client: view.clientName,
      service: view.serviceName,
      from: providerSpan(t, view, previousStart),
      to: providerWhen(t, view),
    }),
  );
}

/** To the client after a no-show: what it costs and until when same-day booking is closed. */
export function noShowNotice(
  t: Translator,
  view: AppointmentView,
  lockoutUntil: Date | null,
): ChatMessage {
  const lines = [
    t.t('notices.noShow', {
      service: view.serviceName,
      provider: view.providerName,
      when: clientWhen(t, view),
    }),
  ];
  if (view.appointment.price > 0) {
    const price = formatPrice(t, view.appointment.price, view.appointment.currency);
    lines.push(t.t('notices.noShowDue', { price }));
  }
  if (lockoutUntil) {
    const { pattern, locale } = LOCKOUT_DAY[t.lang];
    const day = DateTime.fromJSDate(lockoutUntil, { zone: view.clientTimezone });
    const until = (locale ? day.setLocale(locale) : day).toFormat(pattern);
    lines.push(t.t('notices.noShowLockout', { until }));
  }
  return chatMessage(lines.join('\n'));
}
