// Weekly schedule routes: replace and read a provider's recurring windows.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { getAvailability } from '../../catalog/get-availability.ts';
import { replaceAvailability } from '../../catalog/replace-availability.ts';
import type { AppDeps } from '../app-deps.ts';
import { sendFailure } from '../failure-response.ts';
import { ReplaceAvailabilityBody } from '../input/availability-input.ts';
import { camelKeys } from '../input/camel-keys.ts';
import { IdParam } from '../input/common-input.ts';
import { AvailabilityJson, toAvailabilityJson } from '../json/availability-json.ts';
import { errorResponses, jsonBody, jsonResponse } from '../openapi-responses.ts';

const tags = ['Availability'];

const replace = createRoute({
  method: 'put',
  path: '/api/providers/{id}/availability',
  tags,
  summary: "Replace a provider's weekly schedule",
  description:
    'Times are local to the provider; end may be 24:00. Windows of one weekday must not overlap.',
  request: {
    params: IdParam,
    body: jsonBody(ReplaceAvailabilityBody),
  },
  responses: {
    200: jsonResponse(AvailabilityJson, 'The stored schedule, sorted'),
    ...errorResponses(400, 404),
  },
});

const read = createRoute({
  method: 'get',
  path: '/api/providers/{id}/availability',
  tags,
  summary: "Get a provider's weekly schedule",
  request: { params: IdParam },
  responses: {
    200: jsonResponse(AvailabilityJson, 'The schedule sorted by weekday and start'),
    ...errorResponses(404),
  },
});

export function registerAvailabilityRoutes(app: OpenAPIHono, deps: AppDeps): void {
  app.openapi(replace, async (c) => {
    const { id } = c.req.valid('param');
    const windows = c.req.valid('json').windows.map(camelKeys);
    const result = await replaceAvailability(deps.db, id, windows);
    return result.ok ? c.json(toAvailabilityJson(result.value), 200) : sendFailure(c, result);
  });

  app.openapi(read, async (c) => {
    const result = await getAvailability(deps.db, c.req.valid('param').id);
    return result.ok ? c.json(toAvailabilityJson(result.value), 200) : sendFailure(c, result);
  });
}
