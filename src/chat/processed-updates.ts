// Platform deliveries already taken: a retried update (same id) must never act twice.
import { and, eq, lt } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { chatConversations, chatProcessedUpdates } from '../db/schema/chat.ts';
import type { Platform } from '../domain/platforms.ts';

/** How long update ids are remembered; platforms retry within minutes to hours. */
const UPDATE_MEMORY_MS = 3 * 86_400_000;

/** Gives a claimed update back after a fault, so the platform's retry can do the work. */
export async function releaseUpdate(
  db: Database,
  platform: Platform,
  updateId: string,
): Promise<void> {
  await db
    .delete(chatProcessedUpdates)
    .where(
      and(eq(chatProcessedUpdates.platform, platform), eq(chatProcessedUpdates.updateId, updateId)),
    );
}

/**
 * Deletes lapsed conversations and update ids older than UPDATE_MEMORY_MS. Safe to run from any
 * instance at any time (hourly is plenty); returns how many rows went.
 */
export async function pruneChatState(
  db: Database,
  now: Date,
): Promise<{ conversations: number; updates: number }> {
  const conversations = await db
    .delete(chatConversations)
    .where(lt(chatConversations.expiresAt, now))
    .returning({ platform: chatConversations.platform });
  const updates = await db
    .delete(chatProcessedUpdates)
    .where(lt(chatProcessedUpdates.processedAt, new Date(now.getTime() - UPDATE_MEMORY_MS)))
    .returning({ platform: chatProcessedUpdates.platform });
  return { conversations: conversations.length, updates: updates.length };
}
