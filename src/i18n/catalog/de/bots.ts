// German: what the chat adapters say themselves: apologies, hints, Slack's modal and App Home.
import type { CatalogPart } from '../catalog-types.ts';
import type { enBots } from '../en/bots.ts';

export const deBots: CatalogPart<typeof enBots> = {
  'bots.apology':
    'Entschuldigung, bei uns ist etwas schiefgelaufen. Bitte versuchen Sie es gleich noch einmal oder senden Sie /help.',
  'bots.apologyShort':
    'Entschuldigung, bei uns ist etwas schiefgelaufen. Bitte versuchen Sie es gleich noch einmal.',
  'bots.unreadable':
    'Ich kann nur Textnachrichten und Tastendrücke lesen. Senden Sie /book zum Buchen oder /help.',
  'bots.paymentsOff':
    'Bezahlen in Telegram ist gerade nicht möglich, es wurde nichts berechnet. Senden Sie /mybookings, um anders zu bezahlen.',
  'bots.checkFailed':
    'Ich konnte Ihre Buchung gerade nicht prüfen, es wurde nichts berechnet. Bitte versuchen Sie es gleich noch einmal oder senden Sie /mybookings.',
  'bots.answerInDm': 'Ich antworte Ihnen in unserer Direktnachricht.',
  'bots.actedBy': 'von {actor}',
  'bots.declineTitle': 'Anfrage ablehnen',
  'bots.declineSubmit': 'Ablehnen',
  'bots.declineClose': 'Abbrechen',
  'bots.declineReason': 'Grund (optional, wird dem Kunden angezeigt)',
  'bots.appHome':
    'Hallo! Ich buche Termine. Senden Sie /book, um einen Termin zu finden, /mybookings für Ihre Termine, /help für mehr.\nAnbieter: /link verknüpft Ihr Konto; danach zeigt dieser Tab Ihren Tag.',
};
