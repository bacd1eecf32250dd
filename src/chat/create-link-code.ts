// One-time codes that tie a chat account to a provider: the admin asks for one over the API, the
// provider sends `/link CODE` in any chat.
import { randomInt } from 'node:crypto';
import { providerExists } from '../catalog/provider-exists.ts';
import type { Database } from '../db/database.ts';
import { providerLinkCodes } from '../db/schema/chat.ts';
import type { NotFound, Ok } from '../domain/outcome.ts';
import { notFound, ok } from '../domain/outcome.ts';
import { ChatStoreError } from './chat-identity.ts';

/** No 0/O or 1/I, so a code read aloud or typed from a screen cannot be misread. */
const LINK_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const LINK_CODE_LENGTH = 8;
const LINK_CODE_TTL_MS = 15 * 60_000;

export type LinkCode = { readonly code: string; readonly expiresAt: Date };

/**
 * A new single-use code for the provider, valid for 15 minutes from `now` (40 random bits).
 * NOT_FOUND for an unknown or malformed provider id.
 */
export async function createLinkCode(
  db: Database,
  providerId: string,
  now: Date,
): Promise<Ok<LinkCode> | NotFound> {
  if (!(await providerExists(db, providerId))) return notFound('provider');
  const expiresAt = new Date(now.getTime() + LINK_CODE_TTL_MS);
  // A collision is about one in a trillion; a few tries make it a non-event.
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = randomCode();
    const inserted = await db
      .insert(providerLinkCodes)
      .values({ code, providerId, expiresAt, createdAt: now })
      .onConflictDoNothing()
      .returning({ code: providerLinkCodes.code });
    if (inserted.length > 0) return ok({ code, expiresAt });
  }
  throw new ChatStoreError('could not find a free link code');
}

function randomCode(): string {
  let code = '';
  for (let i = 0; i < LINK_CODE_LENGTH; i++) {
    code += LINK_CODE_ALPHABET[randomInt(LINK_CODE_ALPHABET.length)];
  }
  return code;
}
