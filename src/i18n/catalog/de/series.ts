// German: the series messages.
import type { CatalogPart } from '../catalog-types.ts';
import type { enSeries } from '../en/series.ts';

export const deSeries: CatalogPart<typeof enSeries> = {
  'series.rhythm':
    '{weeks, plural, one {Jeden {day} um {clock} Uhr ({zone})} =2 {Jeden zweiten {day} um {clock} Uhr ({zone})} other {Alle # Wochen am {day} um {clock} Uhr ({zone})}}',
  'series.rhythmInline':
    '{weeks, plural, one {jeden {day} um {clock} Uhr ({zone})} =2 {jeden zweiten {day} um {clock} Uhr ({zone})} other {alle # Wochen am {day} um {clock} Uhr ({zone})}}',
  'series.heading':
    '{rhythm}, {count, plural, one {einmal} other {#-mal}}, {service} bei {provider}',
  'series.when': '{day}, {clock}',
  'series.free': '✓ {when}',
  'series.refused': '✗ {when} ({why})',
  'series.refusedRun':
    '✗ {from} bis {last}: {count, plural, one {# Termin} other {# Termine}} ({why})',
  'series.why.taken': 'belegt',
  'series.why.noShowLockout': 'nach einem versäumten Termin nicht buchbar',
  'series.why.limitReached': 'Buchungslimit erreicht',
  'series.why.past': 'bereits vorbei',
  'series.why.tooSoon': 'zu kurzfristig',
  'series.why.tooFar': 'zu weit im Voraus',
  'series.why.offGrid': 'keine Startzeit',
  'series.why.blocked': 'der Anbieter ist abwesend',
  'series.why.outsideHours': 'außerhalb der Zeiten des Anbieters',
  'series.takenMeanwhile':
    'Gerade hat jemand einen Termin dieser Serie gebucht. So sieht es jetzt aus:',
  'series.bookAgain': 'Erneut buchen',
  'series.book': 'Buchen',
  'series.myBookings': 'Meine Buchungen',
  'series.booked':
    '{outcome, select, PENDING {Angefragt} AWAITING_PAYMENT {Reserviert} other {Gebucht}}: {done} von {total}, {service} bei {provider}, {rhythm}',
  'series.skipped': 'Übersprungen:',
  'series.pendingFollowUp': '{provider} bestätigt jeden Termin einzeln; ich sage Ihnen Bescheid.',
  'series.seeMyBookings': 'Senden Sie /mybookings, um sie zu sehen.',
  'series.heldFollowUp':
    'Jeder Termin ist bis zur Zahlung reserviert: /mybookings bietet für jeden einen Bezahlen-Button.',
  'series.bookedFollowUp':
    '/mybookings zeigt jeden Termin, um ihn einzeln oder die ganze Serie zu verschieben oder abzusagen.',
  'series.alreadyBooked':
    'Diese Serie ist bereits gebucht: Der Button wurde schon einmal gedrückt, daher wurde nichts doppelt gebucht.',
  'series.cancelAsk': 'Die ganze Serie {service} bei {provider} absagen?',
  'series.cancelDates':
    '{count, plural, one {Es entfällt 1 kommender Termin} other {Es entfallen # kommende Termine}}: {dates}.',
  'series.pastStay': 'Vergangene Termine bleiben, wie sie sind.',
  'series.stillDue':
    '{when} ist weniger als {hours} Stunden entfernt, daher bleiben dafür {price} fällig.',
  'series.cancelYes': 'Ja, Serie absagen',
  'series.keep': 'Behalten',
  'series.notYours': 'Diese Serie können Sie nicht mehr absagen.',
  'series.gone': 'Diese Serie gibt es nicht mehr.',
  'series.cancelledNone': 'Bereits abgesagt: Die Serie hat keine kommenden Termine mehr.',
  'series.cancelled':
    'Abgesagt: die Serie, {count, plural, one {# kommender Termin} other {# kommende Termine}}',
  'series.dropped': '✗ {when}',
  'series.nobody': 'Im Moment ist leider niemand buchbar.',
  'series.nothingToBook':
    '{provider} hat im Moment nichts zu buchen. Senden Sie /book, um jemand anderen zu wählen.',
  'series.choiceGone':
    '{what, select, provider {Dieser Anbieter ist leider nicht mehr verfügbar. Senden Sie /book, um neu zu beginnen.} other {Diese Leistung ist leider nicht mehr verfügbar. Senden Sie /book, um neu zu beginnen.}}',
  'series.change':
    'Was möchten Sie ändern? Wählen Sie die Anzahl der Wochen oder einen anderen Tag bzw. eine andere Uhrzeit.',
  'series.pickFirst':
    'Wählen Sie den ersten Tag und die Uhrzeit; drücken Sie dann in der Zusammenfassung „{button}“, um daraus eine Serie zu machen.',
  'series.capped': 'Eine Serie hat höchstens {max} Termine, daher habe ich {max} geplant.',
  'series.askWeeksHeading': '{service} bei {provider}, {rhythm}.',
  'series.howManyWeeks': 'Wie viele Wochen?',
  'series.weeks': '{count, plural, one {# Woche} other {# Wochen}}',
  'series.previewHeading': '{heading}:',
  'series.allFree': '{count, plural, one {Der Termin ist frei.} other {Alle # sind frei.}}',
  'series.bookAll': 'Alle {count} buchen',
  'series.someFree': '{free} von {total} sind frei.',
  'series.bookFree': '{count, plural, one {Den 1 freien buchen} other {Die # freien buchen}}',
  'series.noneFree':
    'Keiner dieser Termine ist frei. Versuchen Sie einen anderen Tag oder eine andere Uhrzeit, oder buchen Sie mit /book einen einzelnen Termin.',
  'series.changeButton': 'Ändern',
  'series.otherTime': 'Anderer Tag oder Uhrzeit',
  'series.cancelButton': 'Abbrechen',
  'series.flowCancelled':
    'Abgebrochen: Es wurde nichts gebucht. Senden Sie /book, um neu zu beginnen.',
  'series.position':
    '{weeks, plural, one {wöchentlich} =2 {alle zwei Wochen} other {alle # Wochen}}, {index} von {total}',
  'series.positionMoved':
    '{weeks, plural, one {wöchentliche Serie} =2 {Serie alle zwei Wochen} other {Serie alle # Wochen}}',
};
