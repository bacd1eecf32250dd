// Override routes: one-day blocks or extra hours on a provider's schedule.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { addOverride } from '../../catalog/add-override.ts';
import { deleteOverride } from '../../catalog/delete-override.ts';
import { listOverrides } from '../../catalog/list-overrides.ts';
import type { AppDeps } from '../app-deps.ts';
import { sendFailure } from '../failure-response.ts';
import { CreateOverrideBody, OverrideListQuery } from '../input/availability-input.ts';
import { IdParam } from '../input/common-input.ts';
import { toPageRequest } from '../input/paging-input.ts';
import { OverrideJson, toOverrideJson } from '../json/availability-json.ts';
import { listJson, toListJson } from '../json/list-json.ts';
import { errorResponses, jsonBody, jsonResponse } from '../openapi-responses.ts';

const tags = ['Availability'];

const create = createRoute({
  method: 'post',
  path: '/api/providers/{id}/overrides',
  tags,
  summary: 'Block time or add hours on one date',
  description: 'Give both times or neither; a block without times covers the whole day.',
  request: {
    params: IdParam,
    body: jsonBody(CreateOverrideBody),
  },
  responses: { 201: jsonResponse(OverrideJson, 'The new override'), ...errorResponses(400, 404) },
});

const list = createRoute({
  method: 'get',
  path: '/api/providers/{id}/overrides',
  tags,
  summary: "List a provider's overrides between two dates (inclusive)",
  request: { params: IdParam, query: OverrideListQuery },
  responses: {
    200: jsonResponse(listJson(OverrideJson, 'OverrideList'), 'One page, in date order'),
    ...errorResponses(400, 404),
  },
});

const remove = createRoute({
  method: 'delete',
  path: '/api/overrides/{id}',
  tags,
  summary: 'Delete an override',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, ...errorResponses(404) },
});

export function registerOverrideRoutes(app: OpenAPIHono, deps: AppDeps): void {
  app.openapi(create, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const input = {
      date: body.date,
      startTime: body.start_time ?? null,
      endTime: body.end_time ?? null,
      isBlocked: body.is_blocked,
    };
    const result = await addOverride(deps.db, id, input, deps.clock());
    return result.ok ? c.json(toOverrideJson(result.value), 201) : sendFailure(c, result);
  });

  app.openapi(list, async (c) => {
    const { id } = c.req.valid('param');
    const query = c.req.valid('query');
    const range = { from: query.from ?? null, to: query.to ?? null };
    const result = await listOverrides(deps.db, id, range, toPageRequest(query));
    return result.ok
      ? c.json(toListJson(result.value, toOverrideJson), 200)
      : sendFailure(c, result);
  });

  app.openapi(remove, async (c) => {
    const result = await deleteOverride(deps.db, c.req.valid('param').id);
    return result.ok ? c.body(null, 204) : sendFailure(c, result);
  });
}
