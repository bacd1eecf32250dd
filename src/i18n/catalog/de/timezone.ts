// German: the timezone messages.
import type { CatalogPart } from '../catalog-types.ts';
import type { enTimezone } from '../en/timezone.ts';

export const deTimezone: CatalogPart<typeof enTimezone> = {
  'timezone.ask':
    'In welcher Zeitzone sind Sie? Wählen Sie eine aus oder geben Sie Ihre Stadt (z. B. „Berlin“) oder einen Zonennamen wie Europe/Paris ein.',
  'timezone.change':
    'Zum Ändern wählen Sie eine aus oder geben Sie Ihre Stadt (z. B. „Berlin“) oder einen Zonennamen wie Europe/Paris ein.',
  'timezone.unknown': '„{words}“ kenne ich nicht als Stadt oder Zeitzone.',
  'timezone.yours': 'Ihre Zeitzone ist {zone}.',
  'timezone.saved': 'Danke! Ich zeige Ihnen die Zeiten in Ihrer Zeitzone an: {zone}.',
  'timezone.next':
    'Senden Sie /book, um einen Termin zu buchen, oder /help, um alles zu sehen, was ich kann.',
  'timezone.hintNote':
    'Ich verwende {zone} aus {origin, select, web {Ihrem Browser} slack {Ihrem Slack-Profil} telegram {Ihren Telegram-Einstellungen} other {Ihren Discord-Einstellungen}}; mit /timezone können Sie das ändern.',
};
