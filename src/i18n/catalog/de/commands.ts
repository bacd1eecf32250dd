// German: the command menus (descriptions, options, usage hints) and the command router's replies.
import type { CatalogPart } from '../catalog-types.ts';
import type { enCommands } from '../en/commands.ts';

export const deCommands: CatalogPart<typeof enCommands> = {
  'commands.start': 'Starten und sehen, was ich kann',
  'commands.book': 'Termin buchen',
  'commands.book.argument': 'Was und wann, in Ihren eigenen Worten',
  'commands.book.hint': '[was und wann]',
  'commands.mybookings': 'Ihre Buchungen ansehen, ändern oder stornieren',
  'commands.waitlist': 'Wartelisten ansehen oder verlassen, oder auf einen freien Termin warten',
  'commands.waitlist.argument':
    'Tage, auf die Sie warten, z. B. Freitag Vormittag oder nächste Woche',
  'commands.waitlist.hint': '[Tage]',
  'commands.timezone': 'Ihre Zeitzone ansehen oder ändern',
  'commands.timezone.argument': 'Eine Stadt oder Zeitzone, z. B. Tokio oder Europe/Berlin',
  'commands.timezone.hint': '[Stadt oder Zone]',
  'commands.email': 'Ihre E-Mail für Bestätigungen und Erinnerungen ansehen oder ändern',
  'commands.email.argument': 'Ihre E-Mail-Adresse, oder "off", um keine E-Mails mehr zu erhalten',
  'commands.email.hint': '[Adresse | off]',
  'commands.help': 'Was ich kann',
  'commands.link': 'Ihr Anbieterkonto mit einem Code verknüpfen',
  'commands.link.argument': 'Der Verknüpfungscode von Ihrem Admin',
  'commands.link.hint': '[Code]',
  'commands.today': 'die heutigen Termine',
  'commands.requests': 'Buchungsanfragen, die auf Sie warten',
  'commands.week': 'Ihre nächsten 7 Tage',
  'commands.page.argument': 'Die Seite einer langen Liste, z. B. 2',
  'commands.page.hint': '[Seite]',
  'commands.block': 'Zeit blockieren',
  'commands.block.argument': 'Ein Datum und optional Uhrzeiten, z. B. 2026-12-24 12:00-14:00',
  'commands.block.hint': 'DATUM [HH:MM-HH:MM]',
  'commands.unblock': 'Ihre Blockierungen an einem Tag aufheben',
  'commands.unblock.argument': 'Das Datum, z. B. 2026-12-24',
  'commands.unblock.hint': 'DATUM',
  'commands.connect': '{calendars} synchronisieren',
  'commands.sync': 'Ihren Kalender jetzt auf neue belegte Zeiten prüfen',
  'commands.disconnect': 'Kalender-Synchronisierung beenden',
  'commands.forProviders': 'Für Anbieter: {description}',
  'commands.unknown':
    'Den Befehl /{command} kenne ich nicht. Senden Sie /help, um zu sehen, was ich kann.',
  'commands.providersOnly':
    '/{command} ist für Anbieter. Wenn Sie Anbieter sind, senden Sie /link CODE mit dem Code von Ihrem Admin.',
  'commands.calendarsMissing':
    'Die Kalender-Synchronisierung ist auf diesem Server nicht eingerichtet.',
  'commands.staleMenu': 'Dieses Menü ist abgelaufen – hier ist ein neues.',
  'commands.hello': 'Hallo {name}!',
  'commands.greeting': 'Hallo {name}! Ich bin der Buchungsassistent von Slotline.',
  'commands.afterTimezone': 'Das erledige ich, sobald ich Ihre Zeitzone kenne.',
  'commands.unknownZone': '"{text}" kenne ich nicht als Stadt oder Zeitzone.',
};
