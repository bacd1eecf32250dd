// A local fake of the Slack Web API (and the Socket Mode WebSocket) speaking Slack's wire format.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

export type FakeSlackUser = {
  name: string;
  realName: string;
  tz: string;
  /** The user's Slack language; users.info sends it only with include_locale, as Slack does. */
  locale?: string;
};

export type RecordedCall = {
  readonly method: string;
  readonly args: Record<string, unknown>;
  /** performance.now() when the call arrived (for spacing checks; not wall-clock time). */
  readonly at: number;
  /** The JSON the fake answered (null for a 429). */
  result: Record<string, unknown> | null;
};

type Failure = { error: string } | { retryAfterSeconds: number };

export type FakeSlackApi = {
  /** Base URL for clientOptions.slackApiUrl, ending in a slash. */
  readonly url: string;
  readonly calls: RecordedCall[];
  readonly users: Map<string, FakeSlackUser>;
  callsTo(method: string): RecordedCall[];
  /** The next call to `method` answers `{ ok: false, error }`. */
  failNext(method: string, error: string): void;
  /** The next call to `method` answers HTTP 429 with Retry-After. */
  rateLimitNext(method: string, retryAfterSeconds: number): void;
  /** Socket Mode: resolves once a client has connected and been sent `hello`. */
  socketConnected(): Promise<void>;
  /** Socket Mode: pushes an envelope and resolves with the client's ack payload. */
  pushEnvelope(type: string, payload: unknown): Promise<Record<string, unknown>>;
  close(): Promise<void>;
};

/** JSON-valued arguments the SDK sends as JSON strings inside the form. */
const JSON_FIELDS = new Set(['blocks', 'view', 'attachments']);

export async function startFakeSlackApi(tokens: {
  botToken: string;
  appToken?: string;
}): Promise<FakeSlackApi> {
  const state = createState();
  const server = createServer((req, res) => {
    void answer(req, res, state, tokens).catch(() => {
      res.writeHead(500).end();
    });
  });
  const sockets = new WebSocketServer({ server, path: '/link' });
  const connected = Promise.withResolvers<WebSocket>();
  sockets.on('connection', (socket) => {
    socket.send(
      JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0FAKE' } }),
    );
    connected.resolve(socket);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  state.socketUrl = `ws://127.0.0.1:${port}/link`;
  let envelopes = 0;
  return {
    url: `http://127.0.0.1:${port}/api/`,
    calls: state.calls,
    users: state.users,
    callsTo: (method) => state.calls.filter((call) => call.method === method),
    failNext: (method, error) => state.failures.set(method, { error }),
    rateLimitNext: (method, retryAfterSeconds) => state.failures.set(method, { retryAfterSeconds }),
    socketConnected: async () => {
      await connected.promise;
    },
    async pushEnvelope(type, payload) {
      const socket = await connected.promise;
      envelopes += 1;
      const envelopeId = `env-${envelopes}`;
      const acked = waitForAck(socket, envelopeId);
      socket.send(
        JSON.stringify({
          envelope_id: envelopeId,
          type,
          payload,
          accepts_response_payload: type !== 'events_api',
        }),
      );
      return acked;
    },
    async close() {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

type State = {
  calls: RecordedCall[];
  users: Map<string, FakeSlackUser>;
  failures: Map<string, Failure>;
  socketUrl: string;
  nextTs: number;
};

function createState(): State {
  return { calls: [], users: new Map(), failures: new Map(), socketUrl: '', nextTs: 1 };
}

function waitForAck(socket: WebSocket, envelopeId: string): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const onMessage = (data: Buffer) => {
      const message = JSON.parse(data.toString()) as {
        envelope_id?: string;
        payload?: Record<string, unknown>;
      };
      if (message.envelope_id !== envelopeId) return;
      socket.off('message', onMessage);
      resolve(message.payload ?? {});
    };
    socket.on('message', onMessage);
  });
}

async function answer(
  req: IncomingMessage,
  res: ServerResponse,
  state: State,
  tokens: { botToken: string; appToken?: string },
): Promise<void> {
  const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0] ?? '';
  const args = parseArgs(await readBody(req), req.headers['content-type']);
  const call: RecordedCall = { method, args, at: performance.now(), result: null };
  state.calls.push(call);
  const expected = method === 'apps.connections.open' ? tokens.appToken : tokens.botToken;
  const authorized = req.method === 'POST' && req.headers.authorization === `Bearer ${expected}`;
  const failure = authorized ? state.failures.get(method) : undefined;
  if (failure !== undefined) state.failures.delete(method);
  if (failure !== undefined && 'retryAfterSeconds' in failure) {
    res.writeHead(429, {
      'content-type': 'application/json',
      'retry-after': String(failure.retryAfterSeconds),
    });
    res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
    return;
  }
  if (!authorized) call.result = { ok: false, error: 'invalid_auth' };
  else if (failure !== undefined) call.result = { ok: false, error: failure.error };
  else call.result = respond(method, args, state);
  reply(res, call.result);
}

function respond(
  method: string,
  args: Record<string, unknown>,
  state: State,
): Record<string, unknown> {
  switch (method) {
    case 'auth.test':
      return {
        ok: true,
        url: 'https://fake.slack.com/',
        team: 'Fake',
        user: 'slotline',
        team_id: 'T0FAKE',
        user_id: 'U0BOT',
        bot_id: 'B0BOT',
      };
    case 'apps.connections.open':
      return { ok: true, url: state.socketUrl };
    case 'users.info':
      return usersInfo(String(args.user ?? ''), state, String(args.include_locale) === 'true');
    case 'conversations.open': {
      const user = String(args.users ?? '');
      if (!state.users.has(user)) return { ok: false, error: 'user_not_found' };
      return { ok: true, channel: { id: `D${user}` } };
    }
    case 'chat.postMessage': {
      if (typeof args.channel !== 'string') return { ok: false, error: 'channel_not_found' };
      const ts = `1700000000.${String(state.nextTs++).padStart(6, '0')}`;
      return {
        ok: true,
        channel: args.channel,
        ts,
        message: { text: args.text, blocks: args.blocks, ts },
      };
    }
    case 'chat.update':
      if (typeof args.channel !== 'string' || typeof args.ts !== 'string')
        return { ok: false, error: 'message_not_found' };
      return { ok: true, channel: args.channel, ts: args.ts, text: args.text };
    case 'views.open':
      if (typeof args.trigger_id !== 'string') return { ok: false, error: 'invalid_arguments' };
      return { ok: true, view: { id: 'V0MODAL', ...(args.view as object) } };
    case 'views.publish':
      return { ok: true, view: { id: 'V0HOME', ...(args.view as object) } };
    default:
      return { ok: false, error: 'unknown_method' };
  }
}

function usersInfo(id: string, state: State, withLocale: boolean): Record<string, unknown> {
  const user = state.users.get(id);
  if (user === undefined) return { ok: false, error: 'user_not_found' };
  return {
    ok: true,
    user: {
      id,
      name: user.name,
      real_name: user.realName,
      tz: user.tz,
      ...(withLocale && user.locale !== undefined ? { locale: user.locale } : {}),
      profile: { display_name: user.name, real_name: user.realName },
    },
  };
}

function parseArgs(raw: string, contentType: string | undefined): Record<string, unknown> {
  if ((contentType ?? '').includes('application/json'))
    return raw === '' ? {} : (JSON.parse(raw) as Record<string, unknown>);
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = JSON_FIELDS.has(key) ? JSON.parse(value) : value;
  }
  return args;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function reply(res: ServerResponse, body: Record<string, unknown>): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
