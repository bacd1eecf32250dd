// A reverse proxy in front of the real server that can answer 503 instead, as a CalDAV host in trouble would.
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FaultProxy = {
  /** The proxy's root, without a trailing slash: connect through it. */
  readonly url: string;
  /** While down, every request gets 503 with Retry-After: 1 and never reaches the server. */
  setDown(down: boolean): void;
  /** Requests answered 503 so far. */
  refused(): number;
  close(): Promise<void>;
};

/** Starts the proxy on 127.0.0.1 and a free port, forwarding to `target` (http only). */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  let down = false;
  let refused = 0;
  const server = createServer((req, res) => {
    if (down) {
      refused += 1;
      req.resume();
      res.writeHead(503, { 'retry-after': '1' }).end();
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
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.writeHead(502).end());
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
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
