// A webhook endpoint for tests: keeps each delivery's raw body and signature, answers as told.
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ReceivedWebhook = { readonly body: string; readonly signature: string | undefined };

export type WebhookReceiver = {
  readonly url: string;
  readonly received: ReceivedWebhook[];
  close(): Promise<void>;
};

/**
 * Listens on 127.0.0.1; every POST is recorded with its exact bytes and answered with the status
 * `judge` gives it (200 when none), as a real endpoint verifying signatures would.
 */
export async function startWebhookReceiver(
  judge: (webhook: ReceivedWebhook) => number = () => 200,
): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const header = req.headers['stripe-signature'];
    const webhook = {
      body: Buffer.concat(chunks).toString('utf8'),
      signature: typeof header === 'string' ? header : undefined,
    };
    received.push(webhook);
    res.writeHead(judge(webhook)).end();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/stripe`,
    received,
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
