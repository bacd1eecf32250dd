// Which language a person gets: their choice, their platform's, what is stored, the server's.
import { type Language, parseLanguage } from './languages.ts';

/** What is known about one person's language, each null when unknown. */
export type LanguageSources = {
  /** What they chose with /language (chat_identities.language). */
  readonly chosen: string | null;
  /** What their platform says now (Telegram language_code, Discord locale, the browser's). */
  readonly hint: string | null;
  /** What is stored for their client, then their provider, from an earlier turn. */
  readonly stored: readonly (string | null)[];
  /** DEFAULT_LANGUAGE. */
  readonly fallback: Language;
};

/**
 * The language to speak: the choice, else the platform's hint, else the first stored language,
 * else the fallback. A value naming no registry language counts as unknown. Pure.
 */
export function resolveLanguage(sources: LanguageSources): Language {
  const candidates = [sources.chosen, sources.hint, ...sources.stored];
  for (const candidate of candidates) {
    const language = parseLanguage(candidate);
    if (language !== null) return language;
  }
  return sources.fallback;
}

/**
 * The language a stored column (clients.language, providers.language) names, or `fallback`
 * when it is null or names no registry language. For mail and DMs outside a chat turn. Pure.
 */
export function languageOf(stored: string | null, fallback: Language): Language {
  return parseLanguage(stored) ?? fallback;
}
