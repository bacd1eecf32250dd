// Serves the app and resolves only once listening, so a taken port is a startup failure, not a crash.
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';

export type HttpServer = {
  readonly port: number;
  /**
   * Stops accepting connections, closes idle keep-alive ones at once and, after `graceMs`, any
   * still open; resolves when the server has closed.
   */
  close(graceMs: number): Promise<void>;
};

/** Listens on host:port. Rejects with the listen error (EADDRINUSE, EACCES) instead of throwing later. */
export async function listenHttp(
  fetch: (request: Request) => Response | Promise<Response>,
  options: { readonly port: number; readonly host: string },
): Promise<HttpServer> {
  const server = serve({ fetch, port: options.port, hostname: options.host }) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    port,
    close: (graceMs) =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), graceMs).unref();
      }),
  };
}
