// Storing the language a person gets on their client and provider rows, and their /language choice.
import type { Database } from '../db/database.ts';
import type { Language } from '../i18n/languages.ts';
import { ChatStoreError } from './chat-identity.ts';

/** The rows one chat identity speaks for; null: it has none of that kind. */
export type LanguageRows = {
  readonly clientId: string | null;
  readonly providerId: string | null;
};

/**
 * Stores `language` as the language of the client and the provider in `rows` (the language their
 * mail and DMs outside a chat turn go in), in one statement; a row that already has it is left
 * alone. Concurrent turns each write whole values, so the last one wins. Throws ChatStoreError
 * when the database fails.
 */
export async function storeLanguage(
  db: Database,
  rows: LanguageRows,
  language: Language,
): Promise<void> {
  await db.$client
    .query({
      name: 'slotline_store_language',
      text: STORE_SQL,
      values: [language, rows.clientId, rows.providerId],
    })
    .catch((error: unknown) => {
      throw new ChatStoreError('could not store a language', { cause: error });
    });
}

/**
 * Stores `language` as what identity `identityId` chose with /language (which no platform hint
 * overrides), and as the language of its client and provider, in one statement. Throws
 * ChatStoreError when the database fails.
 */
export async function chooseLanguage(
  db: Database,
  identityId: string,
  rows: LanguageRows,
  language: Language,
): Promise<void> {
  await db.$client
    .query({
      name: 'slotline_choose_language',
      text: CHOOSE_SQL,
      values: [language, rows.clientId, rows.providerId, identityId],
    })
    .catch((error: unknown) => {
      throw new ChatStoreError('could not store a chosen language', { cause: error });
    });
}

// Data-modifying CTEs run whether or not the outer select reads them; a null id matches no row.
const STORE_SQL = `
  with c as (
    update clients set language = $1 where id = $2 and language is distinct from $1 returning 1
  ), p as (
    update providers set language = $1 where id = $3 and language is distinct from $1 returning 1
  )
  select 1`;

const CHOOSE_SQL = `
  with c as (
    update clients set language = $1 where id = $2 and language is distinct from $1 returning 1
  ), p as (
    update providers set language = $1 where id = $3 and language is distinct from $1 returning 1
  ), i as (
    update chat_identities set language = $1 where id = $4 returning 1
  )
  select 1`;
