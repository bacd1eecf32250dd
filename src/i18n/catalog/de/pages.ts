// German: the small web pages a person reads in their browser (payment return, calendar connect).
import type { CatalogPart } from '../catalog-types.ts';
import type { enPages } from '../en/pages.ts';

export const dePages: CatalogPart<typeof enPages> = {
  'pages.paid':
    'Zahlung erhalten — Sie können zurück in Ihren Chat gehen. Dort wird Ihre Buchung gleich bestätigt.',
  'pages.cancelled':
    'Zahlung abgebrochen — es wurde nichts berechnet. Gehen Sie zurück in Ihren Chat, um mit demselben Link zu zahlen, bevor die Reservierung endet, oder um die Zeit freizugeben.',
  'pages.notAvailable': 'Nicht verfügbar',
  'pages.syncOff': 'Die Kalendersynchronisierung läuft auf diesem Server nicht.',
  'pages.cannotConnect': 'Verbinden nicht möglich',
  'pages.notConnected': 'Nicht verbunden',
  'pages.connected': '{calendar} verbunden',
  'pages.connectedText':
    'Ihre Buchungen erscheinen in Ihrem Kalender, und belegte Zeiten dort sperren Buchungen innerhalb von Sekunden. Sie können diesen Tab schließen.',
  'pages.refused':
    '{calendar} hat die Verbindung abgelehnt. Bitte fordern Sie einen neuen Link an und versuchen Sie es erneut.',
  'pages.unreachable':
    '{calendar} war nicht erreichbar. Bitte versuchen Sie den Link in einer Minute erneut.',
  'pages.failure.PROVIDER_NOT_FOUND': 'Diesen Anbieter gibt es nicht.',
  'pages.failure.NOT_CONNECTED': 'Der Anbieter hat keinen Kalender verbunden.',
  'pages.failure.CALENDAR_NOT_CONFIGURED':
    'Dieser Kalenderdienst ist auf diesem Server nicht eingerichtet.',
  'pages.failure.STATE_INVALID':
    'Der Verbindungslink ist ungültig; bitte fordern Sie einen neuen an.',
  'pages.failure.STATE_EXPIRED':
    'Der Verbindungslink ist abgelaufen; bitte fordern Sie einen neuen an.',
  'pages.failure.STATE_USED':
    'Der Verbindungslink wurde schon benutzt; bitte fordern Sie einen neuen an.',
  'pages.failure.CONSENT_DENIED': 'Der Zugriff auf den Kalender wurde nicht erlaubt.',
  'pages.failure.CREDENTIALS_REFUSED':
    'Der Kalender hat die Zugangsdaten abgelehnt; bitte verbinden Sie ihn erneut.',
  'pages.failure.NO_CALENDAR': 'Das Konto hat keinen Kalender für Termine.',
  'pages.failure.CALENDAR_UNAVAILABLE':
    'Der Kalenderserver war nicht erreichbar; bitte versuchen Sie es später erneut.',
};
