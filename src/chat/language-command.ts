// /language: shows the languages as buttons, and stores the one pressed or typed ("/language de",
// "/language deutsch") as the person's choice, answering in it.
import { LANGUAGE_CODES, LANGUAGES, type Language, parseLanguage } from '../i18n/languages.ts';
import { type Translator, translatorFor } from '../i18n/translator.ts';
import { commandData } from './button-data.ts';
import { button, chatMessage, inRows } from './chat-message.ts';
import type { ChatMessage } from './chat-types.ts';
import { clean } from './clean-chat-event.ts';
import { chooseLanguage } from './language-store.ts';
import type { Turn } from './turn.ts';

/** How much of an unknown typed language the reply repeats. */
const MAX_ECHO = 40;

/**
 * Without `args`, says which language the turn speaks and offers every registry language as a
 * button. With a language's code or own name, stores it as the identity's choice and as its
 * client's and provider's language, and confirms in that language. Anything else (a stale
 * button, a language Slotline does not speak) gets the buttons again.
 */
export async function languageCommand(turn: Turn, args: string): Promise<ChatMessage> {
  const typed = args.trim();
  const { t } = turn;
  if (typed === '') {
    return picker(t, t.t('language.current', { name: LANGUAGES[t.lang].name }));
  }
  const language = namedLanguage(typed);
  if (language === null) {
    return picker(t, t.t('language.unknown', { typed: clean(typed, MAX_ECHO) }));
  }
  const rows = {
    clientId: turn.client?.id ?? turn.identity.clientId,
    providerId: turn.identity.providerId,
  };
  await chooseLanguage(turn.deps.db, turn.identity.id, rows, language);
  return chatMessage(
    translatorFor(language).t('language.saved', { name: LANGUAGES[language].name }),
  );
}

/** The language `typed` names by code or tag ('de', 'de-AT') or by its own name ('Deutsch'). */
function namedLanguage(typed: string): Language | null {
  const name = typed.toLowerCase();
  return (
    parseLanguage(typed) ??
    LANGUAGE_CODES.find((code) => LANGUAGES[code].name.toLowerCase() === name) ??
    null
  );
}

/** `text` with one button per language, the one spoken now marked. */
function picker(t: Translator, text: string): ChatMessage {
  const buttons = LANGUAGE_CODES.map((code) =>
    button(
      LANGUAGES[code].name,
      commandData('language', code),
      code === t.lang ? 'primary' : 'default',
    ),
  );
  return chatMessage(text, { buttons: inRows(buttons) });
}
