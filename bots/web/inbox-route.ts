// GET /webchat/inbox: the DMs the web Messenger delivered to one persona, by long polling.
import type { Env, Hono } from 'hono';
import { z } from 'zod';
import { describeErrorSafely } from '../../src/logging/describe-error-safely.ts';
import type { WebChatDeps } from './web-chat-deps.ts';
import { badRequest, internalError, invalidBody } from './web-error.ts';
import { isInboxCursor } from './web-inbox.ts';

/** Below common proxy idle timeouts (30 s and up), so a quiet poll ends cleanly. */
const MAX_WAIT_SECONDS = 25;

const InboxQuery = z.strictObject({
  user: z.string().min(1).max(100),
  /** The cursor of the previous answer; absent for "everything still kept". */
  cursor: z.string().refine(isInboxCursor, 'not a cursor this server returned').optional(),
  /** Seconds to wait for a DM when there is none yet; 0 answers at once. */
  wait: z.coerce.number().int().min(0).max(MAX_WAIT_SECONDS).default(0),
});

/**
 * Answers `{ messages: ChatMessage[], cursor }` with the DMs after `cursor`, waiting up to `wait`
 * seconds for one; the browser sends the cursor back to acknowledge. A closed connection ends
 * the wait. 400 VALIDATION_ERROR for bad parameters or an unknown persona.
 */
export function registerInboxRoute(app: Hono<Env>, deps: WebChatDeps): void {
  app.get('/webchat/inbox', async (c) => {
    const query = InboxQuery.safeParse(c.req.query());
    if (!query.success) return invalidBody(c, 'query', query.error);
    try {
      const persona = await deps.personas.resolve(deps.providers, query.data.user);
      if (!persona) return badRequest(c, 'unknown persona', { field: 'user' });
      const page = await deps.inbox.read(
        persona.id,
        query.data.cursor ?? null,
        query.data.wait * 1000,
        c.req.raw.signal,
      );
      // `items` carries each DM's seq and, for an edit, the seq it replaces; `messages` stays.
      return c.json({
        messages: page.items.map((item) => item.message),
        items: page.items.map(({ seq, message, replaces }) => ({
          seq,
          replaces: replaces ?? null,
          message,
        })),
        cursor: page.cursor,
      });
    } catch (error) {
      deps.logger.error(
        { path: c.req.path, err: describeErrorSafely(error) },
        'web chat inbox failed',
      );
      return internalError(c);
    }
  });
}
