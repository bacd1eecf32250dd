// German: the words messages (plain-words replies, the way on, time wishes, parts of the day).
import type { CatalogPart } from '../catalog-types.ts';
import type { enWords } from '../en/words.ts';

export const deWords: CatalogPart<typeof enWords> = {
  'words.wishAt': 'um {clock}',
  'words.wishFrom': 'ab {clock}',
  'words.wishBefore': 'vor {clock}',
  'words.wishBetween': 'zwischen {from} und {to}',
  'words.partMorning': 'vormittags',
  'words.partAfternoon': 'nachmittags',
  'words.partEvening': 'abends',
  'words.notUnderstood': 'Das habe ich leider nicht verstanden: „{words}“.',
  'words.canDo':
    'Ich kann Termine buchen (/book) und Ihre Termine anzeigen, verschieben oder absagen (/mybookings). Zum Beispiel „Massage morgen um 10 buchen“, „Was habe ich gebucht?“ oder „Meinen Termin absagen“.',
  'words.onward':
    'Bitte wählen Sie eine der Schaltflächen oben oder sagen Sie mir, was Sie möchten. Zum Beispiel „Massage morgen um 10 buchen“, „Was habe ich gebucht?“ oder „Meinen Termin absagen“.',
  'words.buttonBook': 'Buchen',
  'words.buttonMyBookings': 'Meine Termine',
  'words.buttonHelp': 'Hilfe',
  'words.greet': 'Hallo {name}!',
  'words.whichToCancel': 'Welchen Termin möchten Sie absagen? Tippen Sie auf sein „Absagen“.',
  'words.whichToMove': 'Welchen Termin möchten Sie verschieben? Tippen Sie auf sein „Verschieben“.',
  'words.currently': 'Derzeit: {when}.',
};
