// The WebInboxStore port over PostgreSQL: web DMs survive restarts and reach every app instance.
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { webInboxMessages } from '../db/schema/chat.ts';
import type { Clock } from '../ports/clock.ts';
import type { StoredWebDm, WebInboxStore } from '../ports/web-inbox-store.ts';
import type { ChatMessage } from './chat-types.ts';

/** How long a DM waits for a browser; a user's newest one stays so their seq keeps counting. */
const KEEP_MS = 7 * 24 * 60 * 60_000;
/** DMs kept per user beyond which the oldest go, as the in-memory inbox did. */
const KEEP_PER_USER = 50;

const Button = z.object({
  label: z.string(),
  data: z.string(),
  style: z.enum(['primary', 'danger', 'default']),
});
const StoredMessage = z.object({
  text: z.string(),
  buttons: z.array(z.array(Button)),
  select: z
    .object({
      placeholder: z.string(),
      options: z.array(
        z.object({ label: z.string(), data: z.string(), description: z.string().nullable() }),
      ),
    })
    .nullable(),
  replace: z.boolean(),
  // Set on an edit: the seq of the DM it replaces. Kept in the row's JSON, beside the message.
  replaces: z.number().int().positive().optional(),
});

/**
 * Appends under a per-user advisory lock, so seqs are gap-free and commit in order: a reader
 * never sees seq n+1 before n. Pruning runs on each write (the job housekeeping cannot reach
 * this table without importing src/chat): DMs older than 7 days at `clock()` go, except each
 * user's newest, and a user keeps at most their last 50.
 */
export function createWebInboxStore(db: Database, clock: Clock): WebInboxStore {
  return {
    append: (userId, message, replaces) => append(db, userId, { ...message, replaces }, clock()),
    after: (userId, afterSeq, limit) => after(db, userId, afterSeq, limit),
  };
}

async function append(
  db: Database,
  userId: string,
  message: ChatMessage & { readonly replaces: number | undefined },
  now: Date,
): Promise<number> {
  const seq = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`web-inbox:${userId}`}))`);
    const [last] = await tx
      .select({ seq: sql<number>`coalesce(max(${webInboxMessages.seq}), 0)::bigint` })
      .from(webInboxMessages)
      .where(eq(webInboxMessages.userId, userId));
    const seq = Number(last?.seq ?? 0) + 1;
    await tx.insert(webInboxMessages).values({ userId, seq, message, createdAt: now });
    await tx
      .delete(webInboxMessages)
      .where(
        and(
          eq(webInboxMessages.userId, userId),
          sql`${webInboxMessages.seq} <= ${seq - KEEP_PER_USER}`,
        ),
      );
    return seq;
  });
  await pruneStale(db, new Date(now.getTime() - KEEP_MS));
  return seq;
}

async function pruneStale(db: Database, before: Date): Promise<void> {
  await db.execute(sql`
    delete from web_inbox_messages w
    where w.created_at < ${before.toISOString()}
      and w.seq < (select max(n.seq) from web_inbox_messages n where n.user_id = w.user_id)`);
}

async function after(
  db: Database,
  userId: string,
  afterSeq: number,
  limit: number,
): Promise<StoredWebDm[]> {
  const rows = await db
    .select({ seq: webInboxMessages.seq, message: webInboxMessages.message })
    .from(webInboxMessages)
    .where(and(eq(webInboxMessages.userId, userId), gt(webInboxMessages.seq, afterSeq)))
    .orderBy(asc(webInboxMessages.seq))
    .limit(limit);
  return rows.map((row) => {
    const { replaces, ...message } = StoredMessage.parse(row.message);
    const seq = Number(row.seq);
    return replaces === undefined ? { seq, message } : { seq, message, replaces };
  });
}
