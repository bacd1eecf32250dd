// German: the notices and reminders jobs send to a client or a provider, each in their own language.
import type { CatalogPart } from '../catalog-types.ts';
import type { enNotices } from '../en/notices.ts';

export const deNotices: CatalogPart<typeof enNotices> = {
  'notices.cancelledByProvider': '{provider} hat {service} am {when} abgesagt.',
  'notices.movedForClient':
    'Ihr Termin {service} bei {provider} wurde von {from} auf {to} verschoben.',
  'notices.movedForProvider':
    'Der Termin {service} von {client} wurde von {from} auf {to} verschoben.',
  'notices.noShow':
    'Sie wurden für {service} bei {provider} am {when} als nicht erschienen vermerkt.',
  'notices.noShowDue': 'Die {price} bleiben fällig.',
  'notices.noShowLockout':
    'Bis zum {until} können Sie Termine an anderen Tagen buchen, aber nicht für denselben Tag.',
  'notices.reminderLead':
    '{kind, select, h48 {Erinnerung: in 2 Tagen} other {Erinnerung: in 1 Stunde}}',
  'notices.reminderWhat': '{service} bei {other}',
  'notices.reminderSubject':
    '{kind, select, h48 {Erinnerung: in 2 Tagen} other {Erinnerung: in 1 Stunde}}: {service} bei {other}',
  'notices.reminderFooter': 'Dies ist eine automatische Erinnerung von Slotline.',
  'notices.holdExpired':
    'Die Zahlung von {amount} für {service} bei {provider} am {when} ist nicht rechtzeitig eingegangen, daher wurde der Termin wieder freigegeben.',
  'notices.chooseAnother': 'Senden Sie /book, um eine andere Zeit zu wählen.',
  'notices.bookingStands': 'Ihre Buchung bleibt bestehen: Senden Sie /mybookings, um sie zu sehen.',
  'notices.myBookingsButton': 'Meine Buchungen',
  'notices.bookAgainButton': 'Neu buchen',
  'notices.refunded': 'Wir haben {amount} für {service} bei {provider} am {when} erstattet.',
  'notices.refundShows':
    'Der Betrag erscheint in der Regel innerhalb von 5 bis 10 Werktagen auf Ihrem Kontoauszug.',
  'notices.refundFailed':
    'Wir konnten die {amount}, die Sie für {service} bei {provider} am {when} bezahlt haben, nicht automatisch erstatten.',
  'notices.refundFailedHow':
    '{provider} meldet sich bei Ihnen, um den Betrag zurückzuzahlen. Wenn Sie innerhalb einiger Tage nichts hören, wenden Sie sich bitte an {provider} und nennen Sie die Buchung am {when}.',
  'notices.outcomeCancelledByClient': 'Vom Kunden abgesagt',
  'notices.outcomeDeclined': 'Abgelehnt',
  'notices.outcomeApproved': 'Angenommen ✓',
} as const;
