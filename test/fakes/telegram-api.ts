// A local fake of the Telegram Bot API (the methods the adapter uses), speaking its JSON wire format.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Update, User } from 'grammy/types';
import {
  createFakeState,
  type FakeState,
  fail,
  type Payload,
  type RecordedCall,
  type Reply,
  type TelegramFailure,
} from './telegram-fake-state.ts';
import { createFloodControl, type FloodControl, type FloodLimits } from './telegram-flood-limit.ts';
import { telegramMethods } from './telegram-methods.ts';
import { type PayOptions, payInvoice } from './telegram-payments-flow.ts';
import { callbackUpdate, textUpdate } from './telegram-updates.ts';

export type FakeTelegram = Awaited<ReturnType<typeof startFakeTelegram>>;

/**
 * Starts the fake on 127.0.0.1 with an ephemeral port. Calls are POST /bot<token>/<method> with a
 * JSON body; answers are `{ ok: true, result }` or `{ ok: false, error_code, description }` with
 * the HTTP status set to error_code, as Telegram does. getUpdates holds up to `maxHoldMs`. With
 * `floodLimits`, sendMessage is refused with 429 and retry_after past Telegram's pace. With
 * `providerToken`, sendInvoice refuses any other payment provider token.
 */
export async function startFakeTelegram(options: {
  token: string;
  maxHoldMs?: number;
  floodLimits?: FloodLimits;
  providerToken?: string;
}) {
  const state = createFakeState();
  const methods = telegramMethods(state, options.maxHoldMs ?? 300, options.providerToken);
  const flood = options.floodLimits ? createFloodControl(options.floodLimits) : null;
  const server = createServer((req, res) => {
    answer({ state, methods, flood }, options.token, req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const callsTo = (method: string) => state.calls.filter((c) => c.method === method);
  const push = (update: Update): void => {
    state.queue.push(update);
    for (const wake of [...state.waiters]) wake();
  };
  return {
    apiRoot: `http://127.0.0.1:${port}`,
    calls: state.calls,
    /** Recorded calls of one method in the order they were answered; `at` is arrival. */
    callsTo,
    /** The message as it now stands (after edits), by id. */
    message: (messageId: number) => state.messages.get(messageId),
    /** Every message the bot has in one chat, oldest first, as they now stand. */
    messagesIn: (chatId: number) =>
      [...state.messages.values()]
        .filter((m) => m.chatId === chatId)
        .sort((a, b) => a.messageId - b.messageId),
    /** Makes the next call(s) of `method` fail with `failure`. */
    failNext(method: string, failure: TelegramFailure, times = 1): void {
      for (let i = 0; i < times; i += 1) state.failures.push({ method, failure });
    },
    /** A private text message update (not queued). */
    textUpdate: (user: User, text: string) => textUpdate(state, user, text),
    /** A button press update on a bot message (not queued). */
    callbackUpdate: (user: User, data: string, messageId: number) =>
      callbackUpdate(state, user, data, messageId),
    /** Queues an update for getUpdates, waking a held poll. */
    push,
    /** `user` pays the invoice in bot message `messageId` (pre-checkout, answer, payment). */
    pay: (user: User, messageId: number, options?: PayOptions) =>
      payInvoice(state, push, user, messageId, options),
    /** sendMessage calls that came during a flood wait the fake had announced (floodLimits). */
    ignoredFloodWaits: () => flood?.ignoredWaits() ?? 0,
    /** Updates not yet confirmed by the bot's offset. */
    pending: () => state.queue.length,
    /** Resolves when `method` has been answered `count` times; rejects after `timeoutMs`. */
    async waitForCalls(method: string, count: number, timeoutMs = 5000): Promise<RecordedCall[]> {
      const deadline = Date.now() + timeoutMs;
      while (callsTo(method).length < count) {
        if (Date.now() > deadline) {
          throw new Error(`expected ${count} ${method} call(s), saw ${callsTo(method).length}`);
        }
        await new Promise((r) => setTimeout(r, 10));
      }
      return callsTo(method);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const wake of [...state.waiters]) wake();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

type Methods = Record<string, (p: Payload) => Reply | Promise<Reply>>;
type Fake = { state: FakeState; methods: Methods; flood: FloodControl | null };

async function answer(
  fake: Fake,
  token: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  // When the request arrived: what a pacing test measures.
  const at = Date.now();
  const match = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? '');
  const payload = await readJson(req);
  const method = match?.[2] ?? '?';
  let reply: Reply;
  if (!match || match[1] !== token) reply = fail(401, 'Unauthorized');
  else reply = await dispatch(fake, method, payload, at);
  fake.state.calls.push({ method, payload, at, reply });
  if (res.destroyed) return;
  res.writeHead(reply.ok ? 200 : reply.error_code, { 'content-type': 'application/json' });
  res.end(JSON.stringify(reply));
}

async function dispatch(
  { state, methods, flood }: Fake,
  method: string,
  payload: Payload,
  at: number,
): Promise<Reply> {
  const forced = state.failures.findIndex((f) => f.method === method);
  const [removed] = forced >= 0 ? state.failures.splice(forced, 1) : [];
  if (removed) return { ok: false, ...removed.failure };
  const refused = method === 'sendMessage' ? flood?.check(String(payload.chat_id), at) : null;
  if (refused) return { ok: false, ...refused };
  const run = methods[method];
  return run ? run(payload) : fail(404, 'Not Found');
}

async function readJson(req: IncomingMessage): Promise<Payload> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString('utf8');
  return body ? (JSON.parse(body) as Payload) : {};
}
