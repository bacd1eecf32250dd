// A local fake of Google's OAuth consent and token endpoints and Calendar API v3 events, channels and sync.
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { calendar_v3 } from '@googleapis/calendar';
import { createFaultPlan, type FaultPlan, pause, playFault } from './fault-plan.ts';

export type GoogleEvent = calendar_v3.Schema$Event;
export type FakeGoogleEvent = GoogleEvent & { id: string };

export type GoogleCall = {
  readonly method: string;
  /** Path without the query string. */
  readonly path: string;
  readonly query: Record<string, string>;
  /** JSON or form fields, parsed by content type. */
  readonly body: Record<string, unknown>;
  readonly status: number;
};

export type GoogleChannel = {
  readonly id: string;
  readonly resourceId: string;
  readonly resourceUri: string;
  readonly calendarId: string;
  readonly address: string;
  readonly token: string | null;
  /** Milliseconds since the epoch. */
  readonly expiration: number;
};

export type FailureMatch = string | ((call: { method: string; path: string }) => boolean);

export type FakeGoogle = {
  /** Pass as `rootUrl` to `calendar({ version: 'v3', rootUrl })`; ends with '/'. */
  readonly rootUrl: string;
  /** Consent page, for `endpoints.oauth2AuthBaseUrl`. */
  readonly authUrl: string;
  /** Token endpoint, for `endpoints.oauth2TokenUrl`. */
  readonly tokenUrl: string;
  /** Every request, oldest first. */
  readonly calls: GoogleCall[];
  /** Query of every consent request, oldest first. */
  readonly consents: Record<string, string>[];
  readonly issuedAccessTokens: string[];
  readonly issuedRefreshTokens: string[];
  /** grant_type of every token request, oldest first. */
  readonly tokenCalls: string[];
  /** The next consent redirects with error=access_denied, as when the user clicks Cancel. */
  denyNextConsent(): void;
  /** The user removed the app's access: every refresh and access token issued so far stops working. */
  revokeRefreshTokens(): void;
  /** Every access token issued so far answers 401; refresh tokens keep working. */
  expireAccessTokens(): void;
  /** The next request matching a path prefix or predicate answers `status` (queued, one each). */
  failNext(match: FailureMatch, status: number): void;
  /** Statuses with Retry-After, resets and slow answers, consumed per matching request. */
  readonly faults: FaultPlan;
  /** Acting as the owner in Google Calendar: the event gets a new id unless one is given. */
  addExternalEvent(calendarId: string, event: GoogleEvent): FakeGoogleEvent;
  updateExternalEvent(calendarId: string, id: string, patch: GoogleEvent): FakeGoogleEvent;
  deleteExternalEvent(calendarId: string, id: string): void;
  /** All events of the calendar, cancelled ones included, in creation order (copies). */
  events(calendarId: string): FakeGoogleEvent[];
  /** Every sync token handed out so far answers 410 fullSyncRequired. */
  invalidateSyncTokens(): void;
  /** Open (not stopped) channels. */
  channels(): GoogleChannel[];
  /**
   * POSTs a push notification to the channel's address; resolves with the HTTP status. With
   * `messageNumber` the notification carries that number (a duplicate or a late one) instead of
   * the next.
   */
  notify(
    channelId: string,
    state?: 'sync' | 'exists' | 'not_exists',
    messageNumber?: number,
  ): Promise<number>;
  close(): Promise<void>;
};

export type FakeGoogleOptions = {
  readonly clientId: string;
  readonly clientSecret: string;
  /** expires_in of access tokens (Google: 3599). */
  readonly accessTokenSeconds?: number;
  /** Most events per list page, whatever maxResults asks (Google allows up to 2500). */
  readonly pageSize?: number;
};

type Stored = { event: FakeGoogleEvent; seq: number; order: number };
type Cursor = { calendarId: string; ids: string[]; snapshot: number; incremental: boolean };
type Grant = { redirectUri: string; scope: string };
type Failure = { match: FailureMatch; status: number };
type OpenChannel = GoogleChannel & { messageNumber: number };

type State = {
  options: FakeGoogleOptions;
  calls: GoogleCall[];
  consents: Record<string, string>[];
  denyConsent: boolean;
  codes: Map<string, Grant>;
  accessTokens: Set<string>;
  refreshTokens: Map<string, Grant>;
  issuedAccess: string[];
  issuedRefresh: string[];
  tokenCalls: string[];
  calendars: Map<string, Map<string, Stored>>;
  /** Bumped on every event change; sync tokens remember the value they were issued at. */
  seq: number;
  order: number;
  syncTokens: Map<string, { calendarId: string; seq: number }>;
  pageTokens: Map<string, Cursor>;
  channels: Map<string, OpenChannel>;
  failures: Failure[];
  faults: FaultPlan;
  meetCount: number;
};

type Reply = { status: number; body?: unknown; headers?: Record<string, string> };

const AUTH_PATH = '/o/oauth2/v2/auth';
const TOKEN_PATH = '/token';
const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ALREADY_EXISTS',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

/**
 * Starts the fake on 127.0.0.1 and a free port. Simplifications: calendars are keyed by the id as
 * given ('primary' is not aliased to an email); recurring events are not expanded (singleEvents is
 * accepted and ignored); all-day dates count as UTC midnight for timeMin/timeMax; watch does not
 * send the initial 'sync' notification by itself (call notify(id, 'sync')); tokens never expire by
 * time, only through expireAccessTokens/revokeRefreshTokens.
 */
export async function startFakeGoogle(options: FakeGoogleOptions): Promise<FakeGoogle> {
  const state = newState(options);
  const server = createServer((req, res) => {
    void answer(req, res, state).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    rootUrl: `${base}/`,
    authUrl: `${base}${AUTH_PATH}`,
    tokenUrl: `${base}${TOKEN_PATH}`,
    calls: state.calls,
    consents: state.consents,
    issuedAccessTokens: state.issuedAccess,
    issuedRefreshTokens: state.issuedRefresh,
    tokenCalls: state.tokenCalls,
    ...controls(state),
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

function newState(options: FakeGoogleOptions): State {
  return {
    options,
    calls: [],
    consents: [],
    denyConsent: false,
    codes: new Map(),
    accessTokens: new Set(),
    refreshTokens: new Map(),
    issuedAccess: [],
    issuedRefresh: [],
    tokenCalls: [],
    calendars: new Map(),
    seq: 0,
    order: 0,
    syncTokens: new Map(),
    pageTokens: new Map(),
    channels: new Map(),
    failures: [],
    faults: createFaultPlan(),
    meetCount: 0,
  };
}

function controls(state: State) {
  return {
    denyNextConsent: () => {
      state.denyConsent = true;
    },
    revokeRefreshTokens: () => {
      state.refreshTokens.clear();
      state.accessTokens.clear();
    },
    expireAccessTokens: () => state.accessTokens.clear(),
    failNext: (match: FailureMatch, status: number) => {
      state.failures.push({ match, status });
    },
    faults: state.faults,
    addExternalEvent: (calendarId: string, event: GoogleEvent) =>
      copy(createEvent(state, calendarId, event).event),
    updateExternalEvent: (calendarId: string, id: string, patch: GoogleEvent) =>
      copy(changeEvent(state, mustFind(state, calendarId, id), merge(patch)).event),
    deleteExternalEvent: (calendarId: string, id: string) => {
      changeEvent(state, mustFind(state, calendarId, id), cancel);
    },
    events: (calendarId: string) => sortedEvents(state, calendarId).map((s) => copy(s.event)),
    invalidateSyncTokens: () => state.syncTokens.clear(),
    channels: (): GoogleChannel[] =>
      [...state.channels.values()].map(({ messageNumber: _n, ...channel }) => channel),
    notify: (
      channelId: string,
      resourceState: 'sync' | 'exists' | 'not_exists' = 'exists',
      messageNumber?: number,
    ) => notify(state, channelId, resourceState, messageNumber),
  };
}

async function answer(req: IncomingMessage, res: ServerResponse, state: State): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://fake');
  const method = req.method ?? '';
  const raw = await readBody(req);
  const body = parseBody(raw, req.headers['content-type'] ?? '');
  const fault = state.faults.take(method, url.pathname);
  const outcome = playFault(fault, req, res, (status, headers) =>
    writeReply(res, { ...googleError(status, faultReason(status), 'Backend Error'), headers }),
  );
  if (outcome.kind === 'answered') {
    const query = Object.fromEntries(url.searchParams);
    state.calls.push({ method, path: url.pathname, query, body: body ?? {}, status: 0 });
    return;
  }
  const reply =
    body === undefined
      ? googleError(400, 'parseError', 'Parse Error')
      : (takeFailure(state, method, url.pathname) ?? route(req, method, url, body, state));
  const query = Object.fromEntries(url.searchParams);
  state.calls.push({ method, path: url.pathname, query, body: body ?? {}, status: reply.status });
  await pause(outcome.delayMs);
  if (!res.destroyed) writeReply(res, reply);
}

function writeReply(res: ServerResponse, reply: Reply): void {
  if (reply.body === undefined) {
    res.writeHead(reply.status, reply.headers ?? {}).end();
    return;
  }
  res.writeHead(reply.status, {
    'content-type': 'application/json; charset=UTF-8',
    ...reply.headers,
  });
  res.end(JSON.stringify(reply.body));
}

function faultReason(status: number): string {
  return status === 429 ? 'rateLimitExceeded' : 'backendError';
}

function takeFailure(state: State, method: string, path: string): Reply | undefined {
  const index = state.failures.findIndex(({ match }) =>
    typeof match === 'string' ? path.startsWith(match) : match({ method, path }),
  );
  const failure = state.failures[index];
  if (failure === undefined) return undefined;
  state.failures.splice(index, 1);
  const reasons: Record<number, string> = { 403: 'rateLimitExceeded', 429: 'rateLimitExceeded' };
  return googleError(failure.status, reasons[failure.status] ?? 'backendError', 'Backend Error');
}

function route(
  req: IncomingMessage,
  method: string,
  url: URL,
  body: Record<string, unknown>,
  state: State,
): Reply {
  if (method === 'GET' && url.pathname === AUTH_PATH) return consent(url, state);
  if (method === 'POST' && url.pathname === TOKEN_PATH) {
    return issueTokens(req.headers.authorization ?? null, body, state);
  }
  if (!url.pathname.startsWith('/calendar/v3/')) return googleError(404, 'notFound', 'Not Found');
  const auth = req.headers.authorization ?? '';
  if (!auth.startsWith('Bearer ') || !state.accessTokens.has(auth.slice(7))) {
    return googleError(
      401,
      'authError',
      'Request had invalid authentication credentials. Expected OAuth 2 access token.',
      { location: 'Authorization', locationType: 'header' },
    );
  }
  if (method === 'POST' && url.pathname === '/calendar/v3/channels/stop') {
    return stopChannel(body, state);
  }
  const match = /^\/calendar\/v3\/calendars\/([^/]+)\/events(?:\/([^/]+))?$/.exec(url.pathname);
  const calendarId = match?.[1] === undefined ? undefined : decodeURIComponent(match[1]);
  if (calendarId === undefined) return googleError(404, 'notFound', 'Not Found');
  const eventId = match?.[2] === undefined ? undefined : decodeURIComponent(match[2]);
  return routeEvents(method, calendarId, eventId, url, body, state);
}

function routeEvents(
  method: string,
  calendarId: string,
  eventId: string | undefined,
  url: URL,
  body: Record<string, unknown>,
  state: State,
): Reply {
  const event = body as GoogleEvent;
  if (eventId === undefined) {
    if (method === 'GET') return listEvents(state, calendarId, url.searchParams);
    if (method === 'POST') return insertEvent(state, calendarId, event, url.searchParams);
  } else if (eventId === 'watch' && method === 'POST') {
    return watchEvents(state, calendarId, body);
  } else {
    const stored = state.calendars.get(calendarId)?.get(eventId);
    if (stored === undefined) return googleError(404, 'notFound', 'Not Found');
    if (method === 'GET') return { status: 200, body: stored.event };
    if (method === 'DELETE') return deleteEvent(state, stored);
    if (method === 'PATCH' || method === 'PUT') {
      return modifyEvent(state, stored, event, url.searchParams, method === 'PATCH');
    }
  }
  return googleError(405, 'httpMethodNotAllowed', 'Method Not Allowed');
}

// ---- OAuth -----------------------------------------------------------------------------------

function consent(url: URL, state: State): Reply {
  const query = Object.fromEntries(url.searchParams);
  state.consents.push(query);
  if (query.client_id !== state.options.clientId) {
    return {
      status: 400,
      body: { error: 'invalid_client', error_description: 'OAuth client was not found.' },
    };
  }
  const missing = ['redirect_uri', 'scope'].filter((name) => !query[name]);
  if (query.redirect_uri && !URL.canParse(query.redirect_uri)) missing.push('a valid redirect_uri');
  if (missing.length > 0 || query.response_type !== 'code') {
    const problem =
      missing.length > 0 ? `Missing ${missing.join(', ')}` : 'response_type must be code';
    return { status: 400, body: { error: 'invalid_request', error_description: problem } };
  }
  const redirectUri = query.redirect_uri ?? '';
  const location = new URL(redirectUri);
  if (state.denyConsent) {
    state.denyConsent = false;
    location.searchParams.set('error', 'access_denied');
  } else {
    const code = `4/0A${randomToken(30)}`;
    state.codes.set(code, { redirectUri, scope: query.scope ?? '' });
    location.searchParams.set('code', code);
    location.searchParams.set('scope', query.scope ?? '');
  }
  if (query.state !== undefined) location.searchParams.set('state', query.state);
  return { status: 302, headers: { location: location.href }, body: undefined };
}

function issueTokens(
  authorization: string | null,
  body: Record<string, unknown>,
  state: State,
): Reply {
  const grantType = String(body.grant_type ?? '');
  state.tokenCalls.push(grantType);
  if (!clientAuthenticated(authorization, body, state.options)) {
    return { status: 401, body: { error: 'invalid_client', error_description: 'Unauthorized' } };
  }
  if (grantType === 'authorization_code') {
    const grant = state.codes.get(String(body.code ?? ''));
    if (grant === undefined) return invalidGrant('Malformed auth code.');
    if (grant.redirectUri !== body.redirect_uri) {
      return {
        status: 400,
        body: { error: 'redirect_uri_mismatch', error_description: 'Bad Request' },
      };
    }
    state.codes.delete(String(body.code));
    const refreshToken = `1//0g${randomToken(40)}`;
    state.refreshTokens.set(refreshToken, grant);
    state.issuedRefresh.push(refreshToken);
    return {
      status: 200,
      body: { ...accessTokenBody(state, grant.scope), refresh_token: refreshToken },
    };
  }
  if (grantType === 'refresh_token') {
    const grant = state.refreshTokens.get(String(body.refresh_token ?? ''));
    if (grant === undefined) return invalidGrant('Token has been expired or revoked.');
    return { status: 200, body: accessTokenBody(state, grant.scope) };
  }
  return {
    status: 400,
    body: { error: 'unsupported_grant_type', error_description: 'Invalid grant_type: ' },
  };
}

/** Google takes client credentials from HTTP Basic or the form body. */
function clientAuthenticated(
  authorization: string | null,
  body: Record<string, unknown>,
  options: FakeGoogleOptions,
): boolean {
  if (authorization?.startsWith('Basic ')) {
    const decoded = Buffer.from(authorization.slice(6), 'base64').toString('utf8');
    return decoded === `${options.clientId}:${options.clientSecret}`;
  }
  return body.client_id === options.clientId && body.client_secret === options.clientSecret;
}

function accessTokenBody(state: State, scope: string): Record<string, unknown> {
  const token = `ya29.a0${randomToken(40)}`;
  state.accessTokens.add(token);
  state.issuedAccess.push(token);
  return {
    access_token: token,
    expires_in: state.options.accessTokenSeconds ?? 3599,
    scope,
    token_type: 'Bearer',
  };
}

function invalidGrant(description: string): Reply {
  return { status: 400, body: { error: 'invalid_grant', error_description: description } };
}

// ---- Events ----------------------------------------------------------------------------------

function calendarOf(state: State, calendarId: string): Map<string, Stored> {
  let events = state.calendars.get(calendarId);
  if (events === undefined) {
    events = new Map();
    state.calendars.set(calendarId, events);
  }
  return events;
}

function createEvent(state: State, calendarId: string, input: GoogleEvent): Stored {
  const id = input.id ?? randomEventId();
  const at = new Date().toISOString();
  const seq = ++state.seq;
  const owner = { email: calendarId === 'primary' ? 'owner@example.com' : calendarId, self: true };
  const event: FakeGoogleEvent = {
    kind: 'calendar#event',
    status: 'confirmed',
    creator: owner,
    organizer: owner,
    ...input,
    id,
    etag: `"${seq}"`,
    htmlLink: `https://www.google.com/calendar/event?eid=${id}`,
    created: at,
    updated: at,
    iCalUID: input.iCalUID ?? `${id}@google.com`,
    sequence: 0,
  };
  const stored = { event, seq, order: ++state.order };
  calendarOf(state, calendarId).set(id, stored);
  return stored;
}

function changeEvent(
  state: State,
  stored: Stored,
  change: (event: FakeGoogleEvent) => GoogleEvent,
): Stored {
  const next = change(stored.event);
  stored.seq = ++state.seq;
  stored.event = {
    ...next,
    id: stored.event.id,
    etag: `"${stored.seq}"`,
    created: stored.event.created ?? null,
    iCalUID: stored.event.iCalUID ?? null,
    updated: new Date().toISOString(),
  };
  return stored;
}

function insertEvent(
  state: State,
  calendarId: string,
  input: GoogleEvent,
  query: URLSearchParams,
): Reply {
  const invalid = checkWrite(input, query);
  if (invalid !== undefined) return invalid;
  if (input.id && state.calendars.get(calendarId)?.has(input.id)) {
    return googleError(409, 'duplicate', 'The requested identifier already exists.');
  }
  const { conferenceData: _ignored, ...rest } = input;
  const withConference = addConference(state, rest, input, query);
  return { status: 200, body: createEvent(state, calendarId, withConference).event };
}

function modifyEvent(
  state: State,
  stored: Stored,
  input: GoogleEvent,
  query: URLSearchParams,
  patch: boolean,
): Reply {
  const invalid = checkWrite(patch ? { start: {}, end: {}, ...input } : input, query);
  if (invalid !== undefined) return invalid;
  const { conferenceData: _conference, ...rest } = input;
  // Without conferenceDataVersion=1 Google leaves conference data as it was.
  const keep: GoogleEvent =
    query.get('conferenceDataVersion') === '1'
      ? {}
      : pickDefined(stored.event, ['conferenceData', 'hangoutLink']);
  changeEvent(state, stored, (current) => {
    const next = patch ? merge(rest)(current) : { ...readOnlyFields(current), ...rest };
    return addConference(state, { ...next, ...keep }, input, query);
  });
  return { status: 200, body: stored.event };
}

function deleteEvent(state: State, stored: Stored): Reply {
  if (stored.event.status === 'cancelled') {
    return googleError(410, 'deleted', 'Resource has been deleted');
  }
  changeEvent(state, stored, cancel);
  return { status: 204 };
}

function checkWrite(input: GoogleEvent, query: URLSearchParams): Reply | undefined {
  const sendUpdates = query.get('sendUpdates');
  if (sendUpdates !== null && !['all', 'externalOnly', 'none'].includes(sendUpdates)) {
    return googleError(400, 'invalidParameter', `Invalid value for sendUpdates: ${sendUpdates}`);
  }
  if (input.start == null) return googleError(400, 'required', 'Missing start time.');
  if (input.end == null) return googleError(400, 'required', 'Missing end time.');
  return undefined;
}

/** With conferenceDataVersion=1, a createRequest gets a fresh Meet link, as hangoutsMeet does. */
function addConference(
  state: State,
  event: GoogleEvent,
  input: GoogleEvent,
  query: URLSearchParams,
): GoogleEvent {
  const request = input.conferenceData?.createRequest;
  if (query.get('conferenceDataVersion') !== '1') return event;
  if (request == null) {
    return input.conferenceData === undefined
      ? event
      : { ...event, conferenceData: input.conferenceData };
  }
  const code = meetCode(++state.meetCount);
  const uri = `https://meet.google.com/${code}`;
  return {
    ...event,
    hangoutLink: uri,
    conferenceData: {
      createRequest: { ...request, status: { statusCode: 'success' } },
      entryPoints: [{ entryPointType: 'video', uri, label: `meet.google.com/${code}` }],
      conferenceSolution: { key: { type: 'hangoutsMeet' }, name: 'Google Meet' },
      conferenceId: code,
    },
  };
}

// ---- List and sync ---------------------------------------------------------------------------

const NOT_WITH_SYNC_TOKEN = ['timeMin', 'timeMax', 'q', 'orderBy', 'iCalUID', 'updatedMin'];

function listEvents(state: State, calendarId: string, query: URLSearchParams): Reply {
  const maxResults = Number(query.get('maxResults') ?? 250);
  if (!Number.isInteger(maxResults) || maxResults < 1) {
    return googleError(400, 'invalid', 'Invalid value for maxResults');
  }
  const syncToken = query.get('syncToken');
  if (query.get('orderBy') === 'startTime' && query.get('singleEvents') !== 'true') {
    return googleError(
      400,
      'invalid',
      'The requested ordering is not available for the particular query.',
    );
  }
  if (syncToken !== null && NOT_WITH_SYNC_TOKEN.some((name) => query.has(name))) {
    return googleError(
      400,
      'invalid',
      'Sync token cannot be used with other request restrictions.',
    );
  }
  const since = syncToken === null ? undefined : state.syncTokens.get(syncToken);
  if (syncToken !== null && since?.calendarId !== calendarId) {
    return googleError(
      410,
      'fullSyncRequired',
      'Sync token is no longer valid, a full sync is required.',
    );
  }
  if ([query.get('timeMin'), query.get('timeMax')].some((time) => Number.isNaN(parseTime(time)))) {
    return googleError(400, 'badRequest', 'Bad Request');
  }
  const pageToken = query.get('pageToken');
  const cursor =
    pageToken === null
      ? firstCursor(state, calendarId, query, since?.seq)
      : state.pageTokens.get(pageToken);
  if (cursor === undefined || cursor.calendarId !== calendarId) {
    return googleError(400, 'invalid', 'Invalid page token value.');
  }
  return listPage(state, cursor, query, Math.min(maxResults, 2500, state.options.pageSize ?? 2500));
}

function firstCursor(
  state: State,
  calendarId: string,
  query: URLSearchParams,
  sinceSeq: number | undefined,
): Cursor | undefined {
  const all = sortedEvents(state, calendarId);
  if (sinceSeq !== undefined) {
    const ids = all
      .filter((s) => s.seq > sinceSeq)
      .sort((a, b) => a.seq - b.seq)
      .map((s) => s.event.id);
    return { calendarId, ids, snapshot: state.seq, incremental: true };
  }
  const timeMin = parseTime(query.get('timeMin'));
  const timeMax = parseTime(query.get('timeMax'));
  const showDeleted = query.get('showDeleted') === 'true';
  const matching = all.filter(
    ({ event }) =>
      (showDeleted || event.status !== 'cancelled') &&
      (timeMin === undefined || eventBound(event.end) > timeMin) &&
      (timeMax === undefined || eventBound(event.start) < timeMax),
  );
  if (query.get('orderBy') === 'startTime') {
    matching.sort((a, b) => eventBound(a.event.start) - eventBound(b.event.start));
  }
  return {
    calendarId,
    ids: matching.map((s) => s.event.id),
    snapshot: state.seq,
    incremental: false,
  };
}

function listPage(state: State, cursor: Cursor, query: URLSearchParams, maxResults: number): Reply {
  const events = calendarOf(state, cursor.calendarId);
  const showDeleted = cursor.incremental || query.get('showDeleted') === 'true';
  const items = cursor.ids
    .slice(0, maxResults)
    .map((id) => events.get(id)?.event)
    .filter((event): event is FakeGoogleEvent => event !== undefined)
    .filter((event) => showDeleted || event.status !== 'cancelled')
    .map((event) => (cursor.incremental && event.status === 'cancelled' ? minimal(event) : event));
  const rest = cursor.ids.slice(maxResults);
  const page: Record<string, unknown> = {
    kind: 'calendar#events',
    etag: `"p${state.seq}"`,
    summary: cursor.calendarId,
    updated: new Date().toISOString(),
    timeZone: 'UTC',
    accessRole: 'owner',
    defaultReminders: [],
    items,
  };
  if (rest.length > 0) {
    const token = randomToken(24);
    state.pageTokens.set(token, { ...cursor, ids: rest });
    page.nextPageToken = token;
  } else {
    const token = `CP${randomToken(24)}`;
    state.syncTokens.set(token, { calendarId: cursor.calendarId, seq: cursor.snapshot });
    page.nextSyncToken = token;
  }
  return { status: 200, body: page };
}

function minimal(event: FakeGoogleEvent): GoogleEvent {
  return { kind: 'calendar#event', etag: event.etag ?? null, id: event.id, status: 'cancelled' };
}

/** RFC 3339 with a time zone offset, as Google requires; absent means unbounded. */
function parseTime(text: string | null): number | undefined {
  if (text === null) return undefined;
  if (!/(?:[zZ]|[+-]\d\d:\d\d)$/.test(text)) return Number.NaN;
  return Date.parse(text);
}

/** All-day dates are taken as UTC midnight: enough for overlap filtering in tests. */
function eventBound(time: calendar_v3.Schema$EventDateTime | undefined): number {
  if (time?.dateTime) return Date.parse(time.dateTime);
  if (time?.date) return Date.parse(`${time.date}T00:00:00Z`);
  return Number.NaN;
}

// ---- Channels --------------------------------------------------------------------------------

function watchEvents(state: State, calendarId: string, body: Record<string, unknown>): Reply {
  const id = typeof body.id === 'string' ? body.id : '';
  const address = typeof body.address === 'string' ? body.address : '';
  if (id === '' || address === '' || !['web_hook', 'webhook'].includes(String(body.type))) {
    return googleError(400, 'required', 'Channel id, type web_hook and address are required.');
  }
  if (state.channels.has(id))
    return googleError(400, 'channelIdNotUnique', 'Channel id not unique');
  const params = (body.params ?? {}) as Record<string, unknown>;
  const ttlSeconds = Number(params.ttl ?? 604_800);
  const channel: OpenChannel = {
    id,
    resourceId: randomToken(27),
    resourceUri: `https://www.googleapis.com/calendar/v3/calendars/${encodeURIComponent(calendarId)}/events?alt=json`,
    calendarId,
    address,
    token: typeof body.token === 'string' ? body.token : null,
    expiration: Date.now() + ttlSeconds * 1000,
    messageNumber: 0,
  };
  state.channels.set(id, channel);
  const reply: Record<string, unknown> = {
    kind: 'api#channel',
    id,
    resourceId: channel.resourceId,
    resourceUri: channel.resourceUri,
    expiration: String(channel.expiration),
  };
  if (channel.token !== null) reply.token = channel.token;
  return { status: 200, body: reply };
}

function stopChannel(body: Record<string, unknown>, state: State): Reply {
  const channel = state.channels.get(String(body.id ?? ''));
  if (channel === undefined || channel.resourceId !== body.resourceId) {
    return googleError(404, 'notFound', `Channel '${String(body.id)}' not found for project`);
  }
  state.channels.delete(channel.id);
  return { status: 204 };
}

async function notify(
  state: State,
  channelId: string,
  resourceState: string,
  messageNumber: number | undefined,
): Promise<number> {
  const channel = state.channels.get(channelId);
  if (channel === undefined) throw new Error(`No open channel ${channelId}`);
  if (messageNumber === undefined) channel.messageNumber += 1;
  const headers: Record<string, string> = {
    'X-Goog-Channel-ID': channel.id,
    'X-Goog-Resource-ID': channel.resourceId,
    'X-Goog-Resource-URI': channel.resourceUri,
    'X-Goog-Resource-State': resourceState,
    'X-Goog-Message-Number': String(messageNumber ?? channel.messageNumber),
    'X-Goog-Channel-Expiration': new Date(channel.expiration).toUTCString(),
  };
  if (channel.token !== null) headers['X-Goog-Channel-Token'] = channel.token;
  const response = await fetch(channel.address, { method: 'POST', headers, body: '' });
  await response.arrayBuffer();
  return response.status;
}

// ---- Helpers ---------------------------------------------------------------------------------

function googleError(
  code: number,
  reason: string,
  message: string,
  extra: Record<string, string> = {},
): Reply {
  const domain = reason === 'fullSyncRequired' ? 'calendar' : 'global';
  const error: Record<string, unknown> = {
    code,
    message,
    errors: [{ domain, reason, message, ...extra }],
  };
  const status = STATUS_NAMES[code];
  if (status !== undefined) error.status = status;
  return { status: code, body: { error } };
}

function sortedEvents(state: State, calendarId: string): Stored[] {
  return [...calendarOf(state, calendarId).values()].sort((a, b) => a.order - b.order);
}

function mustFind(state: State, calendarId: string, id: string): Stored {
  const stored = state.calendars.get(calendarId)?.get(id);
  if (stored === undefined) throw new Error(`No event ${id} in calendar ${calendarId}`);
  return stored;
}

function cancel(event: FakeGoogleEvent): FakeGoogleEvent {
  return { ...event, status: 'cancelled' };
}

/** Patch semantics: objects merge field by field, arrays and scalars replace, null clears. */
function merge(patch: GoogleEvent): (event: FakeGoogleEvent) => FakeGoogleEvent {
  return (event) => deepMerge(event, patch) as FakeGoogleEvent;
}

function deepMerge(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(target) || !isPlainObject(patch)) return patch;
  const result: Record<string, unknown> = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else if (value !== undefined) result[key] = deepMerge(result[key], value);
  }
  return result;
}

function readOnlyFields(event: FakeGoogleEvent): GoogleEvent {
  const fields = ['kind', 'id', 'etag', 'htmlLink', 'created', 'iCalUID', 'creator', 'organizer'];
  return { ...pickDefined(event, fields), status: 'confirmed' };
}

function pickDefined(event: GoogleEvent, fields: readonly string[]): GoogleEvent {
  const entries = Object.entries(event).filter(
    ([key, value]) => fields.includes(key) && value != null,
  );
  return Object.fromEntries(entries) as GoogleEvent;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function copy<T>(value: T): T {
  return structuredClone(value);
}

/** xxx-yyyy-zzz; the last group spells the counter so codes never repeat within one fake. */
function meetCode(n: number): string {
  const letter = (value: number) => String.fromCharCode(97 + (value % 26));
  const random = Array.from(randomBytes(7), (byte) => letter(byte)).join('');
  const unique = [Math.floor(n / 676), Math.floor(n / 26), n].map(letter).join('');
  return `${random.slice(0, 3)}-${random.slice(3)}-${unique}`;
}

/** Google event ids use base32hex characters (a-v, 0-9). */
function randomEventId(): string {
  const alphabet = '0123456789abcdefghijklmnopqrstuv';
  return Array.from(randomBytes(26), (byte) => alphabet[byte % 32]).join('');
}

function randomToken(length: number): string {
  return randomBytes(length).toString('base64url').slice(0, length);
}

/** undefined when a JSON body does not parse. */
function parseBody(raw: string, contentType: string): Record<string, unknown> | undefined {
  if (raw === '') return {};
  if (!contentType.includes('application/json'))
    return Object.fromEntries(new URLSearchParams(raw));
  try {
    const parsed: unknown = JSON.parse(raw);
    return isPlainObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
