// A local fake of the Microsoft identity platform (OAuth 2.0 v2) and Microsoft Graph calendar endpoints.
import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { DateTime, IANAZone } from 'luxon';
import { createFaultPlan, type FaultPlan, pause, playFault } from './fault-plan.ts';

export type GraphDateTimeTimeZone = { dateTime: string; timeZone: string };
export type GraphShowAs = 'free' | 'tentative' | 'busy' | 'oof' | 'workingElsewhere' | 'unknown';
export type GraphExtendedProperty = { id: string; value: string };

/** Writable event properties, as a client sends them to POST or PATCH /me/events. */
export type GraphEventInput = {
  subject?: string;
  body?: { contentType: 'text' | 'html'; content: string };
  start: GraphDateTimeTimeZone;
  end: GraphDateTimeTimeZone;
  showAs?: GraphShowAs;
  isAllDay?: boolean;
  /** Read-only over the API (ignored there); tests set it to model an organizer's cancellation. */
  isCancelled?: boolean;
  transactionId?: string | null;
  location?: { displayName: string };
  categories?: string[];
  importance?: 'low' | 'normal' | 'high';
  sensitivity?: 'normal' | 'personal' | 'private' | 'confidential';
  isReminderOn?: boolean;
  reminderMinutesBeforeStart?: number;
  singleValueExtendedProperties?: GraphExtendedProperty[];
};

type EventFields = Required<Omit<GraphEventInput, 'transactionId'>> & {
  transactionId: string | null;
};

/** An event as Graph serializes it (singleValueExtendedProperties only when $expand asks). */
export type GraphEvent = Omit<EventFields, 'singleValueExtendedProperties'> & {
  '@odata.etag': string;
  id: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  changeKey: string;
  originalStartTimeZone: string;
  originalEndTimeZone: string;
  iCalUId: string;
  bodyPreview: string;
  isOrganizer: boolean;
  type: 'singleInstance';
  webLink: string;
  singleValueExtendedProperties?: GraphExtendedProperty[];
};

export type GraphSubscription = {
  id: string;
  resource: string;
  applicationId: string;
  changeType: string;
  clientState: string | null;
  notificationUrl: string;
  lifecycleNotificationUrl: string | null;
  expirationDateTime: string;
  creatorId: string;
  includeResourceData: boolean;
  latestSupportedTlsVersion: string;
};

export type GraphConsent = {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scopes: readonly string[];
  readonly state: string | null;
  readonly granted: boolean;
};

export type GraphCall = {
  readonly method: string;
  /** Server path without the query string, e.g. '/graph/v1.0/me/events' or '/login/common/oauth2/v2.0/token'. */
  readonly path: string;
  readonly query: Record<string, string>;
  readonly hasAuthorization: boolean;
  readonly prefer: string | null;
  /** Form fields or JSON, parsed by content type; undefined when empty or malformed. */
  readonly body: unknown;
  readonly status: number;
};

export type GraphRequestInfo = {
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, string>;
};
export type GraphFailureMatch = string | ((request: GraphRequestInfo) => boolean);

export type GraphChange = {
  readonly changeType: 'created' | 'updated' | 'deleted';
  readonly resourceId: string;
};

export type FakeGraphOptions = {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Tenant segment the app must use in login URLs (default 'common'). */
  readonly tenant?: string;
  /** The fake's clock: createdDateTime, code lifetime, subscription expiry (default: real time). */
  readonly now?: () => Date;
  /** Graph allows 10 s for the subscription validation answer. */
  readonly validationTimeoutMs?: number;
  readonly userId?: string;
  readonly tenantId?: string;
  /** expires_in of access tokens (Microsoft: 3599). */
  readonly accessTokenSeconds?: number;
  /** Most entries per delta page, whatever odata.maxpagesize asks (default 10). */
  readonly pageSize?: number;
};

export type FakeGraph = {
  /** Base for `${loginUrl}/${tenant}/oauth2/v2.0/authorize` and `/token`; no trailing slash. */
  readonly loginUrl: string;
  /** Base for `${graphUrl}/v1.0/...`; no trailing slash. */
  readonly graphUrl: string;
  readonly userId: string;
  readonly tenantId: string;
  readonly calls: GraphCall[];
  readonly consents: GraphConsent[];
  /** The next authorize request redirects back with error=access_denied. */
  denyNextConsent(): void;
  /** Every refresh token issued so far answers invalid_grant. */
  revokeRefreshTokens(): void;
  /** Every access token issued so far answers 401 InvalidAuthenticationToken. */
  expireAccessTokens(): void;
  /** Every delta and skip token issued so far answers 410 SyncStateNotFound. */
  invalidateDeltaTokens(): void;
  addExternalEvent(input: GraphEventInput): GraphEvent;
  updateExternalEvent(id: string, patch: Partial<GraphEventInput>): GraphEvent;
  deleteExternalEvent(id: string): void;
  /** Live events, serialized in UTC, with their extended properties. */
  events(): GraphEvent[];
  /** Subscriptions not deleted and not expired by the fake's clock. */
  subscriptions(): GraphSubscription[];
  /** POSTs a change notification to the subscription's notificationUrl; resolves to the HTTP status. */
  notify(
    subscriptionId: string,
    change?: GraphChange,
    clientStateOverride?: string,
  ): Promise<number>;
  /** The next request matching the path prefix or predicate answers with this status (one-shot). */
  failNext(match: GraphFailureMatch, status: number): void;
  /** Statuses with Retry-After, resets and slow answers, consumed per matching request. */
  readonly faults: FaultPlan;
  close(): Promise<void>;
};

type StoredEvent = {
  readonly id: string;
  readonly iCalUId: string;
  readonly createdDateTime: string;
  readonly createdSeq: number;
  changeKey: string;
  lastModifiedDateTime: string;
  version: number;
  deleted: boolean;
  fields: EventFields;
  startMs: number;
  endMs: number;
};

type IssuedCode = {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  issuedMs: number;
  used: boolean;
};
type RefreshGrant = { scopes: string[]; revoked: boolean };
type DeltaCursor = { seq: number; startMs: number; endMs: number };
type DeltaEntry = { id: string; removed: boolean };
type DeltaPage = { entries: DeltaEntry[]; cursor: DeltaCursor };
type OutputZone = { name: string; iana: string };

type Settings = Required<Omit<FakeGraphOptions, 'accessTokenSeconds' | 'pageSize'>> &
  Pick<FakeGraphOptions, 'accessTokenSeconds' | 'pageSize'>;

type Context = {
  options: Settings;
  graphUrl: string;
  faults: FaultPlan;
  calls: GraphCall[];
  consents: GraphConsent[];
  failures: { match: GraphFailureMatch; status: number }[];
  denyNextConsent: boolean;
  codes: Map<string, IssuedCode>;
  accessTokens: Map<string, string[]>;
  refreshTokens: Map<string, RefreshGrant>;
  events: Map<string, StoredEvent>;
  seq: number;
  deltaTokens: Map<string, DeltaCursor>;
  skipTokens: Map<string, DeltaPage>;
  subscriptions: Map<string, GraphSubscription>;
};

type Request = {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: unknown;
  malformed: boolean;
};

type Reply = {
  status: number;
  json?: unknown;
  text?: string;
  headers?: Record<string, string>;
};

const GRAPH_JSON = {
  'content-type':
    'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8',
};
const GRAPH_TIME = "yyyy-MM-dd'T'HH:mm:ss.SSS'0000'";
const MAX_SUBSCRIPTION_MINUTES = 4230;
const DEFAULT_PAGE_SIZE = 10;
const CODE_LIFETIME_MS = 10 * 60_000;
const READ_SCOPES = ['calendars.read', 'calendars.readwrite'];
const WRITE_SCOPES = ['calendars.readwrite'];
const CHANGE_TYPES = ['created', 'updated', 'deleted'];
const SHOW_AS = ['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown'];
const API_READ_ONLY = new Set([
  'id',
  'iCalUId',
  'changeKey',
  'createdDateTime',
  'lastModifiedDateTime',
  'isCancelled',
  'isOrganizer',
  'type',
  'webLink',
  'bodyPreview',
  'originalStartTimeZone',
  'originalEndTimeZone',
]);
/** Windows zone names Graph accepts, mapped to IANA; IANA names are accepted as they are. */
const WINDOWS_ZONES: Record<string, string> = {
  'Pacific Standard Time': 'America/Los_Angeles',
  'Mountain Standard Time': 'America/Denver',
  'Central Standard Time': 'America/Chicago',
  'Eastern Standard Time': 'America/New_York',
  'GMT Standard Time': 'Europe/London',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Romance Standard Time': 'Europe/Paris',
  'Central Europe Standard Time': 'Europe/Budapest',
  'India Standard Time': 'Asia/Kolkata',
  'Tokyo Standard Time': 'Asia/Tokyo',
  'AUS Eastern Standard Time': 'Australia/Sydney',
  'New Zealand Standard Time': 'Pacific/Auckland',
  'Chatham Islands Standard Time': 'Pacific/Chatham',
};

const isString = (value: unknown): value is string => typeof value === 'string';
const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isDateTimeTimeZone = (value: unknown): value is GraphDateTimeTimeZone =>
  isRecord(value) && isString(value.dateTime) && isString(value.timeZone);
const oneOf = (allowed: readonly string[]) => (value: unknown) =>
  isString(value) && allowed.includes(value);

const FIELD_CHECKS: Record<string, (value: unknown) => boolean> = {
  subject: isString,
  body: (v) => isRecord(v) && oneOf(['text', 'html'])(v.contentType) && isString(v.content),
  start: isDateTimeTimeZone,
  end: isDateTimeTimeZone,
  showAs: oneOf(SHOW_AS),
  isAllDay: isBoolean,
  isCancelled: isBoolean,
  transactionId: (v) => v === null || isString(v),
  location: (v) => isRecord(v) && isString(v.displayName),
  categories: (v) => Array.isArray(v) && v.every(isString),
  importance: oneOf(['low', 'normal', 'high']),
  sensitivity: oneOf(['normal', 'personal', 'private', 'confidential']),
  isReminderOn: isBoolean,
  reminderMinutesBeforeStart: (v) => Number.isInteger(v),
  singleValueExtendedProperties: (v) =>
    Array.isArray(v) && v.every((p) => isRecord(p) && isString(p.id) && isString(p.value)),
};

/** Starts the fake on 127.0.0.1 and a free port. */
export async function startFakeGraph(options: FakeGraphOptions): Promise<FakeGraph> {
  const settings: Settings = {
    tenant: 'common',
    now: () => new Date(),
    validationTimeoutMs: 10_000,
    userId: '6e7b768e-07e2-4810-8459-485f84f8f204',
    tenantId: '84bd8158-6d4d-4958-8b9f-9d6445542f95',
    ...options,
  };
  const server = createServer((req, res) => {
    void handle(req, res, ctx).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  const ctx = createContext(settings, `${base}/graph`);
  return {
    loginUrl: `${base}/login`,
    graphUrl: ctx.graphUrl,
    ...exposeControls(ctx),
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

function createContext(options: Settings, graphUrl: string): Context {
  return {
    options,
    graphUrl,
    calls: [],
    consents: [],
    failures: [],
    faults: createFaultPlan(),
    denyNextConsent: false,
    codes: new Map(),
    accessTokens: new Map(),
    refreshTokens: new Map(),
    events: new Map(),
    seq: 0,
    deltaTokens: new Map(),
    skipTokens: new Map(),
    subscriptions: new Map(),
  };
}

function exposeControls(ctx: Context): Omit<FakeGraph, 'loginUrl' | 'graphUrl' | 'close'> {
  return {
    userId: ctx.options.userId,
    tenantId: ctx.options.tenantId,
    calls: ctx.calls,
    consents: ctx.consents,
    denyNextConsent: () => {
      ctx.denyNextConsent = true;
    },
    revokeRefreshTokens: () => {
      for (const grant of ctx.refreshTokens.values()) grant.revoked = true;
    },
    expireAccessTokens: () => ctx.accessTokens.clear(),
    invalidateDeltaTokens: () => {
      ctx.deltaTokens.clear();
      ctx.skipTokens.clear();
    },
    addExternalEvent: (input) => addExternal(ctx, input),
    updateExternalEvent: (id, patch) => updateExternal(ctx, id, patch),
    deleteExternalEvent: (id) => removeEvent(ctx, liveEvent(ctx, id)),
    events: () =>
      [...ctx.events.values()]
        .filter((event) => !event.deleted)
        .map((event) => ({
          ...serializeEvent(event, UTC),
          singleValueExtendedProperties: event.fields.singleValueExtendedProperties,
        })),
    subscriptions: () => [...ctx.subscriptions.values()].filter((s) => isActive(s, ctx)),
    notify: (id, change, override) => sendNotification(ctx, id, change, override),
    failNext: (match, status) => ctx.failures.push({ match, status }),
    faults: ctx.faults,
  };
}

// ---------------------------------------------------------------- HTTP plumbing

async function handle(req: IncomingMessage, res: ServerResponse, ctx: Context): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://fake');
  const raw = await readBody(req);
  const parsed = parseBody(raw, req.headers['content-type']);
  const request: Request = {
    method: req.method ?? '',
    url,
    headers: req.headers,
    body: parsed.body,
    malformed: parsed.malformed,
  };
  const fault = ctx.faults.take(request.method, url.pathname);
  const outcome = playFault(fault, req, res, (status, headers) =>
    writeReply(res, faultReply(request, ctx, status, headers)),
  );
  if (outcome.kind === 'answered') return;
  const reply = await route(request, ctx);
  ctx.calls.push({
    method: request.method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    hasAuthorization: req.headers.authorization !== undefined,
    prefer: headerText(req.headers.prefer),
    body: parsed.body,
    status: reply.status,
  });
  await pause(outcome.delayMs);
  if (!res.destroyed) writeReply(res, reply);
}

function writeReply(res: ServerResponse, reply: Reply): void {
  if (reply.json !== undefined) {
    res.writeHead(reply.status, {
      'content-type': 'application/json; charset=utf-8',
      ...reply.headers,
    });
    res.end(JSON.stringify(reply.json));
    return;
  }
  res.writeHead(reply.status, reply.headers);
  res.end(reply.text);
}

/** A planned fault's error, shaped as the identity platform or Graph would send it. */
function faultReply(
  request: Request,
  ctx: Context,
  status: number,
  headers: Record<string, string>,
): Reply {
  if (request.url.pathname.startsWith('/login/')) {
    const reply = aadError(status, 'temporarily_unavailable', 50196, 'Injected failure.');
    return { ...reply, headers: { ...reply.headers, ...headers } };
  }
  return graphError(status, failureCode(status), 'Injected failure.', ctx, headers);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseBody(
  raw: string,
  contentType: string | undefined,
): { body: unknown; malformed: boolean } {
  if (raw === '') return { body: undefined, malformed: false };
  if ((contentType ?? '').includes('application/x-www-form-urlencoded')) {
    return { body: Object.fromEntries(new URLSearchParams(raw)), malformed: false };
  }
  try {
    return { body: JSON.parse(raw) as unknown, malformed: false };
  } catch {
    return { body: undefined, malformed: true };
  }
}

async function route(request: Request, ctx: Context): Promise<Reply> {
  const failure = takeFailure(request, ctx);
  if (failure !== null) return failure;
  const path = request.url.pathname;
  if (path.startsWith('/login/')) return routeLogin(request, ctx);
  if (path.startsWith('/graph/')) return routeGraph(request, ctx);
  return { status: 404, text: 'Not found' };
}

function takeFailure(request: Request, ctx: Context): Reply | null {
  const info: GraphRequestInfo = {
    method: request.method,
    path: request.url.pathname,
    query: Object.fromEntries(request.url.searchParams),
  };
  const index = ctx.failures.findIndex(({ match }) =>
    typeof match === 'string' ? info.path.startsWith(match) : match(info),
  );
  const failure = ctx.failures[index];
  if (failure === undefined) return null;
  ctx.failures.splice(index, 1);
  const headers: Record<string, string> =
    failure.status === 429 || failure.status === 503 ? { 'retry-after': '1' } : {};
  if (info.path.startsWith('/login/')) {
    const reply = aadError(failure.status, 'temporarily_unavailable', 50196, 'Injected failure.');
    return { ...reply, headers: { ...reply.headers, ...headers } };
  }
  return graphError(failure.status, failureCode(failure.status), 'Injected failure.', ctx, headers);
}

function failureCode(status: number): string {
  const codes: Record<number, string> = {
    400: 'BadRequest',
    401: 'InvalidAuthenticationToken',
    403: 'ErrorAccessDenied',
    404: 'ErrorItemNotFound',
    409: 'ErrorIrresolvableConflict',
    410: 'SyncStateNotFound',
    429: 'ApplicationThrottled',
    503: 'ServiceNotAvailable',
  };
  return codes[status] ?? 'generalException';
}

// ---------------------------------------------------------------- identity platform

function routeLogin(request: Request, ctx: Context): Reply {
  const match = /^\/login\/([^/]+)\/oauth2\/v2\.0\/(authorize|token)$/.exec(request.url.pathname);
  if (match?.[1] === undefined) return { status: 404, text: 'Not found' };
  const tenant = decodeURIComponent(match[1]);
  if (tenant !== ctx.options.tenant) {
    return aadError(400, 'invalid_request', 90002, `Tenant '${tenant}' not found.`);
  }
  if (match[2] === 'authorize' && request.method === 'GET') return authorize(request.url, ctx);
  if (match[2] === 'token' && request.method === 'POST') return issueToken(request, ctx);
  return { status: 405, text: 'Method not allowed' };
}

/** Consent is granted at once (unless denied), as if the user clicked Accept. */
function authorize(url: URL, ctx: Context): Reply {
  const query = url.searchParams;
  const clientId = query.get('client_id');
  if (clientId !== ctx.options.clientId) {
    return aadPage(700016, `Application with identifier '${clientId}' was not found.`);
  }
  const redirectUri = query.get('redirect_uri');
  if (redirectUri === null || !isHttpUrl(redirectUri)) {
    return aadPage(50011, 'The redirect URI specified in the request is missing or invalid.');
  }
  const state = query.get('state');
  const back = (params: Record<string, string>) => redirectTo(redirectUri, params, state);
  if (query.get('response_type') !== 'code') {
    return back(
      oauthError('unsupported_response_type', 'AADSTS700054: response_type must be code.'),
    );
  }
  const mode = query.get('response_mode');
  if (mode !== null && mode !== 'query') {
    return back(oauthError('invalid_request', 'AADSTS90007: The fake only supports query.'));
  }
  const scopes = parseScopes(query.get('scope'));
  if (scopes.length === 0) {
    return back(oauthError('invalid_request', "AADSTS900144: Missing parameter: 'scope'."));
  }
  const granted = !ctx.denyNextConsent;
  ctx.denyNextConsent = false;
  ctx.consents.push({ clientId, redirectUri, scopes, state, granted });
  if (!granted) {
    return back(
      oauthError('access_denied', 'AADSTS65004: User declined to consent to access the app.'),
    );
  }
  const code = `M.C5${token(48)}`;
  const issuedMs = ctx.options.now().getTime();
  ctx.codes.set(code, { clientId, redirectUri, scopes, issuedMs, used: false });
  return back({ code, session_state: randomUUID() });
}

function oauthError(error: string, description: string): Record<string, string> {
  return { error, error_description: description };
}

function redirectTo(target: string, params: Record<string, string>, state: string | null): Reply {
  const location = new URL(target);
  for (const [key, value] of Object.entries(params)) location.searchParams.set(key, value);
  if (state !== null) location.searchParams.set('state', state);
  return { status: 302, headers: { location: location.toString() } };
}

/** AAD shows an error page, not a redirect, when it cannot trust the client or redirect URI. */
function aadPage(code: number, message: string): Reply {
  return {
    status: 400,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    text: `<html><body><h1>Sign in</h1><p>AADSTS${code}: ${message}</p></body></html>`,
  };
}

function aadError(status: number, error: string, code: number, message: string): Reply {
  return {
    status,
    json: {
      error,
      error_description: `AADSTS${code}: ${message} Trace ID: ${randomUUID()} Correlation ID: ${randomUUID()}`,
      error_codes: [code],
      trace_id: randomUUID(),
      correlation_id: randomUUID(),
      error_uri: `https://login.microsoftonline.com/error?code=${code}`,
    },
    headers: { 'cache-control': 'no-store, no-cache', pragma: 'no-cache' },
  };
}

/** The confidential client may authenticate with form fields or HTTP Basic, as AAD allows. */
function issueToken(request: Request, ctx: Context): Reply {
  const form = isRecord(request.body) ? request.body : {};
  const basic = parseBasic(request.headers.authorization);
  const clientId = form.client_id ?? basic?.id;
  const secret = form.client_secret ?? basic?.secret;
  if (clientId !== ctx.options.clientId) {
    return aadError(400, 'unauthorized_client', 700016, `Application '${clientId}' not found.`);
  }
  if (secret !== ctx.options.clientSecret) {
    return aadError(401, 'invalid_client', 7000215, 'Invalid client secret provided.');
  }
  if (form.grant_type === 'authorization_code') return redeemCode(form, ctx);
  if (form.grant_type === 'refresh_token') return redeemRefreshToken(form, ctx);
  return aadError(
    400,
    'unsupported_grant_type',
    70003,
    'The app requested an unsupported grant type.',
  );
}

function redeemCode(form: Record<string, unknown>, ctx: Context): Reply {
  const code = isString(form.code) ? ctx.codes.get(form.code) : undefined;
  if (code === undefined) {
    return aadError(400, 'invalid_grant', 70000, 'Provided grant is invalid or malformed.');
  }
  if (code.used) {
    return aadError(400, 'invalid_grant', 54005, 'OAuth2 Authorization code was already redeemed.');
  }
  code.used = true;
  if (ctx.options.now().getTime() - code.issuedMs > CODE_LIFETIME_MS) {
    return aadError(400, 'invalid_grant', 70008, 'The provided authorization code has expired.');
  }
  if (form.redirect_uri !== code.redirectUri) {
    return aadError(
      400,
      'invalid_grant',
      50148,
      'The redirect_uri does not match the authorize one.',
    );
  }
  return tokenResponse(code.scopes, ctx);
}

/** Microsoft rotates refresh tokens on every use; the previous one keeps working until revoked. */
function redeemRefreshToken(form: Record<string, unknown>, ctx: Context): Reply {
  const grant = isString(form.refresh_token)
    ? ctx.refreshTokens.get(form.refresh_token)
    : undefined;
  if (grant === undefined) {
    return aadError(
      400,
      'invalid_grant',
      9002313,
      'Invalid request. Request is malformed or invalid.',
    );
  }
  if (grant.revoked) {
    return aadError(
      400,
      'invalid_grant',
      50173,
      'The provided grant has expired due to it being revoked.',
    );
  }
  const asked = isString(form.scope) ? parseScopes(form.scope) : grant.scopes;
  const held = new Set(grant.scopes.map((scope) => scope.toLowerCase()));
  if (asked.some((scope) => !held.has(scope.toLowerCase()))) {
    return aadError(400, 'invalid_scope', 65001, 'The user has not consented to the scope.');
  }
  return tokenResponse(grant.scopes, ctx);
}

function tokenResponse(scopes: string[], ctx: Context): Reply {
  const accessToken = `EwB${token(96)}`;
  ctx.accessTokens.set(accessToken, scopes);
  const offline = scopes.some((scope) => scope.toLowerCase() === 'offline_access');
  const body: Record<string, unknown> = {
    token_type: 'Bearer',
    scope: scopes
      .filter((scope) => !/^(offline_access|openid|profile|email)$/i.test(scope))
      .join(' '),
    expires_in: ctx.options.accessTokenSeconds ?? 3599,
    ext_expires_in: ctx.options.accessTokenSeconds ?? 3599,
    access_token: accessToken,
  };
  if (offline) {
    const refreshToken = `M.C5_BAY.0.U.${token(96)}`;
    ctx.refreshTokens.set(refreshToken, { scopes, revoked: false });
    body.refresh_token = refreshToken;
  }
  return { status: 200, json: body, headers: { 'cache-control': 'no-store, no-cache' } };
}

function parseBasic(header: string | undefined): { id: string; secret: string } | null {
  if (header === undefined || !/^Basic /i.test(header)) return null;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return {
    id: decodeURIComponent(decoded.slice(0, colon)),
    secret: decodeURIComponent(decoded.slice(colon + 1)),
  };
}

/** Scopes without the Graph resource prefix, e.g. 'Calendars.ReadWrite'. */
function parseScopes(raw: string | null): string[] {
  return (raw ?? '')
    .split(/\s+/)
    .filter((scope) => scope !== '')
    .map((scope) => scope.replace(/^https:\/\/graph\.microsoft\.com\//i, ''));
}

// ---------------------------------------------------------------- Graph routing

type GraphHandler = (request: Request, ctx: Context, id: string) => Reply | Promise<Reply>;
type GraphRoute = { method: string; pattern: RegExp; scopes: string[]; handle: GraphHandler };

const EVENT = /^\/v1\.0\/me\/events\/([^/]+)$/i;
const SUBSCRIPTION = /^\/v1\.0\/subscriptions\/([^/]+)$/i;
const GRAPH_ROUTES: GraphRoute[] = [
  { method: 'POST', pattern: /^\/v1\.0\/me\/events$/i, scopes: WRITE_SCOPES, handle: createEvent },
  { method: 'GET', pattern: EVENT, scopes: READ_SCOPES, handle: getEvent },
  { method: 'PATCH', pattern: EVENT, scopes: WRITE_SCOPES, handle: updateEvent },
  { method: 'DELETE', pattern: EVENT, scopes: WRITE_SCOPES, handle: deleteEvent },
  {
    method: 'GET',
    pattern: /^\/v1\.0\/me\/calendarview\/delta$/i,
    scopes: READ_SCOPES,
    handle: calendarViewDelta,
  },
  {
    method: 'POST',
    pattern: /^\/v1\.0\/subscriptions$/i,
    scopes: READ_SCOPES,
    handle: createSubscription,
  },
  { method: 'GET', pattern: SUBSCRIPTION, scopes: READ_SCOPES, handle: getSubscription },
  { method: 'PATCH', pattern: SUBSCRIPTION, scopes: READ_SCOPES, handle: renewSubscription },
  { method: 'DELETE', pattern: SUBSCRIPTION, scopes: READ_SCOPES, handle: deleteSubscription },
];

async function routeGraph(request: Request, ctx: Context): Promise<Reply> {
  const path = request.url.pathname.slice('/graph'.length);
  const candidates = GRAPH_ROUTES.filter((r) => r.pattern.test(path));
  if (candidates.length === 0) {
    return graphError(400, 'BadRequest', `Resource not found for the segment '${path}'.`, ctx);
  }
  const chosen = candidates.find((r) => r.method === request.method);
  if (chosen === undefined) {
    return graphError(405, 'Request_BadRequest', 'The HTTP method is not allowed.', ctx);
  }
  const scopes = authenticate(request, ctx);
  if (scopes === null) {
    const message = request.headers.authorization
      ? 'Access token has expired or is not yet valid.'
      : 'Access token is empty.';
    return graphError(401, 'InvalidAuthenticationToken', message, ctx, {
      'www-authenticate':
        'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize"',
    });
  }
  if (!scopes.some((scope) => chosen.scopes.includes(scope.toLowerCase()))) {
    return graphError(
      403,
      'ErrorAccessDenied',
      'Access is denied. Check credentials and try again.',
      ctx,
    );
  }
  if (request.malformed) {
    return graphError(400, 'UnableToDeserializePostBody', 'Unable to deserialize the body.', ctx);
  }
  const id = decodeURIComponent(chosen.pattern.exec(path)?.[1] ?? '');
  return chosen.handle(request, ctx, id);
}

function authenticate(request: Request, ctx: Context): string[] | null {
  const header = request.headers.authorization;
  if (header === undefined || !/^Bearer /i.test(header)) return null;
  return ctx.accessTokens.get(header.slice(7).trim()) ?? null;
}

function graphError(
  status: number,
  code: string,
  message: string,
  ctx: Context,
  headers: Record<string, string> = {},
): Reply {
  const innerError = {
    date: ctx.options.now().toISOString().slice(0, 19),
    'request-id': randomUUID(),
    'client-request-id': randomUUID(),
  };
  return {
    status,
    json: { error: { code, message, innerError } },
    headers: { ...GRAPH_JSON, ...headers },
  };
}

function graphJson(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return { status, json: body, headers: { ...GRAPH_JSON, ...headers } };
}

function notFound(ctx: Context): Reply {
  return graphError(
    404,
    'ErrorItemNotFound',
    'The specified object was not found in the store.',
    ctx,
  );
}

// ---------------------------------------------------------------- events

/** A retried POST with a known transactionId answers with the event it already created. */
function createEvent(request: Request, ctx: Context): Reply {
  if (!isRecord(request.body)) {
    return graphError(400, 'UnableToDeserializePostBody', 'A JSON event body is required.', ctx);
  }
  const input = withoutReadOnly(request.body);
  const transactionId = input.transactionId;
  let event = [...ctx.events.values()].find(
    (known) => isString(transactionId) && known.fields.transactionId === transactionId,
  );
  if (event === undefined) {
    const merged = createFields(input);
    if (!merged.ok) return graphError(400, 'ErrorInvalidRequest', merged.message, ctx);
    event = insertEvent(ctx, merged);
  }
  const zone = preferences(request).zone;
  return graphJson(
    201,
    {
      '@odata.context': `${ctx.graphUrl}/v1.0/$metadata#users('${ctx.options.userId}')/events/$entity`,
      ...serializeEvent(event, zone),
    },
    { location: `${ctx.graphUrl}/v1.0/users('${ctx.options.userId}')/events('${event.id}')` },
  );
}

function getEvent(request: Request, ctx: Context, id: string): Reply {
  const event = ctx.events.get(id);
  if (event === undefined || event.deleted) return notFound(ctx);
  const serialized = serializeEvent(event, preferences(request).zone ?? UTC);
  const expand = request.url.searchParams.get('$expand');
  return graphJson(200, {
    '@odata.context': `${ctx.graphUrl}/v1.0/$metadata#users('${ctx.options.userId}')/events/$entity`,
    ...withProperties(serialized, event, expand),
  });
}

function updateEvent(request: Request, ctx: Context, id: string): Reply {
  const event = ctx.events.get(id);
  if (event === undefined || event.deleted) return notFound(ctx);
  if (!isRecord(request.body)) {
    return graphError(400, 'UnableToDeserializePostBody', 'A JSON event body is required.', ctx);
  }
  const merged = mergeEventFields(event.fields, withoutReadOnly(request.body));
  if (!merged.ok) return graphError(400, 'ErrorInvalidRequest', merged.message, ctx);
  reviseEvent(ctx, event, merged);
  return graphJson(200, serializeEvent(event, preferences(request).zone));
}

function deleteEvent(_request: Request, ctx: Context, id: string): Reply {
  const event = ctx.events.get(id);
  if (event === undefined || event.deleted) return notFound(ctx);
  removeEvent(ctx, event);
  return { status: 204 };
}

function addExternal(ctx: Context, input: GraphEventInput): GraphEvent {
  const merged = createFields(input);
  if (!merged.ok) throw new Error(`Invalid external event: ${merged.message}`);
  return serializeEvent(insertEvent(ctx, merged), UTC);
}

function updateExternal(ctx: Context, id: string, patch: Partial<GraphEventInput>): GraphEvent {
  const event = liveEvent(ctx, id);
  const merged = mergeEventFields(event.fields, patch);
  if (!merged.ok) throw new Error(`Invalid event patch: ${merged.message}`);
  reviseEvent(ctx, event, merged);
  return serializeEvent(event, UTC);
}

function liveEvent(ctx: Context, id: string): StoredEvent {
  const event = ctx.events.get(id);
  if (event === undefined || event.deleted) throw new Error(`No live event ${id}`);
  return event;
}

function withoutReadOnly(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(body).filter(([key]) => !API_READ_ONLY.has(key) && !key.startsWith('@odata.')),
  );
}

type MergedOk = { ok: true; fields: EventFields; startMs: number; endMs: number };
type Merged = MergedOk | { ok: false; message: string };

function createFields(input: Record<string, unknown>): Merged {
  if (!isDateTimeTimeZone(input.start) || !isDateTimeTimeZone(input.end)) {
    return { ok: false, message: 'start and end ({ dateTime, timeZone }) are required.' };
  }
  const defaults: EventFields = {
    subject: '',
    body: { contentType: 'text', content: '' },
    start: input.start,
    end: input.end,
    showAs: 'busy',
    isAllDay: false,
    isCancelled: false,
    transactionId: null,
    location: { displayName: '' },
    categories: [],
    importance: 'normal',
    sensitivity: 'normal',
    isReminderOn: true,
    reminderMinutesBeforeStart: 15,
    singleValueExtendedProperties: [],
  };
  return mergeEventFields(defaults, input);
}

/** PATCH semantics: given properties replace, extended properties are upserted by id. */
function mergeEventFields(base: EventFields, input: Record<string, unknown>): Merged {
  const next: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(input)) {
    const check = FIELD_CHECKS[key];
    if (check === undefined)
      return { ok: false, message: `The fake does not model property '${key}'.` };
    if (!check(value)) return { ok: false, message: `Invalid value for property '${key}'.` };
    next[key] =
      key === 'singleValueExtendedProperties'
        ? upsertProperties(base.singleValueExtendedProperties, value as GraphExtendedProperty[])
        : value;
  }
  return checkTimes(next as EventFields);
}

function upsertProperties(
  current: GraphExtendedProperty[],
  incoming: GraphExtendedProperty[],
): GraphExtendedProperty[] {
  const byId = new Map(current.map((p) => [p.id.toLowerCase(), p]));
  for (const p of incoming) byId.set(p.id.toLowerCase(), { id: p.id, value: p.value });
  return [...byId.values()];
}

function checkTimes(fields: EventFields): Merged {
  const startMs = toInstant(fields.start);
  const endMs = toInstant(fields.end);
  if (startMs === null || endMs === null) {
    return { ok: false, message: 'Invalid dateTime or unsupported timeZone in start or end.' };
  }
  if (endMs < startMs) return { ok: false, message: 'The end time is before the start time.' };
  if (fields.isAllDay && !(isMidnight(fields.start) && isMidnight(fields.end) && endMs > startMs)) {
    return { ok: false, message: 'An all-day event must start and end at midnight.' };
  }
  return { ok: true, fields, startMs, endMs };
}

function insertEvent(ctx: Context, merged: MergedOk): StoredEvent {
  ctx.seq += 1;
  const stamp = graphTimestamp(ctx.options.now().getTime());
  const event: StoredEvent = {
    id: `AAMkAGI2TG93AAA${token(64)}=`,
    iCalUId: `040000008200E00074C5B7101A82E008${randomBytes(28).toString('hex').toUpperCase()}`,
    createdDateTime: stamp,
    createdSeq: ctx.seq,
    changeKey: token(20),
    lastModifiedDateTime: stamp,
    version: ctx.seq,
    deleted: false,
    fields: merged.fields,
    startMs: merged.startMs,
    endMs: merged.endMs,
  };
  ctx.events.set(event.id, event);
  return event;
}

function reviseEvent(ctx: Context, event: StoredEvent, merged: MergedOk): void {
  ctx.seq += 1;
  event.version = ctx.seq;
  event.changeKey = token(20);
  event.lastModifiedDateTime = graphTimestamp(ctx.options.now().getTime());
  event.fields = merged.fields;
  event.startMs = merged.startMs;
  event.endMs = merged.endMs;
}

function removeEvent(ctx: Context, event: StoredEvent): void {
  ctx.seq += 1;
  event.version = ctx.seq;
  event.deleted = true;
}

/** zone null: each time in the zone it was written in, as Graph answers POST and PATCH. */
function serializeEvent(event: StoredEvent, zone: OutputZone | null): GraphEvent {
  const { singleValueExtendedProperties: _hidden, start, end, ...rest } = event.fields;
  return {
    '@odata.etag': `W/"${event.changeKey}"`,
    id: event.id,
    createdDateTime: event.createdDateTime,
    lastModifiedDateTime: event.lastModifiedDateTime,
    changeKey: event.changeKey,
    originalStartTimeZone: start.timeZone,
    originalEndTimeZone: end.timeZone,
    iCalUId: event.iCalUId,
    bodyPreview: rest.body.content.replace(/<[^>]*>/g, '').slice(0, 255),
    isOrganizer: true,
    type: 'singleInstance',
    webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(event.id)}&exvsurl=1&path=/calendar/item`,
    ...rest,
    start: serializeTime(start, event.startMs, rest.isAllDay, zone),
    end: serializeTime(end, event.endMs, rest.isAllDay, zone),
  };
}

/** Extended properties come back only through $expand=singleValueExtendedProperties($filter=id eq '...'). */
function withProperties(
  serialized: GraphEvent,
  event: StoredEvent,
  expand: string | null,
): GraphEvent {
  const all = event.fields.singleValueExtendedProperties;
  if (expand === null) return serialized;
  const match = /singleValueExtendedProperties(?:\(\$filter=id eq '([^']+)'\))?/i.exec(expand);
  if (match === null) return serialized;
  const wanted = match[1]?.toLowerCase();
  const chosen = all.filter((p) => wanted === undefined || p.id.toLowerCase() === wanted);
  return chosen.length === 0
    ? serialized
    : { ...serialized, singleValueExtendedProperties: chosen };
}

// ---------------------------------------------------------------- times

const UTC: OutputZone = { name: 'UTC', iana: 'UTC' };

function ianaZone(name: string): string | null {
  const zone = WINDOWS_ZONES[name] ?? name;
  return IANAZone.isValidZone(zone) ? zone : null;
}

function toInstant(value: GraphDateTimeTimeZone): number | null {
  const zone = ianaZone(value.timeZone);
  if (zone === null) return null;
  const parsed = DateTime.fromISO(value.dateTime, { zone });
  return parsed.isValid ? parsed.toMillis() : null;
}

function isMidnight(value: GraphDateTimeTimeZone): boolean {
  const parsed = DateTime.fromISO(value.dateTime, { zone: ianaZone(value.timeZone) ?? 'UTC' });
  return parsed.toFormat('HH:mm:ss.SSS') === '00:00:00.000';
}

/** All-day events are floating dates: midnight whatever zone the reader asks for. */
function serializeTime(
  value: GraphDateTimeTimeZone,
  ms: number,
  isAllDay: boolean,
  zone: OutputZone | null,
): GraphDateTimeTimeZone {
  const own = ianaZone(value.timeZone) ?? 'UTC';
  if (zone === null || isAllDay) {
    const local = DateTime.fromISO(value.dateTime, { zone: own }).toFormat(GRAPH_TIME);
    return { dateTime: local, timeZone: zone?.name ?? value.timeZone };
  }
  return {
    dateTime: DateTime.fromMillis(ms, { zone: zone.iana }).toFormat(GRAPH_TIME),
    timeZone: zone.name,
  };
}

function graphTimestamp(ms: number): string {
  return `${DateTime.fromMillis(ms, { zone: 'UTC' }).toFormat(GRAPH_TIME)}Z`;
}

/** Prefer may carry several preferences, in one header or comma-joined ones. */
function preferences(request: Request): { zone: OutputZone | null; maxPageSize: number | null } {
  const header = headerText(request.headers.prefer) ?? '';
  const zoneName = /outlook\.timezone\s*=\s*"([^"]+)"/i.exec(header)?.[1];
  const iana = zoneName === undefined ? null : ianaZone(zoneName);
  const size = /odata\.maxpagesize\s*=\s*(\d+)/i.exec(header)?.[1];
  return {
    zone: zoneName === undefined ? null : iana === null ? UTC : { name: zoneName, iana },
    maxPageSize: size === undefined || Number(size) < 1 ? null : Number(size),
  };
}

// ---------------------------------------------------------------- calendarView delta

function calendarViewDelta(request: Request, ctx: Context): Reply {
  const query = request.url.searchParams;
  const skip = query.get('$skiptoken');
  const delta = query.get('$deltatoken');
  let page: DeltaPage | undefined;
  if (skip !== null) page = ctx.skipTokens.get(skip);
  else if (delta !== null) page = changesSince(ctx.deltaTokens.get(delta), ctx);
  else {
    const window = parseWindow(query);
    if (window === null) {
      return graphError(
        400,
        'ErrorInvalidParameter',
        'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.',
        ctx,
      );
    }
    page = initialRound(window, ctx);
  }
  if (page === undefined) {
    return graphError(410, 'SyncStateNotFound', 'The sync state generation is not found.', ctx);
  }
  return servePage(page, request, ctx);
}

function parseWindow(query: URLSearchParams): { startMs: number; endMs: number } | null {
  const parse = (raw: string | null) => {
    if (raw === null) return null;
    const parsed = DateTime.fromISO(raw, { zone: 'UTC' });
    return parsed.isValid ? parsed.toMillis() : null;
  };
  const startMs = parse(query.get('startDateTime'));
  const endMs = parse(query.get('endDateTime'));
  return startMs === null || endMs === null || endMs <= startMs ? null : { startMs, endMs };
}

const overlaps = (event: StoredEvent, cursor: { startMs: number; endMs: number }) =>
  event.startMs < cursor.endMs && event.endMs > cursor.startMs;

function initialRound(window: { startMs: number; endMs: number }, ctx: Context): DeltaPage {
  const entries = [...ctx.events.values()]
    .filter((event) => !event.deleted && overlaps(event, window))
    .sort((a, b) => a.startMs - b.startMs)
    .map((event) => ({ id: event.id, removed: false }));
  return { entries, cursor: { seq: ctx.seq, ...window } };
}

/** Events that left the window or were deleted come back as @removed if the client could know them. */
function changesSince(cursor: DeltaCursor | undefined, ctx: Context): DeltaPage | undefined {
  if (cursor === undefined) return undefined;
  const entries: DeltaEntry[] = [];
  for (const event of ctx.events.values()) {
    if (event.version <= cursor.seq) continue;
    const visible = !event.deleted && overlaps(event, cursor);
    if (visible) entries.push({ id: event.id, removed: false });
    else if (event.createdSeq <= cursor.seq) entries.push({ id: event.id, removed: true });
  }
  return { entries, cursor: { ...cursor, seq: ctx.seq } };
}

function servePage(page: DeltaPage, request: Request, ctx: Context): Reply {
  const prefs = preferences(request);
  const size = Math.min(
    prefs.maxPageSize ?? DEFAULT_PAGE_SIZE,
    ctx.options.pageSize ?? Number.POSITIVE_INFINITY,
  );
  const zone = prefs.zone ?? UTC;
  const value = page.entries.slice(0, size).map((entry) => serializeEntry(entry, zone, ctx));
  const rest = page.entries.slice(size);
  const link = `${ctx.graphUrl}/v1.0/me/calendarView/delta`;
  const body: Record<string, unknown> = {
    '@odata.context': `${ctx.graphUrl}/v1.0/$metadata#Collection(event)`,
  };
  if (rest.length > 0) {
    const skipToken = token(32);
    ctx.skipTokens.set(skipToken, { entries: rest, cursor: page.cursor });
    body['@odata.nextLink'] = `${link}?$skiptoken=${skipToken}`;
  } else {
    const deltaToken = token(32);
    ctx.deltaTokens.set(deltaToken, page.cursor);
    body['@odata.deltaLink'] = `${link}?$deltatoken=${deltaToken}`;
  }
  body.value = value;
  const applied: Record<string, string> =
    prefs.maxPageSize === null
      ? {}
      : { 'preference-applied': `odata.maxpagesize=${prefs.maxPageSize}` };
  return graphJson(200, body, applied);
}

function serializeEntry(entry: DeltaEntry, zone: OutputZone, ctx: Context): unknown {
  const event = ctx.events.get(entry.id);
  if (entry.removed || event === undefined || event.deleted) {
    return {
      '@odata.type': '#microsoft.graph.event',
      id: entry.id,
      '@removed': { reason: 'deleted' },
    };
  }
  return serializeEvent(event, zone);
}

// ---------------------------------------------------------------- subscriptions

async function createSubscription(request: Request, ctx: Context): Promise<Reply> {
  const body = isRecord(request.body) ? request.body : {};
  const invalid = (message: string) => graphError(400, 'InvalidRequest', message, ctx);
  const changeTypes = isString(body.changeType) ? body.changeType.split(',') : [];
  if (changeTypes.length === 0 || !changeTypes.every((type) => CHANGE_TYPES.includes(type))) {
    return invalid('changeType must be a comma-separated list of created, updated, deleted.');
  }
  if (!isString(body.notificationUrl) || !isHttpUrl(body.notificationUrl)) {
    return invalid('notificationUrl must be an absolute URL.');
  }
  if (!isString(body.resource) || body.resource.replace(/^\//, '').toLowerCase() !== 'me/events') {
    return invalid("The fake only supports the resource 'me/events'.");
  }
  if (
    body.clientState !== undefined &&
    (!isString(body.clientState) || body.clientState.length > 128)
  ) {
    return invalid('clientState must be a string of at most 128 characters.');
  }
  const expiration = checkExpiration(body.expirationDateTime, ctx);
  if (typeof expiration === 'string') return invalid(expiration);
  const refusal = await validateEndpoint(body.notificationUrl, ctx);
  if (refusal !== null) return graphError(400, 'ValidationError', refusal, ctx);
  const subscription: GraphSubscription = {
    id: randomUUID(),
    resource: body.resource,
    applicationId: ctx.options.clientId,
    changeType: body.changeType as string,
    clientState: isString(body.clientState) ? body.clientState : null,
    notificationUrl: body.notificationUrl,
    lifecycleNotificationUrl: null,
    expirationDateTime: graphTimestamp(expiration),
    creatorId: ctx.options.userId,
    includeResourceData: false,
    latestSupportedTlsVersion: 'v1_2',
  };
  ctx.subscriptions.set(subscription.id, subscription);
  return graphJson(201, subscriptionBody(subscription, ctx));
}

function subscriptionBody(subscription: GraphSubscription, ctx: Context): unknown {
  return {
    '@odata.context': `${ctx.graphUrl}/v1.0/$metadata#subscriptions/$entity`,
    ...subscription,
  };
}

/** Answers the expiry in ms, or why Graph refuses it. */
function checkExpiration(value: unknown, ctx: Context): number | string {
  const parsed = isString(value) ? DateTime.fromISO(value, { zone: 'UTC' }) : null;
  if (parsed === null || !parsed.isValid)
    return 'expirationDateTime must be an ISO 8601 date-time.';
  const now = ctx.options.now().getTime();
  if (parsed.toMillis() <= now) return 'Subscription expiration must be in the future.';
  if (parsed.toMillis() > now + MAX_SUBSCRIPTION_MINUTES * 60_000) {
    return `Subscription expiration can only be ${MAX_SUBSCRIPTION_MINUTES} minutes in the future.`;
  }
  return parsed.toMillis();
}

/** Graph's handshake: POST ?validationToken=..., empty body; expects 200 text/plain echoing the token. */
async function validateEndpoint(notificationUrl: string, ctx: Context): Promise<string | null> {
  const validationToken = `Validation: Testing client application reachability for subscription Request-Id: ${randomUUID()}`;
  const separator = notificationUrl.includes('?') ? '&' : '?';
  const target = `${notificationUrl}${separator}validationToken=${encodeURIComponent(validationToken)}`;
  const failed =
    'Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.';
  try {
    const response = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body: '',
      signal: AbortSignal.timeout(ctx.options.validationTimeoutMs),
    });
    const text = await response.text();
    const plain = (response.headers.get('content-type') ?? '')
      .toLowerCase()
      .startsWith('text/plain');
    if (response.status !== 200) return failed;
    if (!plain || text !== validationToken) {
      return 'Subscription validation request failed. Response must exactly match validationToken query parameter.';
    }
    return null;
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    return timedOut ? 'Subscription validation request timed out.' : failed;
  }
}

function isActive(subscription: GraphSubscription, ctx: Context): boolean {
  return Date.parse(subscription.expirationDateTime) > ctx.options.now().getTime();
}

function activeSubscription(ctx: Context, id: string): GraphSubscription | null {
  const subscription = ctx.subscriptions.get(id);
  return subscription !== undefined && isActive(subscription, ctx) ? subscription : null;
}

function subscriptionNotFound(ctx: Context, id: string): Reply {
  return graphError(404, 'ResourceNotFound', `The object was not found: subscription ${id}.`, ctx);
}

function getSubscription(_request: Request, ctx: Context, id: string): Reply {
  const subscription = activeSubscription(ctx, id);
  if (subscription === null) return subscriptionNotFound(ctx, id);
  return graphJson(200, subscriptionBody(subscription, ctx));
}

function renewSubscription(request: Request, ctx: Context, id: string): Reply {
  const subscription = activeSubscription(ctx, id);
  if (subscription === null) return subscriptionNotFound(ctx, id);
  const body = isRecord(request.body) ? request.body : {};
  const expiration = checkExpiration(body.expirationDateTime, ctx);
  if (typeof expiration === 'string') return graphError(400, 'InvalidRequest', expiration, ctx);
  subscription.expirationDateTime = graphTimestamp(expiration);
  return graphJson(200, subscriptionBody(subscription, ctx));
}

function deleteSubscription(_request: Request, ctx: Context, id: string): Reply {
  if (activeSubscription(ctx, id) === null) return subscriptionNotFound(ctx, id);
  ctx.subscriptions.delete(id);
  return { status: 204 };
}

/** Without a change, notifies 'updated' for the most recently changed event. */
async function sendNotification(
  ctx: Context,
  subscriptionId: string,
  change: GraphChange | undefined,
  clientStateOverride: string | undefined,
): Promise<number> {
  const subscription = ctx.subscriptions.get(subscriptionId);
  if (subscription === undefined) throw new Error(`No subscription ${subscriptionId}`);
  const latest = [...ctx.events.values()].sort((a, b) => b.version - a.version)[0];
  const eventId = change?.resourceId ?? latest?.id;
  if (eventId === undefined) throw new Error('notify needs an event: pass change.resourceId');
  const resource = `Users/${ctx.options.userId}/Events/${eventId}`;
  const event = ctx.events.get(eventId);
  const clientState = clientStateOverride ?? subscription.clientState;
  const notification = {
    subscriptionId,
    subscriptionExpirationDateTime: subscription.expirationDateTime,
    changeType: change?.changeType ?? 'updated',
    resource,
    resourceData: {
      '@odata.type': '#Microsoft.Graph.Event',
      '@odata.id': resource,
      ...(event === undefined ? {} : { '@odata.etag': `W/"${event.changeKey}"` }),
      id: eventId,
    },
    ...(clientState === null ? {} : { clientState }),
    tenantId: ctx.options.tenantId,
  };
  const response = await fetch(subscription.notificationUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify({ value: [notification] }),
    signal: AbortSignal.timeout(ctx.options.validationTimeoutMs),
  });
  await response.arrayBuffer();
  return response.status;
}

// ---------------------------------------------------------------- helpers

function headerText(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : value;
}

function isHttpUrl(value: string): boolean {
  return URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);
}

function token(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}
