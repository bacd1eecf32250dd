// A local fake of Stripe's API on 127.0.0.1: form-encoded requests, bearer keys, idempotency, signed webhooks.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFaultPlan, type FaultPlan, pause, playFault } from './fault-plan.ts';
import {
  createSession,
  expireSessionRoute,
  type RouteContext,
  retrieveSession,
} from './stripe-checkout-routes.ts';
import { type FormFields, parseStripeForm } from './stripe-form.ts';
import {
  createRefund,
  listEvents,
  listRefunds,
  type MoneyContext,
  retrieveEvent,
  retrieveIntent,
  retrieveRefund,
} from './stripe-refund-routes.ts';
import {
  createStripeState,
  expireSession,
  type FakeEvent,
  type FakeLineItem,
  type FakePaymentIntent,
  type FakeRefund,
  type FakeSession,
  paySession,
  type StripeState,
  settleRefund,
} from './stripe-state.ts';
import { deliverWebhook, signStripePayload, type WebhookDelivery } from './stripe-webhooks.ts';
import { StripeRefusal, type StripeReply, stripeError, stripeId } from './stripe-wire.ts';

export type FakeStripeOptions = {
  /** The only key the fake accepts as `Authorization: Bearer <key>`. */
  readonly secretKey: string;
  /** Signs webhook deliveries. */
  readonly webhookSecret: string;
  /** The fake's clock: created, expires_at checks and webhook timestamps (default: real time). */
  readonly now?: () => Date;
};

/** One request as the fake saw it, after any fault. */
export type StripeCall = {
  readonly method: string;
  readonly path: string;
  /** The form fields of the body (POST) or query (GET), decoded from bracket notation. */
  readonly fields: FormFields;
  readonly rawBody: string;
  readonly idempotencyKey: string | null;
  readonly status: number;
  /** Answered from the idempotency store instead of acting again. */
  readonly replayed: boolean;
};

export type FakeStripe = {
  /** For STRIPE_API_BASE: http://127.0.0.1:PORT (Stripe's paths start at /v1). */
  readonly apiBase: string;
  readonly calls: StripeCall[];
  /** 429 (Retry-After), 500, 503, resets and slow answers, per matching request. */
  readonly faults: FaultPlan;
  /** The customer pays: intent succeeded, session complete; two events queued. */
  pay(sessionId: string): FakePaymentIntent;
  /** The session's time runs out: expired, checkout.session.expired queued. */
  expire(sessionId: string): void;
  /** Settles a pending refund; refund.updated or refund.failed queued. */
  settleRefund(refundId: string, outcome: 'succeeded' | 'failed'): FakeRefund;
  /** From now on new refunds stay 'pending' (true) or succeed at once (false, the default). */
  holdRefunds(pending: boolean): void;
  /** Lists serve at most `size` items a page (default 100), to exercise pagination. */
  setPageSize(size: number): void;
  sessions(): FakeSession[];
  lineItems(sessionId: string): FakeLineItem[];
  refunds(): FakeRefund[];
  events(): FakeEvent[];
  /** Where deliver() posts events. */
  setWebhookUrl(url: string): void;
  /**
   * Delivers every queued event to the webhook URL, oldest first; `twice` sends each one again
   * right after, `reverse` sends them newest first (out of order).
   */
  deliver(options?: { twice?: boolean; reverse?: boolean }): Promise<WebhookDelivery[]>;
  /** An event's webhook body and its Stripe-Signature at `timestamp` (default: now), unsent. */
  signed(eventId: string, timestamp?: number): { body: string; header: string };
  close(): Promise<void>;
};

type Context = {
  readonly options: FakeStripeOptions;
  readonly state: StripeState;
  readonly faults: FaultPlan;
  readonly calls: StripeCall[];
  readonly idempotency: Map<string, { fingerprint: string; reply: StripeReply }>;
  readonly money: MoneyContext;
  settings: { pageSize: number; refundsPending: boolean; webhookUrl: string | null };
};

/** Starts the fake on 127.0.0.1 and a free port. */
export async function startFakeStripe(options: FakeStripeOptions): Promise<FakeStripe> {
  let ctx: Context | undefined;
  const server = createServer((req, res) => {
    if (ctx === undefined) return void res.destroy();
    void handle(req, res, ctx).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const apiBase = `http://127.0.0.1:${port}`;
  ctx = createContext(options, apiBase);
  return {
    apiBase,
    ...controls(ctx),
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

function createContext(options: FakeStripeOptions, baseUrl: string): Context {
  const state = createStripeState();
  const now = options.now ?? (() => new Date());
  const route: RouteContext = {
    state,
    baseUrl,
    apiVersion: '2026-01-28.clover',
    nowSeconds: () => Math.floor(now().getTime() / 1000),
  };
  const ctx: Context = {
    options,
    state,
    faults: createFaultPlan(),
    calls: [],
    idempotency: new Map(),
    settings: { pageSize: 100, refundsPending: false, webhookUrl: null },
    money: {
      ...route,
      refundsPending: () => ctx.settings.refundsPending,
      maxPageSize: () => ctx.settings.pageSize,
    },
  };
  return ctx;
}

function controls(ctx: Context): Omit<FakeStripe, 'apiBase' | 'close'> {
  const at = () => ({ created: ctx.money.nowSeconds(), apiVersion: ctx.money.apiVersion });
  return {
    calls: ctx.calls,
    faults: ctx.faults,
    pay: (sessionId) => paySession(ctx.state, sessionId, at()),
    expire: (sessionId) => {
      const session = ctx.state.sessions.get(sessionId);
      if (session?.status !== 'open') throw new Error(`session ${sessionId} is not open`);
      expireSession(ctx.state, session, at());
    },
    settleRefund: (refundId, outcome) => settleRefund(ctx.state, refundId, outcome, at()),
    holdRefunds: (pending) => {
      ctx.settings.refundsPending = pending;
    },
    setPageSize: (size) => {
      ctx.settings.pageSize = size;
    },
    sessions: () => [...ctx.state.sessions.values()],
    lineItems: (sessionId) => ctx.state.lineItems.get(sessionId) ?? [],
    refunds: () => [...ctx.state.refunds.values()],
    events: () => [...ctx.state.events],
    setWebhookUrl: (url) => {
      ctx.settings.webhookUrl = url;
    },
    deliver: (options) => deliverQueued(ctx, options ?? {}),
    signed: (eventId, timestamp) => {
      const event = ctx.state.events.find((e) => e.id === eventId);
      if (event === undefined) throw new Error(`no event ${eventId}`);
      const body = JSON.stringify(event, null, 2);
      const t = timestamp ?? ctx.money.nowSeconds();
      return { body, header: signStripePayload(ctx.options.webhookSecret, body, t) };
    },
  };
}

async function deliverQueued(
  ctx: Context,
  options: { twice?: boolean; reverse?: boolean },
): Promise<WebhookDelivery[]> {
  const url = ctx.settings.webhookUrl;
  if (url === null) throw new Error('no webhook URL: call setWebhookUrl first');
  const queued = ctx.state.undelivered.splice(0);
  const order = options.reverse ? queued.reverse() : queued;
  const deliveries: WebhookDelivery[] = [];
  for (const event of order) {
    const times = options.twice ? 2 : 1;
    for (let i = 0; i < times; i += 1) {
      const secret = ctx.options.webhookSecret;
      deliveries.push(await deliverWebhook(url, secret, event, ctx.money.nowSeconds()));
    }
  }
  return deliveries;
}

// ---------------------------------------------------------------- HTTP plumbing

type Request = {
  readonly method: string;
  readonly path: string;
  readonly rawBody: string;
  readonly fields: FormFields;
  readonly idempotencyKey: string | null;
};

async function handle(req: IncomingMessage, res: ServerResponse, ctx: Context): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://fake');
  const rawBody = await readBody(req);
  const method = req.method ?? 'GET';
  const fault = ctx.faults.take(method, url.pathname);
  const outcome = playFault(fault, req, res, (status, headers) =>
    writeReply(res, faultReply(status, headers)),
  );
  if (outcome.kind === 'answered') return;
  const key = req.headers['idempotency-key'];
  const parsed = parseRequest(method, url, rawBody, typeof key === 'string' ? key : null);
  const reply = parsed instanceof StripeRefusal ? parsed.reply : serve(ctx, req, parsed);
  const replayed = reply.headers?.['idempotent-replayed'] === 'true';
  if (!(parsed instanceof StripeRefusal)) {
    ctx.calls.push({ ...parsed, status: reply.status, replayed });
  }
  // A slow answer is served first and answered late: a client that gave up never hears of it.
  await pause(outcome.delayMs);
  writeReply(res, reply);
}

function parseRequest(
  method: string,
  url: URL,
  rawBody: string,
  idempotencyKey: string | null,
): Request | StripeRefusal {
  try {
    const form = method === 'GET' ? url.search.slice(1) : rawBody;
    return { method, path: url.pathname, rawBody, fields: parseStripeForm(form), idempotencyKey };
  } catch (error) {
    return new StripeRefusal(
      stripeError(400, 'invalid_request_error', String((error as Error).message), {
        shouldRetry: false,
      }),
    );
  }
}

/** Authenticates, then answers through the idempotency store (POSTs with a key) or the route. */
function serve(ctx: Context, req: IncomingMessage, request: Request): StripeReply {
  const denied = authenticate(ctx, req.headers.authorization);
  if (denied !== null) return denied;
  if (request.method !== 'POST' || request.idempotencyKey === null) return route(ctx, request);
  if (request.idempotencyKey.length > 255) {
    return stripeError(400, 'invalid_request_error', 'Idempotency-Key is too long', {
      shouldRetry: false,
    });
  }
  const fingerprint = `${request.method} ${request.path} ${request.rawBody}`;
  const stored = ctx.idempotency.get(request.idempotencyKey);
  if (stored !== undefined) {
    if (stored.fingerprint === fingerprint) {
      return {
        ...stored.reply,
        headers: { ...stored.reply.headers, 'idempotent-replayed': 'true' },
      };
    }
    return stripeError(
      400,
      'idempotency_error',
      `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${request.idempotencyKey}' if you meant to execute a different request.`,
      { shouldRetry: false },
    );
  }
  const reply = route(ctx, request);
  // Stripe saves a result only once the endpoint ran; a refused validation is not saved.
  if (reply.status < 400) ctx.idempotency.set(request.idempotencyKey, { fingerprint, reply });
  return reply;
}

function authenticate(ctx: Context, authorization: string | undefined): StripeReply | null {
  if (authorization === `Bearer ${ctx.options.secretKey}`) return null;
  const message =
    authorization === undefined
      ? 'You did not provide an API key.'
      : `Invalid API Key provided: ${authorization.replace(/^Bearer\s+/, '').slice(0, 8)}****`;
  return stripeError(401, 'invalid_request_error', message, { shouldRetry: false });
}

function route(ctx: Context, request: Request): StripeReply {
  try {
    return { status: 200, body: dispatch(ctx, request) };
  } catch (error) {
    if (error instanceof StripeRefusal) return error.reply;
    throw error;
  }
}

const CHECKOUT = /^\/v1\/checkout\/sessions\/([^/]+)$/;
const EXPIRE = /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/;
const BY_ID = /^\/v1\/(payment_intents|refunds|events)\/([^/]+)$/;

function dispatch(ctx: Context, { method, path, fields }: Request): unknown {
  const m = ctx.money;
  if (method === 'POST' && path === '/v1/checkout/sessions') return createSession(m, fields);
  if (method === 'POST' && path === '/v1/refunds') return createRefund(m, fields);
  if (method === 'GET' && path === '/v1/refunds') return listRefunds(m, fields);
  if (method === 'GET' && path === '/v1/events') return listEvents(m, fields);
  const expire = EXPIRE.exec(path);
  if (method === 'POST' && expire?.[1]) return expireSessionRoute(m, expire[1]);
  const session = CHECKOUT.exec(path);
  if (method === 'GET' && session?.[1]) {
    return expandIntent(m, retrieveSession(m, session[1]), fields);
  }
  const byId = BY_ID.exec(path);
  if (method === 'GET' && byId?.[2]) {
    if (byId[1] === 'payment_intents') return retrieveIntent(m, byId[2]);
    if (byId[1] === 'refunds') return retrieveRefund(m, byId[2]);
    return retrieveEvent(m, byId[2]);
  }
  throw new StripeRefusal(
    stripeError(404, 'invalid_request_error', `Unrecognized request URL (${method}: ${path}).`, {
      shouldRetry: false,
    }),
  );
}

/** The session with its PaymentIntent object in place of the id when `expand` names it. */
function expandIntent(m: Context['money'], session: FakeSession, fields: FormFields): unknown {
  const expand = fields.expand;
  const wanted = Array.isArray(expand) ? expand : [expand];
  if (!wanted.includes('payment_intent') || session.payment_intent === null) return session;
  return { ...session, payment_intent: retrieveIntent(m, session.payment_intent) };
}

/**
 * A fault's answer as Stripe gives it. 429 is a rate limit (code rate_limit) without
 * Stripe-Should-Retry, so the SDK leaves the retry to the caller; 500 and 503 carry no header
 * either (the request never ran, so nothing was saved under its key) and the SDK retries them.
 */
function faultReply(status: number, headers: Record<string, string>): StripeReply {
  if (status === 429) {
    return stripeError(
      429,
      'invalid_request_error',
      'Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.',
      { code: 'rate_limit', headers },
    );
  }
  const message =
    status === 503 ? 'Stripe is temporarily unavailable.' : 'An unknown error occurred';
  return stripeError(status, 'api_error', message, { headers });
}

function writeReply(res: ServerResponse, reply: StripeReply): void {
  if (res.destroyed) return;
  const body = JSON.stringify(reply.body, null, 2);
  res.writeHead(reply.status, {
    'content-type': 'application/json',
    'request-id': stripeId('req'),
    ...reply.headers,
  });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
