// German: the booking messages.
import type { CatalogPart } from '../catalog-types.ts';
import type { enBooking } from '../en/booking.ts';

export const deBooking: CatalogPart<typeof enBooking> = {
  'booking.noOne': 'Leider kann gerade niemand gebucht werden.',
  'booking.nothingToBook':
    'Bei {provider} kann gerade nichts gebucht werden. Senden Sie /book, um jemand anderen zu wählen.',
  'booking.noFreeTimes':
    '{provider} hat in den kommenden Wochen keine freien Zeiten für {service}. Senden Sie /book, um etwas anderes zu wählen.',
  'booking.nothingFreeWish': 'An diesem Tag ist {wish} nichts frei; hier sind alle freien Zeiten.',
  'booking.exactTakenOne':
    '{time} ist an diesem Tag nicht frei. Die nächste freie Zeit ist {nearest}.',
  'booking.exactTakenTwo':
    '{time} ist an diesem Tag nicht frei. Die nächsten freien Zeiten sind {before} und {after}.',
  'booking.tryAgain': 'Senden Sie /mybookings, um es erneut zu versuchen.',
  'booking.whoToBook': 'Wen möchten Sie buchen?',
  'booking.providerLine':
    '{number}. {name} ({type, select, DOCTOR {Medizin} CONSULTANT {Beratung} TRAINER {Training} THERAPIST {Therapie} other {Anbieter}})',
  'booking.whatToBook': 'Was möchten Sie bei {provider} buchen?',
  'booking.serviceLine': '{number}. {service}: {facts}',
  'booking.serviceLineApproval': '{number}. {service}: {facts} (Bestätigung nötig)',
  'booking.serviceFacts': '{duration}, {price}',
  'booking.pickNewDay': 'Wählen Sie einen neuen Tag für {service} bei {provider}:',
  'booking.whichDay':
    '{service} bei {provider}. Welcher Tag? (Tage mit freien Zeiten, in Ihrer Zeitzone, {city})',
  'booking.moveWhat': '{service} bei {provider} verschieben',
  'booking.moveFrom': 'von {when}',
  'booking.moveTo': 'auf {when}?',
  'booking.pleaseConfirm': 'Bitte bestätigen Sie:',
  'booking.serviceWith': '{service} bei {provider}',
  'booking.approvesEach': '{provider} bestätigt jede Buchung dieser Leistung selbst.',
  'booking.confirm': 'Bestätigen',
  'booking.repeatWeekly': 'Wöchentlich wiederholen',
  'booking.cancel': 'Abbrechen',
  'booking.previous': '‹ Zurück',
  'booking.next': 'Weiter ›',
  'booking.otherDay': 'Anderer Tag',
  'booking.noMatch': 'Ich habe keinen Anbieter und keine Leistung zu „{words}“ gefunden.',
  'booking.noMatchKept':
    'Ich habe keinen Anbieter und keine Leistung zu „{words}“ gefunden; {kept} habe ich übernommen.',
  'booking.moveKept': 'In Ordnung, Ihr Termin bleibt, wie er war.',
  'booking.cancelled':
    'Abgebrochen: Es wurde nichts gebucht. Senden Sie /book, um neu zu beginnen.',
  'booking.timesOn': '{service} bei {provider} am {day}.',
  'booking.pickTime': 'Wählen Sie eine Uhrzeit (Ihre Zeit, {city}):',
  'booking.bookAgain': 'Erneut buchen',
  'booking.myBookings': 'Meine Buchungen',
  'booking.gone': 'Diese Buchung gibt es nicht mehr. Senden Sie /book, um neu zu beginnen.',
  'booking.moved': 'Verschoben: {service} bei {provider}',
  'booking.movedNow': 'jetzt {when}',
  'booking.movedWas': 'vorher {when}',
  'booking.stillWaiting': 'Der Termin wartet weiterhin auf Bestätigung.',
  'booking.noFreeOn': 'Am {day} gibt es keine freien Zeiten.',
  'booking.dayOver': '{day} ist bereits vorbei; bitte wählen Sie einen späteren Tag.',
  'booking.dayTooSoon':
    'Buchungen brauchen {notice}, daher kann am {day} nichts mehr gebucht werden (frühestens um {time} am {date}, Ihre Zeit).',
  'booking.dayTooFar': '{day} liegt zu weit in der Zukunft: {limit}.',
  'booking.dayAway': 'Am {day} ist der Anbieter abwesend.',
  'booking.dayClosed': 'Am {day} arbeitet der Anbieter nicht.',
  'booking.dayFull':
    'Diese Leistung nimmt höchstens {max, plural, one {# Buchung} other {# Buchungen}} pro Tag an, und {day} ist ausgebucht.',
  'booking.weekFull':
    'Diese Leistung nimmt höchstens {max, plural, one {# Buchung} other {# Buchungen}} pro Woche an, und die Woche vom {day} ist ausgebucht.',
  'booking.noticeDays': '{count, plural, one {# Tag} other {# Tage}} Vorlauf',
  'booking.noticeHours': '{count, plural, one {# Stunde} other {# Stunden}} Vorlauf',
  'booking.noticeMinutes': '{count, plural, one {# Minute} other {# Minuten}} Vorlauf',
  'booking.advance':
    'Buchungen sind {count, plural, one {# Tag} other {# Tage}} im Voraus möglich (bis {until})',
  'booking.minNotice': 'Buchungen brauchen {notice}',
  'booking.nearestOne': 'die nächste freie Zeit ist {time} (Ihre Zeit)',
  'booking.nearestTwo': 'die nächsten freien Zeiten sind {before} und {after} (Ihre Zeit)',
  'booking.emailHowTo':
    'Um die Adresse festzulegen oder zu ändern, senden Sie /email mit Ihrer Adresse, z. B. /email ada@example.com. Senden Sie /email off, um keine E-Mails mehr zu erhalten.',
  'booking.emailNone':
    'Sie haben keine E-Mail-Adresse hinterlegt, daher schreibe ich Ihnen nur hier.',
  'booking.emailCurrent': 'Bestätigungen und Erinnerungen sende ich an {email}.',
  'booking.emailInvalid':
    '„{typed}“ sieht nicht wie eine E-Mail-Adresse aus, daher wurde nichts geändert.',
  'booking.emailSet':
    'Erledigt! Bestätigungen und Erinnerungen sende ich an {email}.\nSenden Sie /email mit einer neuen Adresse, um die Adresse zu ändern, oder /email off, um keine E-Mails mehr zu erhalten.',
  'booking.emailNothingToRemove':
    'Sie haben keine E-Mail-Adresse hinterlegt, daher gab es nichts zu entfernen.\nSenden Sie /email mit Ihrer Adresse, um Bestätigungen und Erinnerungen per E-Mail zu erhalten.',
  'booking.emailRemoved':
    'Erledigt: Ich sende Ihnen keine E-Mails mehr; Nachrichten hier erhalten Sie weiterhin.\nSenden Sie /email mit Ihrer Adresse, um wieder E-Mails zu erhalten.',
  'booking.page': 'Seite {page} von {pages}.',
  'booking.pageNext': 'Seite {page} von {pages}. Senden Sie /{command} {next} für die nächste.',
  'booking.pageBack': 'Seite {page} von {pages}. /{command} {previous} geht zurück.',
  'booking.pageBoth':
    'Seite {page} von {pages}. Senden Sie /{command} {next} für die nächste. /{command} {previous} geht zurück.',
};
