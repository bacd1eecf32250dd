// A local fake of Zoom's OAuth token endpoint and meeting API, speaking Zoom's wire format.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ZoomCall = {
  readonly method: string;
  /** Path without the query string. */
  readonly path: string;
  readonly query: Record<string, string>;
  readonly authorization: string | null;
  readonly contentType: string | null;
  /** Form fields or JSON, parsed by content type. */
  readonly body: Record<string, unknown>;
  readonly status: number;
};

export type ZoomFailure = { status: 401 | 429 | 500 | 503; retryAfterSeconds?: number };

export type FakeZoomApi = {
  /** Base URL serving both /oauth/token and /v2/...; no trailing slash. */
  readonly url: string;
  readonly calls: ZoomCall[];
  /** Access tokens issued so far, oldest first. */
  readonly issuedTokens: string[];
  tokenCalls(): ZoomCall[];
  meetingCalls(): ZoomCall[];
  /** The next meeting request answers with this failure (queued, one per call). */
  failNextMeeting(failure: ZoomFailure): void;
  /** The next token request answers with this failure. */
  failNextToken(failure: ZoomFailure): void;
  /** Every token issued so far stops working, as when Zoom revokes them early. */
  revokeTokens(): void;
  close(): Promise<void>;
};

export type FakeZoomOptions = {
  readonly accountId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** expires_in of issued tokens (Zoom: 3599). */
  readonly expiresInSeconds?: number;
  /** Users besides 'me' that exist. */
  readonly users?: readonly string[];
};

type State = {
  options: FakeZoomOptions;
  calls: ZoomCall[];
  issued: string[];
  valid: Set<string>;
  meetingFailures: ZoomFailure[];
  tokenFailures: ZoomFailure[];
  nextMeetingId: number;
};

/** Starts the fake on 127.0.0.1 and a free port. */
export async function startFakeZoomApi(options: FakeZoomOptions): Promise<FakeZoomApi> {
  const state: State = {
    options,
    calls: [],
    issued: [],
    valid: new Set(),
    meetingFailures: [],
    tokenFailures: [],
    nextMeetingId: 85_746_065_000,
  };
  const server = createServer((req, res) => {
    void answer(req, res, state).catch(() => res.writeHead(500).end());
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const isMeeting = (call: ZoomCall) => call.path.startsWith('/v2/');
  return {
    url: `http://127.0.0.1:${port}`,
    calls: state.calls,
    issuedTokens: state.issued,
    tokenCalls: () => state.calls.filter((call) => call.path === '/oauth/token'),
    meetingCalls: () => state.calls.filter(isMeeting),
    failNextMeeting: (failure) => state.meetingFailures.push(failure),
    failNextToken: (failure) => state.tokenFailures.push(failure),
    revokeTokens: () => state.valid.clear(),
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

type Reply = { status: number; body: unknown; headers?: Record<string, string> };

async function answer(req: IncomingMessage, res: ServerResponse, state: State): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://fake');
  const contentType = req.headers['content-type'] ?? null;
  const body = parseBody(await readBody(req), contentType);
  const reply = route(req.method ?? '', url, req.headers.authorization ?? null, body, state);
  state.calls.push({
    method: req.method ?? '',
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    authorization: req.headers.authorization ?? null,
    contentType,
    body,
    status: reply.status,
  });
  res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
  res.end(JSON.stringify(reply.body));
}

function route(
  method: string,
  url: URL,
  authorization: string | null,
  body: Record<string, unknown>,
  state: State,
): Reply {
  if (method === 'POST' && url.pathname === '/oauth/token') {
    return issueToken(url, authorization, body, state);
  }
  const match = /^\/v2\/users\/([^/]+)\/meetings$/.exec(url.pathname);
  if (method === 'POST' && match?.[1] !== undefined) {
    return createMeeting(decodeURIComponent(match[1]), authorization, body, state);
  }
  return { status: 404, body: { code: 404, message: 'Not found' } };
}

function failureReply(failure: ZoomFailure): Reply {
  const headers: Record<string, string> =
    failure.retryAfterSeconds === undefined
      ? {}
      : { 'retry-after': String(failure.retryAfterSeconds) };
  const messages = {
    401: 'Invalid access token.',
    429: 'Too many requests.',
    500: 'Internal error.',
  };
  const message = messages[failure.status as keyof typeof messages] ?? 'Service unavailable.';
  return {
    status: failure.status,
    body: { code: failure.status === 401 ? 124 : failure.status, message },
    headers,
  };
}

/** Zoom accepts grant_type and account_id in the query or the form body. */
function issueToken(
  url: URL,
  authorization: string | null,
  body: Record<string, unknown>,
  state: State,
): Reply {
  const failure = state.tokenFailures.shift();
  if (failure !== undefined) return failureReply(failure);
  const { accountId, clientId, clientSecret } = state.options;
  const expected = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;
  if (authorization !== expected) {
    return {
      status: 400,
      body: { reason: 'Invalid client_id or client_secret', error: 'invalid_client' },
    };
  }
  const param = (name: string) => url.searchParams.get(name) ?? body[name];
  if (param('grant_type') !== 'account_credentials') {
    return {
      status: 400,
      body: { reason: 'Unsupported grant type', error: 'unsupported_grant_type' },
    };
  }
  if (param('account_id') !== accountId) {
    return { status: 400, body: { reason: 'Invalid account_id', error: 'invalid_request' } };
  }
  const token = `zoom-token-${state.issued.length + 1}-${Math.random().toString(36).slice(2)}`;
  state.issued.push(token);
  state.valid.add(token);
  const expiresIn = state.options.expiresInSeconds ?? 3599;
  return {
    status: 200,
    body: {
      access_token: token,
      token_type: 'bearer',
      expires_in: expiresIn,
      scope: 'meeting:write:admin',
      api_url: 'https://api.zoom.us',
    },
  };
}

function createMeeting(
  user: string,
  authorization: string | null,
  body: Record<string, unknown>,
  state: State,
): Reply {
  const token = authorization?.startsWith('Bearer ') ? authorization.slice(7) : null;
  if (token === null || !state.valid.has(token)) {
    return { status: 401, body: { code: 124, message: 'Invalid access token.' } };
  }
  const failure = state.meetingFailures.shift();
  if (failure !== undefined) return failureReply(failure);
  if (user !== 'me' && !(state.options.users ?? []).includes(user)) {
    return { status: 404, body: { code: 1001, message: 'User does not exist.' } };
  }
  if (typeof body.topic !== 'string' || body.type !== 2 || typeof body.start_time !== 'string') {
    return { status: 400, body: { code: 300, message: 'Validation Failed.' } };
  }
  const id = state.nextMeetingId++;
  return {
    status: 201,
    body: {
      id,
      uuid: `uuid-${id}==`,
      host_id: 'host-1',
      topic: body.topic,
      type: 2,
      start_time: body.start_time,
      duration: body.duration,
      timezone: body.timezone,
      join_url: `https://us05web.zoom.us/j/${id}?pwd=fakepwd`,
      start_url: `https://us05web.zoom.us/s/${id}?zak=fake`,
    },
  };
}

function parseBody(raw: string, contentType: string | null): Record<string, unknown> {
  if (raw === '') return {};
  if ((contentType ?? '').includes('application/json'))
    return JSON.parse(raw) as Record<string, unknown>;
  return Object.fromEntries(new URLSearchParams(raw));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
