// German: the mail messages (to clients and providers) and the provider's calendar event.
import type { CatalogPart } from '../catalog-types.ts';
import type { enMail } from '../en/mail.ts';

export const deMail: CatalogPart<typeof enMail> = {
  'mail.greeting': 'Hallo {name},',
  'mail.signature': '— Slotline',
  'mail.when': '{from}–{until} (Zeit {city})',
  'mail.what': '{service} bei {provider}',
  'mail.join': 'Teilnehmen: {link}',
  'mail.reason': 'Grund: {reason}',
  'mail.itWas': 'Vorher: {when}',
  'mail.inviteAttached': 'Die Kalendereinladung ist angehängt.',
  'mail.bookAnother': 'Sie können gerne einen anderen Termin buchen.',
  'mail.confirmation.subject': 'Gebucht: {service} bei {provider}, {when}',
  'mail.confirmation.lead': 'Ihre Buchung ist bestätigt.',
  'mail.requestReceived.subject': 'Anfrage gesendet: {service} bei {provider}, {when}',
  'mail.requestReceived.lead':
    'Wir haben Ihre Anfrage an {provider} gesendet. Sie ist noch nicht bestätigt.',
  'mail.requestReceived.tail': 'Sie erhalten eine weitere E-Mail, sobald eine Antwort vorliegt.',
  'mail.approved.subject': 'Bestätigt: {service} bei {provider}, {when}',
  'mail.approved.lead': '{provider} hat Ihre Buchung angenommen.',
  'mail.declined.subject': 'Abgelehnt: {service} bei {provider}, {when}',
  'mail.declined.lead': '{provider} hat Ihre Anfrage abgelehnt.',
  'mail.cancelled.subject': 'Abgesagt: {service} bei {provider}, {when}',
  'mail.cancelled.lead': 'Ihre Buchung wurde abgesagt.',
  'mail.rescheduled.subject': 'Verschoben: {service} bei {provider}, jetzt {when}',
  'mail.rescheduled.lead': 'Ihre Buchung wurde auf einen neuen Termin verschoben.',
  'mail.noShow.subject': 'Nicht erschienen: {service} bei {provider}, {when}',
  'mail.noShow.lead': '{provider} hat Sie bei diesem Termin als nicht erschienen vermerkt.',
  'mail.noShow.priceDue': 'Der Preis bleibt fällig.',
  'mail.noShow.lockout':
    'Bis zum {until} können Sie Termine an anderen Tagen buchen, aber nicht für denselben Tag.',
  'mail.holdExpired.subject': 'Freigegeben: {service} bei {provider}, {when}',
  'mail.holdExpired.lead':
    'Ihre Zahlung über {amount} ist nicht rechtzeitig eingegangen, daher wurde dieser Termin freigegeben.',
  'mail.holdExpired.leadNoAmount':
    'Ihre Zahlung ist nicht rechtzeitig eingegangen, daher wurde dieser Termin freigegeben.',
  'mail.refunded.subject': 'Erstattet: {service} bei {provider}, {when}',
  'mail.refunded.lead': 'Wir haben {amount} für diesen Termin erstattet.',
  'mail.refunded.leadNoAmount': 'Wir haben den Betrag für diesen Termin erstattet.',
  'mail.refunded.tail':
    'Die Gutschrift erscheint meist innerhalb von 5 bis 10 Werktagen auf Ihrem Kontoauszug.',
  'mail.refundFailed.subject': 'Erstattung nicht abgeschlossen: {service} bei {provider}, {when}',
  'mail.refundFailed.lead':
    'Wir konnten die {amount}, die Sie für diesen Termin bezahlt haben, nicht automatisch erstatten.',
  'mail.refundFailed.leadNoAmount':
    'Wir konnten den Betrag, den Sie für diesen Termin bezahlt haben, nicht automatisch erstatten.',
  'mail.refundFailed.payBack': '{provider} wird sich bei Ihnen melden, um das Geld zurückzuzahlen.',
  'mail.refundFailed.writeTo':
    'Falls Sie in den nächsten Tagen nichts hören, schreiben Sie bitte an {email}',
  'mail.provider.what': '{service} mit {client}',
  'mail.provider.newBooking.subject': 'Neue Buchung: {client}, {when}',
  'mail.provider.newBooking.lead': '{client} hat bei Ihnen gebucht.',
  'mail.provider.approvalRequest.subject': 'Bestätigung nötig: {client}, {when}',
  'mail.provider.approvalRequest.lead':
    '{client} möchte bei Ihnen buchen. Die Anfrage wartet auf Ihre Bestätigung.',
  'mail.provider.approvalRequest.tail':
    'Nehmen Sie die Anfrage in Ihrem Slotline-Chat an oder lehnen Sie sie ab (über ihre Buttons oder mit /today).',
  'mail.provider.cancelledByClient.subject': 'Abgesagt: {client}, {when}',
  'mail.provider.cancelledByClient.lead': '{client} hat abgesagt.',
  'mail.provider.rescheduled.subject': 'Verschoben: {client}, jetzt {when}',
  'mail.provider.rescheduled.lead': 'Die Buchung von {client} wurde verschoben.',
  'mail.meetingTopic': '{service} bei {provider}',
  'mail.calendarEvent.summary': '{service} mit {client}',
  'mail.calendarEvent.booked': '{service} mit {client}, gebucht über Slotline.',
  'mail.calendarEvent.notes': 'Notizen: {notes}',
};
