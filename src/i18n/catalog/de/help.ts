// German: /start and /help: what the bot does and one line per command.
import type { CatalogPart } from '../catalog-types.ts';
import type { enHelp } from '../en/help.ts';

export const deHelp: CatalogPart<typeof enHelp> = {
  'help.intro':
    'Ich bin der Buchungsassistent von Slotline: Ich buche für Sie Termine bei Anbietern.',
  'help.helloIntro':
    'Hallo {name}! Ich bin der Buchungsassistent von Slotline: Ich buche für Sie Termine bei Anbietern.',
  'help.forProviders': 'Für Anbieter:',
  'help.book':
    '/book: einen Termin buchen. Sie können mehr sagen, z. B. /book Massage bei Anna morgen nach 15 Uhr',
  'help.bookSeries':
    '/book Massage jeden Dienstag um 10 für 8 Wochen: eine wöchentliche Serie; Sie sehen vor dem Buchen, welche Termine frei sind (oder tippen Sie in einer Zusammenfassung auf Wöchentlich wiederholen)',
  'help.mybookings': '/mybookings: Ihre kommenden Termine, zum Verschieben oder Stornieren',
  'help.waitlist':
    '/waitlist: worauf Sie warten, zum Entfernen; /waitlist Freitag Vormittag wartet, bis ein Termin frei wird',
  'help.timezone': '/timezone [STADT]: Ihre Zeitzone ansehen oder ändern, z. B. /timezone Tokio',
  'help.email':
    '/email [ADRESSE]: ansehen oder festlegen, wohin Bestätigungen und Erinnerungen gemailt werden; /email off stellt sie ab',
  'help.help': '/help: diese Nachricht',
  'help.link':
    '/link CODE: Sind Sie Anbieter? Verknüpfen Sie dieses Konto mit dem Code von Ihrem Admin',
  'help.today':
    '/today: die heutigen Termine, mit Annehmen und Ablehnen bei Anfragen sowie Erledigt und Nicht erschienen, sobald sie begonnen haben',
  'help.requests':
    '/requests: alle Buchungsanfragen, die auf Sie warten, mit Annehmen und Ablehnen',
  'help.week': '/week: Ihre nächsten 7 Tage nach Tagen, mit Annehmen und Ablehnen bei Anfragen',
  'help.block':
    '/block DATUM [HH:MM-HH:MM]: einen Tag oder einen Teil davon blockieren, z. B. /block 2026-12-24 12:00-14:00',
  'help.unblock': '/unblock DATUM: Ihre Blockierungen an diesem Tag aufheben',
  'help.connectCommand': '/connect {slug}',
  'help.connect': '{usage}: Ihren Kalender in beide Richtungen synchronisieren',
  'help.connectByAdmin':
    '{usage}: Ihren Kalender in beide Richtungen synchronisieren; {kinds} verbindet Ihr Admin',
  'help.calendarKinds':
    '{kind, select, APPLE {Apple-Kalender} CALDAV {CalDAV-Kalender} other {{name}}}',
  'help.sync': '/sync: Ihren verbundenen Kalender jetzt auf neue belegte Zeiten prüfen',
  'help.disconnect': '/disconnect: Kalender-Synchronisierung beenden',
};
