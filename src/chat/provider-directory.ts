// The ProviderDirectory port over the database: the web chat's view of providers and their links.
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { chatIdentities } from '../db/schema/chat.ts';
import { providers } from '../db/schema/providers.ts';
import type { Clock } from '../ports/clock.ts';
import type { DirectoryProvider, ProviderDirectory } from '../ports/provider-directory.ts';
import { createLinkCode } from './create-link-code.ts';

/**
 * Reads providers and web identities from `db`; link codes are issued at `clock()`. Every method
 * is one query (two for issueLinkCode) and throws only when the database does.
 */
export function createProviderDirectory(db: Database, clock: Clock): ProviderDirectory {
  return {
    listActive: (limit) => listActive(db, limit),
    findActive: async (id) => (await findActive(db, id)) ?? null,
    isLinkedOnWeb: async (platformUserId, providerId) => {
      const [row] = await db
        .select({ providerId: chatIdentities.providerId })
        .from(chatIdentities)
        .where(
          and(
            eq(chatIdentities.platform, 'web'),
            eq(chatIdentities.platformUserId, platformUserId),
          ),
        );
      return row?.providerId === providerId;
    },
    issueLinkCode: async (providerId) => {
      const code = await createLinkCode(db, providerId, clock());
      return code.ok ? code.value.code : null;
    },
  };
}

function listActive(db: Database, limit: number): Promise<DirectoryProvider[]> {
  return db
    .select({ id: providers.id, name: providers.name })
    .from(providers)
    .where(eq(providers.isActive, true))
    .orderBy(asc(providers.createdAt), asc(providers.id))
    .limit(limit);
}

async function findActive(db: Database, id: string): Promise<DirectoryProvider | undefined> {
  const [row] = await db
    .select({ id: providers.id, name: providers.name })
    .from(providers)
    .where(and(eq(providers.id, id), eq(providers.isActive, true)));
  return row;
}
