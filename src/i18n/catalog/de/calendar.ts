// German: connecting, syncing and disconnecting a provider's calendar, and its news by DM.
import type { CatalogPart } from '../catalog-types.ts';
import type { enCalendar } from '../en/calendar.ts';

export const deCalendar: CatalogPart<typeof enCalendar> = {
  'calendar.name':
    '{kind, select, GOOGLE {Google Kalender} OUTLOOK {Outlook} APPLE {Apple-Kalender} CALDAV {CalDAV-Kalender} other {{name}}}',
  'calendar.credential':
    '{kind, select, APPLE {ein app-spezifisches Passwort} CALDAV {eine Serveradresse und ein Passwort} other {{credential}}}',
  'calendar.notSetUpServer':
    'Die Kalender-Synchronisierung ist auf diesem Server nicht eingerichtet.',
  'calendar.usage': 'Senden Sie {choices}.',
  'calendar.usageByAdmin': 'Senden Sie {choices} ({kinds} verbindet Ihr Administrator).',
  'calendar.connectLink':
    'Öffnen Sie diesen Link, um Ihren {name} zu verbinden (er funktioniert einmal, 15 Minuten lang):\n{url}\nDanach erscheinen Ihre Buchungen dort, und belegte Zeiten dort sperren Buchungen hier.',
  'calendar.kindNotSetUp':
    '{name} ist auf diesem Server nicht eingerichtet; fragen Sie Ihren Administrator, welche Kalender es sind.',
  'calendar.askAdmin':
    '{kinds} brauchen {credential}, das nicht im Chat gesendet werden sollte. Bitten Sie Ihren Administrator, ihn über POST /api/providers/:id/calendar/{slug} zu verbinden.',
  'calendar.disconnected':
    'Ihr {name} ist getrennt. Seine Termine sperren keine Buchungen mehr, und neue Buchungen werden dort nicht mehr eingetragen.',
  'calendar.serviceNotSetUp':
    'Dieser Kalenderdienst ist auf diesem Server nicht eingerichtet; fragen Sie Ihren Administrator, welche Kalender es sind.',
  'calendar.noneConnected': 'Sie haben keinen Kalender verbunden. Senden Sie {choices}.',
  'calendar.profileGone':
    'Ihr Anbieterprofil existiert nicht mehr. Bitten Sie Ihren Administrator um einen neuen /link-Code.',
  'calendar.didNotWork': 'Das hat nicht funktioniert. {usage}',
  'calendar.syncing':
    'Ihr {name} wird jetzt geprüft. Belegte Zeiten dort sperren Buchungen hier innerhalb einer Minute.',
  'calendar.refused':
    'Ihr Kalender hat die gespeicherte Anmeldung abgelehnt und kann daher nicht geprüft werden. Verbinden Sie ihn erneut (/connect oder über Ihren Administrator).',
  'calendar.conflict':
    'Hinweis: Ein Termin in Ihrem {name} überschneidet sich mit {service} von {client} am {when}. Nichts wurde abgesagt; sagen Sie bei Bedarf einen davon ab oder verschieben Sie ihn.',
  'calendar.broken':
    'Die Verbindung zu Ihrem {name} funktioniert nicht mehr (der Zugriff wurde widerrufen oder ist abgelaufen), daher werden Buchungen nicht mehr damit synchronisiert. Verbinden Sie ihn erneut mit {how}.',
  'calendar.reconnectApi': 'der Kalender-API (POST /api/providers/:id/calendar/{slug})',
} as const;
