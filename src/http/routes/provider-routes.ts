// Provider routes: create, list, read and update.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { createProvider } from '../../catalog/create-provider.ts';
import { getProvider } from '../../catalog/get-provider.ts';
import { listProviders } from '../../catalog/list-providers.ts';
import { updateProvider } from '../../catalog/update-provider.ts';
import type { AppDeps } from '../app-deps.ts';
import { emptyJsonBody } from '../empty-json-body.ts';
import { sendFailure } from '../failure-response.ts';
import { camelKeys } from '../input/camel-keys.ts';
import { IdParam } from '../input/common-input.ts';
import { PagingQuery, toPageRequest } from '../input/paging-input.ts';
import { CreateProviderBody, UpdateProviderBody } from '../input/provider-input.ts';
import { listJson, toListJson } from '../json/list-json.ts';
import { ProviderJson, toProviderJson } from '../json/provider-json.ts';
import { errorResponses, jsonBody, jsonResponse, optionalJsonBody } from '../openapi-responses.ts';

const tags = ['Providers'];

const create = createRoute({
  method: 'post',
  path: '/api/providers',
  tags,
  summary: 'Create a provider',
  request: {
    body: jsonBody(CreateProviderBody),
  },
  responses: { 201: jsonResponse(ProviderJson, 'The new provider'), ...errorResponses(400) },
});

const list = createRoute({
  method: 'get',
  path: '/api/providers',
  tags,
  summary: 'List providers, oldest first',
  request: { query: PagingQuery },
  responses: {
    200: jsonResponse(listJson(ProviderJson, 'ProviderList'), 'One page of providers'),
    ...errorResponses(400),
  },
});

const read = createRoute({
  method: 'get',
  path: '/api/providers/{id}',
  tags,
  summary: 'Get a provider',
  request: { params: IdParam },
  responses: { 200: jsonResponse(ProviderJson, 'The provider'), ...errorResponses(404) },
});

const update = createRoute({
  method: 'patch',
  path: '/api/providers/{id}',
  tags,
  summary: 'Change some fields of a provider; the body may be empty',
  middleware: [emptyJsonBody] as const,
  request: {
    params: IdParam,
    body: optionalJsonBody(UpdateProviderBody),
  },
  responses: {
    200: jsonResponse(ProviderJson, 'The updated provider'),
    ...errorResponses(400, 404),
  },
});

export function registerProviderRoutes(app: OpenAPIHono, deps: AppDeps): void {
  app.openapi(create, async (c) => {
    const result = await createProvider(deps.db, camelKeys(c.req.valid('json')), deps.clock());
    return result.ok ? c.json(toProviderJson(result.value), 201) : sendFailure(c, result);
  });

  app.openapi(list, async (c) => {
    const result = await listProviders(deps.db, toPageRequest(c.req.valid('query')));
    return result.ok
      ? c.json(toListJson(result.value, toProviderJson), 200)
      : sendFailure(c, result);
  });

  app.openapi(read, async (c) => {
    const result = await getProvider(deps.db, c.req.valid('param').id);
    return result.ok ? c.json(toProviderJson(result.value), 200) : sendFailure(c, result);
  });

  app.openapi(update, async (c) => {
    const { id } = c.req.valid('param');
    const result = await updateProvider(deps.db, id, camelKeys(c.req.valid('json')), deps.clock());
    return result.ok ? c.json(toProviderJson(result.value), 200) : sendFailure(c, result);
  });
}
