// The DM that offers a waitlisted client a freed time, with Book and No thanks buttons.
import type { Translator } from '../i18n/translator.ts';
import type { OfferView } from '../waitlist/read-offer-view.ts';
import { offerData } from './button-data.ts';
import { formatClock, formatDayShort, formatDuration, localDate, zoneCity } from './chat-format.ts';
import { button, chatMessage } from './chat-message.ts';
import type { ChatMessage } from './chat-types.ts';

/** 'Tue 8 Dec 10:00': the offered start on the client's clock. */
function offerWhen(t: Translator, view: OfferView): string {
  const zone = view.clientTimezone;
  return t.t('waitlist.offerWhen', {
    day: formatDayShort(t, localDate(view.startTime, zone)),
    clock: formatClock(view.startTime, zone),
  });
}

/**
 * 'Good news: Tue 8 Dec 10:00 with Dr Anna Berg (Massage, 60 min) just opened. It is kept for
 * you until 10:12 (Europe/Berlin). Book it?', in the client's zone and `t`'s language, with Book
 * (wa) and No thanks (wp). The text also says what to do without buttons, and that the time goes
 * to the next in line otherwise, so the message offers a way on on every platform.
 */
export function waitlistOfferMessage(t: Translator, view: OfferView): ChatMessage {
  const zone = view.clientTimezone;
  const opened = t.t('waitlist.offerOpened', {
    when: offerWhen(t, view),
    provider: view.providerName,
    service: view.serviceName,
    duration: formatDuration(t, view.durationMinutes),
  });
  const kept = t.t('waitlist.offerKept', { clock: formatClock(view.expiresAt, zone), zone });
  return chatMessage([opened, kept, t.t('waitlist.offerNext')].join('\n'), {
    buttons: [
      [
        button(t.t('waitlist.book'), offerData('wa', view.offerId), 'primary'),
        button(t.t('waitlist.noThanks'), offerData('wp', view.offerId)),
      ],
    ],
  });
}

/** The same offer as a mail's subject and plain text, for a client with an email address. */
export function waitlistOfferMailText(
  t: Translator,
  view: OfferView,
): { subject: string; text: string } {
  const zone = view.clientTimezone;
  const when = offerWhen(t, view);
  return {
    subject: t.t('waitlist.mailSubject', { when, provider: view.providerName }),
    text: [
      t.t('waitlist.mailHello', { name: view.clientName }),
      '',
      t.t('waitlist.mailOpened', {
        when,
        city: zoneCity(zone),
        provider: view.providerName,
        service: view.serviceName,
        duration: formatDuration(t, view.durationMinutes),
      }),
      t.t('waitlist.mailKept', { clock: formatClock(view.expiresAt, zone) }),
      t.t('waitlist.mailNext'),
    ].join('\n'),
  };
}
