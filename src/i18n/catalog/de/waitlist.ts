// German: the waitlist messages.
import type { CatalogPart } from '../catalog-types.ts';
import type { enWaitlist } from '../en/waitlist.ts';

export const deWaitlist: CatalogPart<typeof enWaitlist> = {
  'waitlist.days': '{from} bis {to}',
  'waitlist.when': '{days}, {part}',
  'waitlist.entry': '{service} bei {provider}, {when}',
  'waitlist.anAppointment': 'Ein Termin',
  'waitlist.yourProvider': 'Ihrem Anbieter',
  'waitlist.whoToWatch': 'Bei wem soll ich für {when} nach einer freien Zeit schauen?',
  'waitlist.someoneElse':
    'Jemand anderes? Nennen Sie den Namen, z. B. „sagen Sie mir Bescheid, wenn am Freitag eine Massage bei Anna frei wird“.',
  'waitlist.whichService':
    'Für welche Leistung soll ich für {when} nach einer freien Zeit schauen?',
  'waitlist.anotherService':
    'Eine andere? Nennen Sie sie, z. B. „sagen Sie mir Bescheid, wenn am Freitag eine Massage frei wird“.',
  'waitlist.notWaiting':
    'In Ordnung, ich warte auf nichts Neues. Senden Sie /book, um eine freie Zeit zu buchen.',
  'waitlist.nobody':
    'Im Moment gibt es leider niemanden, auf den Sie warten können. Senden Sie /book, um zu sehen, wer buchbar ist.',
  'waitlist.cancel': 'Abbrechen',
  'waitlist.book': 'Buchen',
  'waitlist.bookAnother': 'Andere Zeit buchen',
  'waitlist.myWaitlist': 'Meine Warteliste',
  'waitlist.myBookings': 'Meine Buchungen',
  'waitlist.joinGone':
    'Dieser Anbieter oder diese Leistung nimmt keine Buchungen mehr an. Senden Sie /book, um eine Zeit zu wählen.',
  'waitlist.joinBadDays':
    'Für {when} kann ich nicht warten: Diese Tage sind vorbei oder liegen zu weit auseinander (höchstens zwei Monate). Senden Sie /book, um eine Zeit zu wählen.',
  'waitlist.joined':
    'Sie stehen auf der Warteliste für {service} bei {provider} ({when}). Ich schreibe Ihnen, sobald eine Zeit frei wird; /waitlist zeigt den Eintrag oder entfernt ihn.',
  'waitlist.freeNow': 'Dann ist jetzt schon eine Zeit frei: Senden Sie /book, um sie zu buchen.',
  'waitlist.askForDays':
    'Nennen Sie mir die Tage, z. B. „sagen Sie mir Bescheid, wenn am Freitagvormittag etwas frei wird“ oder „/waitlist nächste Woche“.',
  'waitlist.empty': 'Sie warten auf nichts. /book',
  'waitlist.listHeading': 'Sie stehen auf der Warteliste für:',
  'waitlist.listLine': '{index}. {entry}',
  'waitlist.more': '…und {count} weitere.',
  'waitlist.willMessage': 'Ich schreibe Ihnen, sobald eine Zeit frei wird.',
  'waitlist.remove': '{index} entfernen',
  'waitlist.alreadyOff': 'Dieser Eintrag war schon nicht mehr auf der Liste.',
  'waitlist.removed': 'Entfernt.',
  'waitlist.removedEntry': 'Entfernt: {entry}.',
  'waitlist.waitButton': 'Bescheid geben, wenn etwas frei wird',
  'waitlist.offerWhen': '{day}, {clock} Uhr',
  'waitlist.offerOpened':
    'Gute Nachricht: {when} bei {provider} ({service}, {duration}) ist gerade frei geworden.',
  'waitlist.offerKept': 'Der Termin ist bis {clock} Uhr ({zone}) für Sie reserviert. Buchen?',
  'waitlist.offerNext':
    'Wenn Sie bis dahin nicht antworten, geht er an die nächste wartende Person; Ihr Platz für andere Zeiten bleibt. Senden Sie /waitlist, um zu sehen, worauf Sie warten.',
  'waitlist.noThanks': 'Nein, danke',
  'waitlist.mailSubject': 'Eine Zeit ist frei geworden: {when} bei {provider}',
  'waitlist.mailHello': 'Guten Tag {name},',
  'waitlist.mailOpened':
    '{when} (Zeit {city}) bei {provider} ({service}, {duration}) ist gerade frei geworden.',
  'waitlist.mailKept':
    'Der Termin ist bis {clock} Uhr für Sie reserviert. Öffnen Sie den Chat mit uns und drücken Sie auf Buchen, um ihn zu nehmen.',
  'waitlist.mailNext': 'Andernfalls geht er an die nächste wartende Person.',
  'waitlist.offerForeign':
    'Dieses Angebot ging an jemand anderen, nur diese Person kann es annehmen. Senden Sie /book, um eine eigene Zeit zu finden.',
  'waitlist.bookingGone': 'Diese Buchung gibt es nicht mehr.',
  'waitlist.offerTaken':
    'Diese Zeit ging an jemand anderen: Das Angebot endete um {ends} Uhr. Für andere Zeiten stehen Sie weiter auf der Warteliste; /waitlist zeigt sie.',
  'waitlist.failedStillWaiting':
    '{why} Für andere Zeiten stehen Sie weiter auf der Warteliste; /waitlist zeigt sie.',
  'waitlist.bookedAlready': 'Sie haben diese Zeit bereits gebucht.',
  'waitlist.passedGone':
    'Sie haben diese Zeit abgelehnt, daher ging sie an die nächste Person. Für andere Zeiten stehen Sie weiter auf der Warteliste; /waitlist zeigt sie.',
  'waitlist.offerEnded':
    'Dieses Angebot endete um {ends} Uhr. Senden Sie /book, um eine andere Zeit zu wählen.',
  'waitlist.passed': 'In Ordnung, ich biete sie der nächsten Person an.',
  'waitlist.passedStillWaiting':
    'In Ordnung, ich biete sie der nächsten Person an. Sie stehen weiter auf der Warteliste für {entry}.',
  'waitlist.removeMe': 'Mich von dieser Warteliste entfernen',
  'waitlist.acceptedAlready': 'Sie haben diese Zeit bereits gebucht. /mybookings zeigt sie.',
  'waitlist.passedAlready':
    'Sie haben diese Zeit bereits abgelehnt. Für andere Zeiten stehen Sie weiter auf der Warteliste; /waitlist zeigt sie.',
};
