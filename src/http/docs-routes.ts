// The OpenAPI document and a Scalar reference page, both public so anyone can read the API.
import type { OpenAPIHono } from '@hono/zod-openapi';
import { Scalar } from '@scalar/hono-api-reference';

export const OPENAPI_PATH = '/api/openapi.json';
export const DOCS_PATH = '/api/docs';

/** Serves the document generated from the routes' own zod schemas, and the page that renders it. */
export function registerDocsRoutes(app: OpenAPIHono): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'adminToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'The admin API token',
  });
  app.doc31(OPENAPI_PATH, {
    openapi: '3.1.0',
    info: {
      title: 'Slotline API',
      version: '0.1.0',
      description: 'Providers, services, availability, slots, clients and race-free bookings.',
    },
    security: [{ adminToken: [] }],
  });
  app.get(DOCS_PATH, Scalar({ url: OPENAPI_PATH, pageTitle: 'Slotline API' }));
}
