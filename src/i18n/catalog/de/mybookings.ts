// German: /mybookings: the client's upcoming appointments, paging, reschedule and cancel.
import type { CatalogPart } from '../catalog-types.ts';
import type { enMybookings } from '../en/mybookings.ts';

export const deMybookings: CatalogPart<typeof enMybookings> = {
  'mybookings.none': 'Sie haben keine anstehenden Termine. Senden Sie /book, um einen zu buchen.',
  'mybookings.bookButton': 'Buchen',
  'mybookings.title': 'Ihre anstehenden Termine:',
  'mybookings.payButton': 'Bezahlen {n}',
  'mybookings.rescheduleButton': 'Verschieben {n}',
  'mybookings.cancelButton': 'Absagen {n}',
  'mybookings.cancelSeriesButton': 'Serie absagen {n}',
  'mybookings.previous': '‹ Zurück',
  'mybookings.next': 'Weiter ›',
  'mybookings.line': '{when}: {service} bei {provider} ({status})',
  'mybookings.dayClock': '{day}, {clock}',
  'mybookings.statusInSeries': '{status}; {position}',
  'mybookings.join': 'Teilnehmen: {link}',
  'mybookings.holdLapsed': 'um {by} nicht bezahlt: wird freigegeben, nichts berechnet',
  'mybookings.holdWaiting': 'wartet auf Zahlung: {amount} bis {by}',
  'mybookings.currently': 'Derzeit {when}.',
  'mybookings.kept': 'Beibehalten: Nichts wurde geändert.',
  'mybookings.askCancel': '{service} bei {provider} absagen?',
  'mybookings.yesCancel': 'Ja, absagen',
  'mybookings.keepIt': 'Behalten',
  'mybookings.askRelease': 'Die Reservierung für {service} bei {provider} freigeben?',
  'mybookings.nothingPaid': 'Es wurde nichts bezahlt, daher wird nichts berechnet.',
  'mybookings.yesRelease': 'Ja, freigeben',
  'mybookings.cancelled': 'Abgesagt: {service} bei {provider}',
  'mybookings.gone': 'Dieser Termin hat sich inzwischen geändert; hier ist Ihre aktuelle Liste.',
} as const;
