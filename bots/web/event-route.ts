// POST /webchat/events: one line or button press from the browser in, the engine's replies out.
import type { Context, Env, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { payloadTooLarge } from '../../src/http/body-limits.ts';
import { errorJson } from '../../src/http/error-json.ts';
import { describeErrorSafely } from '../../src/logging/describe-error-safely.ts';
import { linkProviderPersona } from './link-provider-persona.ts';
import { readJsonBody } from './read-json-body.ts';
import type { WebChatDeps } from './web-chat-deps.ts';
import { badRequest, internalError, invalidBody } from './web-error.ts';
import { toChatInput, WebEventBody } from './web-event-body.ts';
import { personaUser } from './web-personas.ts';

/** Far above any valid body (a 2000-character line); bigger bodies are not even read. */
const MAX_BODY_BYTES = 16 * 1024;

/**
 * Answers `{ messages: ChatMessage[] }`: the replies to this event, preceded on a provider
 * persona's first use by the replies to its `/link`. 400 VALIDATION_ERROR for malformed JSON, a
 * body the schema refuses or an unknown persona; 413 for an oversized body, 415 for one not sent
 * as application/json; 500 when the engine throws (logged without the body).
 */
export function registerEventRoute(app: Hono<Env>, deps: WebChatDeps): void {
  const limit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => payloadTooLarge(c, MAX_BODY_BYTES),
  });
  app.post('/webchat/events', limit, async (c) => {
    const json = await readJsonBody(c);
    if (!json.ok) return c.json(errorJson('VALIDATION_ERROR', json.message), json.status);
    const body = WebEventBody.safeParse(json.value);
    if (!body.success) return invalidBody(c, 'json', body.error);
    try {
      const persona = await deps.personas.resolve(deps.providers, body.data.user);
      if (!persona) return badRequest(c, 'unknown persona', { field: 'user' });
      const { locale } = body.data;
      const user = { ...personaUser(persona, body.data.timezone), ...(locale ? { locale } : {}) };
      const linked = await linkProviderPersona(deps, persona, user);
      const input = toChatInput(body.data.input);
      const replies = await deps.handle({ user, input, updateId: body.data.updateId });
      return c.json({ messages: [...linked, ...replies] });
    } catch (error) {
      return engineFault(c, deps, error);
    }
  });
}

function engineFault(c: Context, deps: WebChatDeps, error: unknown) {
  deps.logger.error({ path: c.req.path, err: describeErrorSafely(error) }, 'web chat event failed');
  return internalError(c);
}
