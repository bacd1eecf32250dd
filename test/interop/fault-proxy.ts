// A reverse proxy in front of the real server that can misbehave as a CalDAV host in trouble would.
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What one request gets instead of a plain answer: 429 with Retry-After: 1, 500, 503, its
 * connection destroyed before anything reaches the server (`reset`), or the server's answer held
 * back for `slowMs` (`slow`: the server did the work, the client gave up waiting first).
 */
export type Fault = '429' | '500' | '503' | 'reset' | 'slow';

/** A fault that a request got: its method and path, as the proxy saw them. */
export type PlayedFault = { readonly method: string; readonly path: string; readonly fault: Fault };

export type FaultProxy = {
  /** The proxy's root, without a trailing slash: connect through it. */
  readonly url: string;
  /** While down, every request gets 503 with Retry-After: 1 and never reaches the server. */
  setDown(down: boolean): void;
  /** Requests answered 503 while down so far. */
  refused(): number;
  /** The next request with this method (PROPFIND, REPORT, PUT, DELETE...) gets `fault`, once. */
  queueFault(method: string, fault: Fault): void;
  /** The queued faults no request has met yet. */
  pendingFaults(): number;
  /** The queued faults requests have met, in order. */
  played(): readonly PlayedFault[];
  close(): Promise<void>;
};

export type FaultProxyOptions = {
  /** How long a `slow` answer is held back; longer than the client waits. Default 20 s. */
  readonly slowMs?: number;
};

/** Starts the proxy on 127.0.0.1 and a free port, forwarding to `target` (http only). */
export async function startFaultProxy(
  target: string,
  options: FaultProxyOptions = {},
): Promise<FaultProxy> {
  const upstream = new URL(target);
  const slowMs = options.slowMs ?? 20_000;
  let down = false;
  let refused = 0;
  const queued: { method: string; fault: Fault }[] = [];
  const played: PlayedFault[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((req, res) => {
    if (down) {
      refused += 1;
      req.resume();
      res.writeHead(503, { 'retry-after': '1' }).end();
      return;
    }
    const index = queued.findIndex((q) => q.method === req.method);
    const fault = index === -1 ? null : (queued.splice(index, 1)[0]?.fault ?? null);
    if (fault !== null) played.push({ method: req.method ?? '', path: req.url ?? '', fault });
    if (fault === 'reset') {
      req.socket.destroy();
      return;
    }
    if (fault === '429' || fault === '500' || fault === '503') {
      req.resume();
      res.writeHead(Number(fault), fault === '429' ? { 'retry-after': '1' } : {}).end();
      return;
    }
    const forward = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream.host },
      },
      (answer) => {
        const send = () => {
          if (res.destroyed) {
            answer.resume();
            return;
          }
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        };
        if (fault !== 'slow') return send();
        const timer = setTimeout(() => {
          timers.delete(timer);
          send();
        }, slowMs);
        timers.add(timer);
      },
    );
    forward.on('error', () => {
      if (!res.headersSent && !res.destroyed) res.writeHead(502).end();
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    setDown: (value) => {
      down = value;
    },
    refused: () => refused,
    queueFault: (method, fault) => {
      queued.push({ method, fault });
    },
    pendingFaults: () => queued.length,
    played: () => [...played],
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
