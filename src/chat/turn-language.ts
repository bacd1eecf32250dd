// The language a turn speaks, and keeping it stored on the person's client and provider rows.
import type { Database } from '../db/database.ts';
import type { Language } from '../i18n/languages.ts';
import { resolveLanguage } from '../i18n/resolve-language.ts';
import type { ChatDeps } from './chat-deps.ts';
import type { Identity, StoredClient } from './chat-identity.ts';
import type { ChatUser } from './chat-types.ts';
import { storeLanguage } from './language-store.ts';

/** What the turn knows of the person's stored languages. */
export type StoredLanguages = {
  readonly identity: Identity;
  /** Their client as the turn has it (the time zone hint may just have made it). */
  readonly client: StoredClient | null;
  /** Their provider's stored language; null when none or not a provider. */
  readonly providerLanguage: string | null;
};

/**
 * The turn's language: the /language choice, else the platform's hint, else the language stored
 * for the client, then the provider (a Discord DM carries no hint, so an earlier one holds),
 * else DEFAULT_LANGUAGE (absent: English). Pure.
 */
export function turnLanguage(
  deps: Pick<ChatDeps, 'defaultLanguage'>,
  user: ChatUser,
  stored: StoredLanguages,
): Language {
  return resolveLanguage({
    chosen: stored.identity.language,
    hint: user.locale ?? null,
    stored: [stored.client?.language ?? null, stored.providerLanguage],
    fallback: deps.defaultLanguage ?? 'en',
  });
}

/**
 * Stores `language` on the client and provider rows that have another, so mail and DMs outside
 * a chat turn follow it; no statement when they already have it (the usual turn).
 */
export async function keepTurnLanguage(
  db: Database,
  stored: StoredLanguages,
  language: Language,
): Promise<void> {
  const { identity, client, providerLanguage } = stored;
  const clientId = client !== null && client.language !== language ? client.id : null;
  const providerId =
    identity.providerId !== null && providerLanguage !== language ? identity.providerId : null;
  if (clientId === null && providerId === null) return;
  await storeLanguage(db, { clientId, providerId }, language);
}
