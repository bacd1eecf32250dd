// A local stand-in for Discord's REST API (v10): records every call and answers as Discord does.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fakeChannel, fakeMessage } from './discord-payloads.ts';

export type RecordedCall = {
  readonly method: string;
  /** Path after /api/v10, percent-decoded (discord.js sends @original as %40original), no query. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly body: unknown;
  readonly authorization: string | null;
};

/** A canned answer for the next call matching method and path, used once. */
export type Failure = {
  readonly method: string;
  readonly path: RegExp;
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Record<string, string>;
};

export type RestFake = {
  readonly apiUrl: string;
  readonly calls: RecordedCall[];
  failNext(failure: Failure): void;
  /**
   * Resolves with the first call (already made or coming) matching; rejects after `timeoutMs`.
   * `match` is tried on every new call and every 20 ms, so it may also look at outside state
   * (what the engine returned) that changes after the last call came in.
   */
  waitForCall(match: (call: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  close(): Promise<void>;
};

type Answer = { status: number; body: unknown; headers?: Record<string, string> };

/** Starts the REST fake on 127.0.0.1 (ephemeral port); `gatewayUrl` is what GET /gateway/bot tells. */
export async function startRestFake(gatewayUrl: () => string, botId: string): Promise<RestFake> {
  const calls: RecordedCall[] = [];
  const failures: Failure[] = [];
  const waiters = new Set<() => void>();
  const server = createServer((request, response) => {
    void serve(request, response);
  });
  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const text = await readBody(request);
    const call: RecordedCall = {
      method: request.method ?? 'GET',
      path: decodeURIComponent(url.pathname).replace(/^\/api\/v10/, ''),
      query: url.searchParams,
      body: text === '' ? null : JSON.parse(text),
      authorization: request.headers.authorization ?? null,
    };
    calls.push(call);
    for (const wake of waiters) wake();
    const failure = takeFailure(failures, call);
    send(response, failure ?? route(call, gatewayUrl(), botId));
  }
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}/api`,
    calls,
    failNext: (failure) => void failures.push(failure),
    waitForCall: (match, timeoutMs = 5000) => waitFor(calls, waiters, match, timeoutMs),
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

function takeFailure(failures: Failure[], call: RecordedCall): Failure | null {
  const index = failures.findIndex((f) => f.method === call.method && f.path.test(call.path));
  if (index < 0) return null;
  const [failure] = failures.splice(index, 1);
  return failure ?? null;
}

function route(call: RecordedCall, gatewayUrl: string, botId: string): Answer {
  const { method, path } = call;
  const key = `${method} ${path}`;
  if (key === 'GET /gateway/bot') {
    const limit = { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 };
    return { status: 200, body: { url: gatewayUrl, shards: 1, session_start_limit: limit } };
  }
  if (method === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) {
    if (!validCommands(call.body)) {
      return { status: 400, body: { code: 50035, message: 'Invalid Form Body', errors: {} } };
    }
    const commands = (call.body as { name: string }[]).map((c, i) => ({
      ...c,
      id: `90${i}`,
      version: '1',
    }));
    return { status: 200, body: commands };
  }
  if (method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) {
    return { status: 204, body: null };
  }
  const webhook = /^\/webhooks\/(\d+)\/[^/]+(\/messages\/@original)?$/.exec(path);
  if (webhook && method === 'DELETE') return { status: 204, body: null };
  if (webhook && (method === 'PATCH' || method === 'POST')) {
    return { status: 200, body: fakeMessage(call.body, '7001', botId, webhook[1] ?? null) };
  }
  if (key === 'POST /users/@me/channels') {
    const recipient = (call.body as { recipient_id: string }).recipient_id;
    return { status: 200, body: fakeChannel(`8${recipient}`, recipient) };
  }
  if (method === 'POST' && /^\/channels\/\d+\/typing$/.test(path))
    return { status: 204, body: null };
  const channel = /^\/channels\/(\d+)\/messages$/.exec(path);
  if (channel && method === 'POST') {
    return { status: 200, body: fakeMessage(call.body, channel[1] ?? '0', botId, null) };
  }
  const edited = /^\/channels\/(\d+)\/messages\/(\d+)$/.exec(path);
  if (edited && method === 'PATCH') {
    const message = fakeMessage(call.body, edited[1] ?? '0', botId, null);
    return { status: 200, body: { ...message, id: edited[2] ?? message.id } };
  }
  return { status: 404, body: { message: '404: Not Found', code: 0 } };
}

// Discord answers 204 with no body and no content-type; the REST client relies on that.
function send(response: ServerResponse, answer: Answer): void {
  const headers: Record<string, string> = { ...answer.headers };
  if (answer.status !== 204) headers['content-type'] = 'application/json';
  response.writeHead(answer.status, headers);
  response.end(answer.status === 204 ? undefined : JSON.stringify(answer.body));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function waitFor(
  calls: readonly RecordedCall[],
  waiters: Set<() => void>,
  match: (call: RecordedCall) => boolean,
  timeoutMs: number,
): Promise<RecordedCall> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const found = calls.find(match);
      if (!found) return;
      waiters.delete(check);
      clearTimeout(timer);
      clearInterval(poll);
      resolve(found);
    };
    const timer = setTimeout(() => {
      waiters.delete(check);
      clearInterval(poll);
      reject(new Error(`no matching call in ${timeoutMs} ms; calls: ${describe(calls)}`));
    }, timeoutMs);
    const poll = setInterval(check, 20);
    waiters.add(check);
    check();
  });
}

function describe(calls: readonly RecordedCall[]): string {
  return calls.map((c) => `${c.method} ${c.path}`).join(', ');
}

/** Discord's locales a localisation map may use (a subset: the ones Slotline could send). */
const DISCORD_LOCALES = new Set(['de', 'en-GB', 'en-US', 'fr', 'es-ES', 'it', 'nl', 'pl']);

type CommandBody = {
  name?: unknown;
  description?: unknown;
  description_localizations?: Record<string, unknown> | null;
  options?: CommandBody[];
};

/**
 * Discord's checks on a bulk overwrite that matter here: names of 1-32 lower-case characters,
 * descriptions of 1-100, localisation maps keyed by a Discord locale with 1-100 characters each,
 * on the commands and their options alike.
 */
function validCommands(body: unknown): boolean {
  const valid = (command: CommandBody): boolean => {
    const texts = Object.entries(command.description_localizations ?? {});
    return (
      typeof command.name === 'string' &&
      /^[-_\p{Ll}\p{N}]{1,32}$/u.test(command.name) &&
      typeof command.description === 'string' &&
      command.description.length >= 1 &&
      command.description.length <= 100 &&
      texts.every(
        ([locale, text]) =>
          DISCORD_LOCALES.has(locale) &&
          typeof text === 'string' &&
          text.length >= 1 &&
          text.length <= 100,
      ) &&
      (command.options ?? []).every(valid)
    );
  };
  return Array.isArray(body) && body.length <= 100 && (body as CommandBody[]).every(valid);
}
