// The DM that offers a waitlisted client a freed time, with Book and No thanks buttons.
import { UNTHREADED_EN } from '../i18n/translator.ts';
import type { OfferView } from '../waitlist/read-offer-view.ts';
import { offerData } from './button-data.ts';
import { formatClock, formatDayShort, localDate, zoneCity } from './chat-format.ts';
import { button, chatMessage } from './chat-message.ts';
import type { ChatMessage } from './chat-types.ts';

/**
 * 'Good news: Tue 8 Dec 10:00 with Dr Anna Berg (Massage, 60 min) just opened. It is kept for
 * you until 10:12 (Europe/Berlin). Book it?', in the client's zone, with Book (wa) and No thanks
 * (wp). The text also says what to do without buttons, and that the time goes to the next in
 * line otherwise, so the message offers a way on on every platform.
 */
export function waitlistOfferMessage(view: OfferView): ChatMessage {
  const zone = view.clientTimezone;
  const when = `${formatDayShort(UNTHREADED_EN, localDate(view.startTime, zone))} ${formatClock(view.startTime, zone)}`;
  const what = `${view.serviceName}, ${view.durationMinutes} min`;
  return chatMessage(
    [
      `Good news: ${when} with ${view.providerName} (${what}) just opened.`,
      `It is kept for you until ${formatClock(view.expiresAt, zone)} (${zone}). Book it?`,
      'If you do not answer by then, it goes to the next person waiting; your place in line for other times stays. Send /waitlist to see what you are waiting for.',
    ].join('\n'),
    {
      buttons: [
        [
          button('Book', offerData('wa', view.offerId), 'primary'),
          button('No thanks', offerData('wp', view.offerId)),
        ],
      ],
    },
  );
}

/** The same offer as a mail's subject and plain text, for a client with an email address. */
export function waitlistOfferMailText(view: OfferView): { subject: string; text: string } {
  const zone = view.clientTimezone;
  const day = formatDayShort(UNTHREADED_EN, localDate(view.startTime, zone));
  const when = `${day} ${formatClock(view.startTime, zone)}`;
  return {
    subject: `A time opened: ${when} with ${view.providerName}`,
    text: [
      `Hello ${view.clientName},`,
      '',
      `${when} (${zoneCity(zone)} time) with ${view.providerName} (${view.serviceName}, ${view.durationMinutes} min) just opened.`,
      `It is kept for you until ${formatClock(view.expiresAt, zone)}. Open your chat with us and press Book to take it.`,
      'If you do not, it goes to the next person waiting.',
    ].join('\n'),
  };
}
