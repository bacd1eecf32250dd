// A platform's time zone hint (the browser's zone, Slack's profile tz): it fills a zone the user
// never set and follows the platform while the user has not chosen, but never replaces a choice.
import type { Database } from '../db/database.ts';
import { normalizeTimezone, sameTimezone } from '../domain/timezone.ts';
import type { Translator } from '../i18n/translator.ts';
import {
  becomeClient,
  hintClientTimezone,
  type Identity,
  type StoredClient,
} from './chat-identity.ts';
import type { ChatUser } from './chat-types.ts';

export type HintedClient = {
  readonly client: StoredClient | null;
  /**
   * Says, in the reader's words, which zone the hint set and how to change it; null when the
   * hint changed nothing.
   */
  readonly note: ((t: Translator) => string) | null;
};

/**
 * Applies `user.timezone` (the platform's hint) to the identity's client: makes the client in
 * that zone when there is none, updates a zone an earlier hint set, and leaves a zone the user
 * chose alone. The note is there only when the hint set the zone now.
 */
export async function applyTimezoneHint(
  db: Database,
  user: ChatUser,
  identity: Identity,
  stored: StoredClient | null,
  now: Date,
): Promise<HintedClient> {
  const zone = user.timezone === null ? null : normalizeTimezone(user.timezone);
  if (zone === null) return { client: stored, note: null };
  if (stored && (stored.timezoneSource === 'user' || sameTimezone(stored.timezone, zone))) {
    return { client: stored, note: null };
  }
  const client = stored
    ? await hintClientTimezone(db, stored.id, zone)
    : await becomeClient(db, identity, { timezone: zone, source: 'hint' }, now);
  const applied = client.timezoneSource === 'hint' && client.timezone === zone;
  return { client, note: applied ? hintNote(user, zone) : null };
}

/** "I'm using Europe/Berlin from your browser; /timezone to change." */
function hintNote(user: ChatUser, zone: string): (t: Translator) => string {
  return (t) => t.t('timezone.hintNote', { zone, origin: user.platform });
}
