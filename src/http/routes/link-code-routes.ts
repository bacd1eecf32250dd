// Link codes: a one-time code a provider sends as `/link CODE` in a chat to act there as themselves.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { createLinkCode } from '../../chat/create-link-code.ts';
import type { AppDeps } from '../app-deps.ts';
import { sendFailure } from '../failure-response.ts';
import { IdParam } from '../input/common-input.ts';
import { errorResponses, jsonResponse } from '../openapi-responses.ts';

const LinkCodeJson = z
  .object({
    code: z.string().openapi({ example: 'K7QX4MZP' }),
    expires_at: z.string().openapi({ description: 'The code works once, until then (15 minutes)' }),
  })
  .openapi('LinkCode');

const create = createRoute({
  method: 'post',
  path: '/api/providers/{id}/link-code',
  tags: ['Providers'],
  summary: 'Make a one-time code that links a chat account to this provider',
  description:
    'The provider sends `/link CODE` to the bot on any platform within 15 minutes; that chat ' +
    'account then receives approval requests and may use the provider commands.',
  request: { params: IdParam },
  responses: { 201: jsonResponse(LinkCodeJson, 'The new code'), ...errorResponses(404) },
});

export function registerLinkCodeRoutes(app: OpenAPIHono, deps: AppDeps): void {
  app.openapi(create, async (c) => {
    const result = await createLinkCode(deps.db, c.req.valid('param').id, deps.clock());
    if (!result.ok) return sendFailure(c, result);
    const { code, expiresAt } = result.value;
    return c.json({ code, expires_at: expiresAt.toISOString() }, 201);
  });
}
