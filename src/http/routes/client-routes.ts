// Client routes: register, list, read, update, and lift a no-show lockout.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { createClient } from '../../catalog/create-client.ts';
import { getClient } from '../../catalog/get-client.ts';
import { liftNoShowLockout } from '../../catalog/lift-no-show-lockout.ts';
import { listClients } from '../../catalog/list-clients.ts';
import { updateClient } from '../../catalog/update-client.ts';
import type { AppDeps } from '../app-deps.ts';
import { emptyJsonBody } from '../empty-json-body.ts';
import { sendFailure } from '../failure-response.ts';
import { camelKeys } from '../input/camel-keys.ts';
import { CreateClientBody, UpdateClientBody } from '../input/client-input.ts';
import { IdParam } from '../input/common-input.ts';
import { PagingQuery, toPageRequest } from '../input/paging-input.ts';
import { ClientJson, toClientJson } from '../json/client-json.ts';
import { listJson, toListJson } from '../json/list-json.ts';
import { errorResponses, jsonBody, jsonResponse, optionalJsonBody } from '../openapi-responses.ts';

const tags = ['Clients'];

const create = createRoute({
  method: 'post',
  path: '/api/clients',
  tags,
  summary: 'Register a client',
  request: {
    body: jsonBody(CreateClientBody),
  },
  responses: { 201: jsonResponse(ClientJson, 'The new client'), ...errorResponses(400) },
});

const list = createRoute({
  method: 'get',
  path: '/api/clients',
  tags,
  summary: 'List clients, oldest first, with no-show count and lockout',
  request: { query: PagingQuery },
  responses: {
    200: jsonResponse(listJson(ClientJson, 'ClientList'), 'One page of clients'),
    ...errorResponses(400),
  },
});

const read = createRoute({
  method: 'get',
  path: '/api/clients/{id}',
  tags,
  summary: 'Get a client, with no-show count and lockout',
  request: { params: IdParam },
  responses: { 200: jsonResponse(ClientJson, 'The client'), ...errorResponses(404) },
});

const update = createRoute({
  method: 'patch',
  path: '/api/clients/{id}',
  tags,
  summary: 'Change some fields of a client; the body may be empty',
  middleware: [emptyJsonBody] as const,
  request: {
    params: IdParam,
    body: optionalJsonBody(UpdateClientBody),
  },
  responses: {
    200: jsonResponse(ClientJson, 'The updated client'),
    ...errorResponses(400, 404),
  },
});

const lift = createRoute({
  method: 'post',
  path: '/api/clients/{id}/lift-lockout',
  tags,
  summary: 'Let a locked-out client book same-day again',
  request: { params: IdParam },
  responses: {
    200: jsonResponse(ClientJson, 'The client, lockout cleared'),
    ...errorResponses(404),
  },
});

export function registerClientRoutes(app: OpenAPIHono, deps: AppDeps): void {
  app.openapi(create, async (c) => {
    const result = await createClient(deps.db, camelKeys(c.req.valid('json')), deps.clock());
    return result.ok ? c.json(toClientJson(result.value), 201) : sendFailure(c, result);
  });

  app.openapi(list, async (c) => {
    const result = await listClients(deps.db, toPageRequest(c.req.valid('query')));
    return result.ok ? c.json(toListJson(result.value, toClientJson), 200) : sendFailure(c, result);
  });

  app.openapi(read, async (c) => {
    const result = await getClient(deps.db, c.req.valid('param').id);
    return result.ok ? c.json(toClientJson(result.value), 200) : sendFailure(c, result);
  });

  app.openapi(update, async (c) => {
    const { id } = c.req.valid('param');
    const result = await updateClient(deps.db, id, camelKeys(c.req.valid('json')));
    return result.ok ? c.json(toClientJson(result.value), 200) : sendFailure(c, result);
  });

  app.openapi(lift, async (c) => {
    const result = await liftNoShowLockout(deps.db, c.req.valid('param').id);
    return result.ok ? c.json(toClientJson(result.value), 200) : sendFailure(c, result);
  });
}
