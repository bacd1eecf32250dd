// German: the payment messages.
import type { CatalogPart } from '../catalog-types.ts';
import type { enPayment } from '../en/payment.ts';

export const dePayment: CatalogPart<typeof enPayment> = {
  'payment.notYours':
    'Diese Schaltfläche gehört nicht zu einer Ihrer Buchungen. Senden Sie /mybookings für Ihre Buchungen oder /book, um zu buchen.',
  'payment.releaseFailed':
    'Ich konnte die Reservierung gerade nicht freigeben. Ohne Zahlung endet sie um {until} (Ihre Zeit) von selbst, und es wird nichts berechnet. Senden Sie /book, um eine andere Zeit zu wählen.',
  'payment.released':
    'Freigegeben: {service} bei {provider}, {when}. Es wurde nichts berechnet. Senden Sie /book, um eine andere Zeit zu wählen.',
  'payment.holdGone':
    '{service} bei {provider}, {when} ist nicht mehr reserviert, daher wurde die Zeit freigegeben und nichts berechnet. Senden Sie /book, um erneut eine Zeit zu wählen.',
  'payment.holdLapsed':
    '{service} bei {provider}, {when} war bis {until} (Ihre Zeit) reserviert, und diese Frist ist abgelaufen, daher wurde die Zeit freigegeben und nichts berechnet. Senden Sie /book, um erneut eine Zeit zu wählen.',
  'payment.alreadyPaid':
    '{service} bei {provider}, {when} ist bereits bezahlt ({status}). Senden Sie /mybookings, um die Buchung zu sehen.',
  'payment.heldForYou': 'Für Sie reserviert: {service} bei {provider}',
  'payment.payWithInvoice': 'Bezahlen Sie mit der Rechnung unten.',
  'payment.payButton': '{amount} bezahlen',
  'payment.notChargeable':
    'Dieser Betrag kann nicht online bezahlt werden, daher kann die Zeit hier nicht gebucht werden. Geben Sie die Reservierung frei und wenden Sie sich direkt an {provider}, oder senden Sie /book, um etwas anderes zu wählen.',
  'payment.pageDown':
    'Die Zahlungsseite ließ sich gerade nicht öffnen. Ihre Zeit bleibt reserviert; tippen Sie gleich noch einmal auf „Zahlungslink holen“.',
  'payment.getLink': 'Zahlungslink holen',
  'payment.bookingGone':
    'Diese Buchung gibt es nicht mehr. Senden Sie /book, um eine Zeit zu wählen.',
  'payment.invoiceDescription': '{service} bei {provider}, {span}',
  'payment.invoiceLabel': '{service} ({amount})',
  'payment.releaseHold': 'Reservierung freigeben',
  'payment.dayClock': '{day}, {time}',
  'payment.deposit': '{amount} Anzahlung',
  'payment.payBy': 'Um zu buchen, zahlen Sie {amount} bis {by} (Ihre Zeit).',
  'payment.remaining': 'Die restlichen {amount} zahlen Sie beim Termin.',
  'payment.unpaidReleased':
    'Ohne Zahlung bis dahin wird die Zeit freigegeben, und es wird nichts berechnet.',
  'payment.invoiceAlreadyPaid':
    'Diese Buchung ist bereits bezahlt, daher wurde nichts berechnet. Senden Sie /mybookings, um sie zu sehen.',
  'payment.invoiceMismatch':
    'Diese Rechnung passt nicht mehr zum Preis der Buchung, daher wurde nichts berechnet. Senden Sie /mybookings und tippen Sie auf Bezahlen für eine neue.',
  'payment.invoiceUnknown':
    'Diese Rechnung gehört zu keiner mir bekannten Buchung, daher wurde nichts berechnet. Senden Sie /book, um zu buchen.',
  'payment.holdEnded':
    'Die Reservierung dieser Zeit ist abgelaufen, daher wurde nichts berechnet. Senden Sie /book, um erneut eine Zeit zu wählen.',
  'payment.holdEndedAt':
    'Die Reservierung dieser Zeit ist um {until} (Ihre Zeit) abgelaufen, daher wurde nichts berechnet. Senden Sie /book, um erneut eine Zeit zu wählen.',
  'payment.unmatched':
    'Ihre Zahlung ist eingegangen, aber ich konnte sie keiner Buchung zuordnen. Bitte bewahren Sie den Beleg auf und wenden Sie sich an den Anbieter; mit /mybookings sehen Sie Ihre Buchungen.',
  'payment.received': 'Zahlung erhalten. Senden Sie /mybookings, um Ihre Buchungen zu sehen.',
  'payment.paidPending':
    'Bezahlt – Ihre Anfrage wartet auf die Bestätigung des Anbieters: {service} bei {provider}\n{when}\nIch melde mich, sobald {provider} antwortet; bei einer Ablehnung wird die Zahlung vollständig erstattet.',
  'payment.paidBooked': 'Bezahlt – Sie sind gebucht: {service} bei {provider}\n{when}',
  'payment.confirmed': 'Der Termin ist bestätigt.',
  'payment.lateRefund':
    'Ihre Zahlung kam nach Ablauf der Reservierung; sie wird vollständig erstattet. Die Zeit ({service} bei {provider}, {when}) wurde freigegeben. Senden Sie /book, um erneut eine Zeit zu wählen.',
  'payment.mismatchRefund':
    'Diese Zahlung entsprach nicht dem fälligen Betrag und wird vollständig erstattet. {service} bei {provider}, {when} bleibt bis {until} (Ihre Zeit) reserviert; tippen Sie auf „Zahlungslink holen“, um den richtigen Betrag zu zahlen.',
  'payment.secondRefund':
    '{service} bei {provider}, {when} war bereits bezahlt, daher wird diese zweite Zahlung vollständig erstattet. Senden Sie /mybookings, um die Buchung zu sehen.',
};
