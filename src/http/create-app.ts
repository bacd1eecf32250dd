// Builds the HTTP app: auth, routes, docs and error handling around the booking core.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps } from './app-deps.ts';
import { API_BODY_LIMIT_BYTES, limitBody, WEBHOOK_BODY_LIMIT_BYTES } from './body-limits.ts';
import { DOCS_PATH, OPENAPI_PATH, registerDocsRoutes } from './docs-routes.ts';
import { errorJson } from './error-json.ts';
import { handleError } from './handle-error.ts';
import { registerHealthRoute } from './health-route.ts';
import { requireAdmin } from './require-admin.ts';
import { registerAppointmentActionRoutes } from './routes/appointment-action-routes.ts';
import { registerAppointmentRoutes } from './routes/appointment-routes.ts';
import { registerAvailabilityRoutes } from './routes/availability-routes.ts';
import { registerCalendarRoutes } from './routes/calendar-routes.ts';
import { registerCalendarWebhookRoutes } from './routes/calendar-webhook-routes.ts';
import { registerClientRoutes } from './routes/client-routes.ts';
import { registerJobRoutes } from './routes/job-routes.ts';
import { registerLinkCodeRoutes } from './routes/link-code-routes.ts';
import { registerOAuthRoutes } from './routes/oauth-routes.ts';
import { registerOverrideRoutes } from './routes/override-routes.ts';
import { registerPaymentReturnRoute } from './routes/payment-return-route.ts';
import { registerPaymentRoutes } from './routes/payment-routes.ts';
import { registerProviderRoutes } from './routes/provider-routes.ts';
import { registerSeriesRoutes } from './routes/series-routes.ts';
import { registerServiceRoutes } from './routes/service-routes.ts';
import { registerSlotRoutes } from './routes/slot-routes.ts';
import { registerStripeWebhookRoutes } from './routes/stripe-webhook-routes.ts';
import { validationHook } from './validation-hook.ts';

/**
 * The whole HTTP API as an OpenAPIHono app; serve it with any fetch-compatible server or call
 * `app.request` in tests. Stateless: everything it needs comes in `deps`. Bad input answers 4xx
 * with `{ error: { code, message, details } }`; only faults answer 500, and those are logged.
 * Bodies over 64 KB under /api/ and over 1 MB elsewhere (routes mounted later included) are
 * refused with 413 PAYLOAD_TOO_LARGE before they are read.
 */
export function createApp(deps: AppDeps): OpenAPIHono {
  const app = new OpenAPIHono({ defaultHook: validationHook });
  // First of all, so no route (nor an adapter's, mounted later) reads an oversized body.
  const apiBody = limitBody(API_BODY_LIMIT_BYTES);
  const otherBody = limitBody(WEBHOOK_BODY_LIMIT_BYTES);
  app.use('*', (c, next) => (c.req.path.startsWith('/api/') ? apiBody : otherBody)(c, next));
  const admin = requireAdmin(deps.adminToken);
  app.use('/api/*', (c, next) =>
    c.req.path === OPENAPI_PATH || c.req.path === DOCS_PATH ? next() : admin(c, next),
  );
  registerHealthRoute(app, deps);
  registerDocsRoutes(app);
  registerProviderRoutes(app, deps);
  registerServiceRoutes(app, deps);
  registerAvailabilityRoutes(app, deps);
  registerOverrideRoutes(app, deps);
  registerSlotRoutes(app, deps);
  registerClientRoutes(app, deps);
  registerAppointmentRoutes(app, deps);
  registerAppointmentActionRoutes(app, deps);
  registerSeriesRoutes(app, deps);
  registerPaymentRoutes(app, deps);
  registerJobRoutes(app, deps);
  registerLinkCodeRoutes(app, deps);
  registerCalendarRoutes(app, deps);
  registerOAuthRoutes(app, deps);
  registerCalendarWebhookRoutes(app, deps);
  registerStripeWebhookRoutes(app, deps);
  registerPaymentReturnRoute(app, deps.defaultLanguage ?? 'en');
  app.notFound((c) =>
    c.json(
      errorJson('NOT_FOUND', `no route for ${c.req.method} ${c.req.path}`, { entity: 'route' }),
      404,
    ),
  );
  app.onError(handleError(deps.logger));
  return app;
}
