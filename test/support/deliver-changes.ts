// Test stand-in for the relay and notice workers: delivers each new event's chat notices at once,

// through the same plan and sender as the pg-boss jobs, so chat tests can read DMs synchronously.
import type { ChatDeps } from '../../src/chat/chat-deps.ts';
import type { Messenger } from '../../src/chat/chat-types.ts';
import type { Database } from '../../src/db/database.ts';
import { planChangeNotices } from '../../src/jobs/change-notice-plan.ts';
import { readEvents } from '../../src/jobs/outbox-relay.ts';
import { sendChangeNotice } from '../../src/jobs/send-change-notice.ts';
import type { Logger } from '../../src/ports/logger.ts';

/**
 * A `relayChanges` for ChatDeps: each call sends the notices of every event it has not seen yet
 * (from the first event on), in event order. The real relay adds pg-boss, retries and ids.
 */
export function deliverChangesNow(db: Database, messenger: Messenger): () => Promise<void> {
  let seen = 0;
  const quiet = { info: () => {}, warn: () => {}, error: () => {} };
  // No meeting provider: chat tests do not make join links (the jobs tests do).
  const deps = {
    db,
    messenger,
    clock: () => new Date(),
    mailer: { send: async () => {} },
    logger: quiet,
  };
  return async () => {
    for (const event of await readEvents(db, seen, 1_000)) {
      seen = event.id;
      for (const job of planChangeNotices(event)) await sendChangeNotice(deps, job.id, job.data);
    }
  };
}

/**
 * The engine's deps as every chat test builds them: a 30-day no-show lockout and change notices
 * delivered at once through `messenger`.
 */
export function testChatDeps(db: Database, messenger: Messenger, logger: Logger): ChatDeps {
  return {
    db,
    messenger,
    noShowLockoutDays: 30,
    logger,
    relayChanges: deliverChangesNow(db, messenger),
  };
}
