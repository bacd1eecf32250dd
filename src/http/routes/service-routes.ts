// Service routes: a provider's services, created and listed under the provider, updated by id.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { createService } from '../../catalog/create-service.ts';
import { listServices } from '../../catalog/list-services.ts';
import { updateService } from '../../catalog/update-service.ts';
import type { AppDeps } from '../app-deps.ts';
import { emptyJsonBody } from '../empty-json-body.ts';
import { sendFailure } from '../failure-response.ts';
import { camelKeys } from '../input/camel-keys.ts';
import { IdParam } from '../input/common-input.ts';
import { PagingQuery, toPageRequest } from '../input/paging-input.ts';
import { CreateServiceBody, UpdateServiceBody } from '../input/service-input.ts';
import { listJson, toListJson } from '../json/list-json.ts';
import { ServiceJson, toServiceJson } from '../json/service-json.ts';
import { errorResponses, jsonBody, jsonResponse, optionalJsonBody } from '../openapi-responses.ts';

const tags = ['Services'];

const create = createRoute({
  method: 'post',
  path: '/api/providers/{id}/services',
  tags,
  summary: 'Add a service to a provider',
  request: {
    params: IdParam,
    body: jsonBody(CreateServiceBody),
  },
  responses: { 201: jsonResponse(ServiceJson, 'The new service'), ...errorResponses(400, 404) },
});

const list = createRoute({
  method: 'get',
  path: '/api/providers/{id}/services',
  tags,
  summary: "List a provider's services, oldest first",
  request: { params: IdParam, query: PagingQuery },
  responses: {
    200: jsonResponse(listJson(ServiceJson, 'ServiceList'), 'One page of services'),
    ...errorResponses(400, 404),
  },
});

const update = createRoute({
  method: 'patch',
  path: '/api/services/{id}',
  tags,
  summary: 'Change some fields of a service; booked appointments keep their price',
  middleware: [emptyJsonBody] as const,
  request: {
    params: IdParam,
    body: optionalJsonBody(UpdateServiceBody),
  },
  responses: { 200: jsonResponse(ServiceJson, 'The updated service'), ...errorResponses(400, 404) },
});

export function registerServiceRoutes(app: OpenAPIHono, deps: AppDeps): void {
  app.openapi(create, async (c) => {
    const { id } = c.req.valid('param');
    const result = await createService(deps.db, id, camelKeys(c.req.valid('json')), deps.clock());
    return result.ok ? c.json(toServiceJson(result.value), 201) : sendFailure(c, result);
  });

  app.openapi(list, async (c) => {
    const { id } = c.req.valid('param');
    const result = await listServices(deps.db, id, toPageRequest(c.req.valid('query')));
    return result.ok
      ? c.json(toListJson(result.value, toServiceJson), 200)
      : sendFailure(c, result);
  });

  app.openapi(update, async (c) => {
    const { id } = c.req.valid('param');
    const result = await updateService(deps.db, id, camelKeys(c.req.valid('json')));
    return result.ok ? c.json(toServiceJson(result.value), 200) : sendFailure(c, result);
  });
}
