// German: the failure messages.
import type { CatalogPart } from '../catalog-types.ts';
import type { enFailure } from '../en/failure.ts';

export const deFailure: CatalogPart<typeof enFailure> = {
  'failure.IN_THE_PAST': 'Diese Zeit ist bereits vorbei',
  'failure.TOO_SOON': 'Diese Zeit ist jetzt zu knapp, um sie zu buchen',
  'failure.TOO_FAR_AHEAD': 'Diese Zeit liegt zu weit in der Zukunft, um sie zu buchen',
  'failure.OFF_GRID': 'Diese Zeit steht nicht im Terminplan',
  'failure.BLOCKED': 'Der Anbieter hat diese Zeit gerade gesperrt',
  'failure.OUTSIDE_AVAILABILITY': 'Diese Zeit liegt außerhalb der Sprechzeiten des Anbieters',
  'failure.unavailable': '{reasons}. Diese Zeiten sind noch frei:',
  'failure.taken':
    'Jemand war schneller und hat diese Zeit gerade gebucht. Diese Zeiten sind noch frei:',
  'failure.takenNearOne':
    'Jemand war schneller und hat diese Zeit gerade gebucht. Diese Zeiten sind noch frei: Die nächste freie Zeit ist {time} (Ihre Zeit).',
  'failure.takenNearTwo':
    'Jemand war schneller und hat diese Zeit gerade gebucht. Diese Zeiten sind noch frei: Die nächsten freien Zeiten sind {before} und {after} (Ihre Zeit).',
  'failure.lockout':
    'Nach einem versäumten Termin können Sie bis {day} keinen Termin für denselben Tag buchen. Jeden anderen Tag können Sie weiterhin buchen:',
  'failure.notFound':
    '{entity, select, provider {Dieser Anbieter ist} service {Diese Leistung ist} client {Dieser Kunde ist} appointment {Dieser Termin ist} override {Diese Ausnahme ist} series {Diese Terminserie ist} other {Dies ist}} leider nicht mehr verfügbar. Fangen wir neu an.',
  'failure.invalidChoice': 'Diese Auswahl konnte ich leider nicht verwenden. Fangen wir neu an.',
  'failure.menuReused':
    'Dieses Menü wurde bereits für eine andere Buchung verwendet. Hier ist ein neues.',
  'failure.dayFull':
    'Diese Leistung nimmt höchstens {max, plural, one {# Buchung} other {# Buchungen}} pro Tag an, und {day} ist ausgebucht. Wählen Sie einen anderen Tag:',
  'failure.thatDayFull':
    'Diese Leistung nimmt höchstens {max, plural, one {# Buchung} other {# Buchungen}} pro Tag an, und dieser Tag ist ausgebucht. Wählen Sie einen anderen Tag:',
  'failure.weekFull':
    'Diese Leistung nimmt höchstens {max, plural, one {# Buchung} other {# Buchungen}} pro Woche an, und die Woche vom {day} ist ausgebucht. Wählen Sie einen anderen Tag:',
  'failure.thatWeekFull':
    'Diese Leistung nimmt höchstens {max, plural, one {# Buchung} other {# Buchungen}} pro Woche an, und diese Woche ist ausgebucht. Wählen Sie einen anderen Tag:',
  'failure.clientActive':
    'Sie haben bei diesem Anbieter bereits {max, plural, one {# anstehende Buchung} other {# anstehende Buchungen}}, mehr sind nicht möglich. Senden Sie /mybookings, um sie zu sehen oder eine abzusagen, und buchen Sie dann erneut.',
  'failure.alreadyStarted':
    'Nichts geändert: Der Termin hat bereits begonnen und kann nicht mehr abgesagt werden.',
  'failure.stillWaiting': 'Nichts geändert: Der Termin wartet noch auf Bestätigung.',
  'failure.notStarted': 'Nichts geändert: Der Termin hat noch nicht begonnen.',
  'failure.alreadyHandled': 'Diese Anfrage wurde bereits bearbeitet: Der Termin ist {status}.',
  'failure.alreadyStatus': 'Nichts geändert: Der Termin ist bereits {status}.',
};
