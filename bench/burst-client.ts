// Worker thread: fires one burst of booking requests at once and reports each one's status, body and time.
import { Agent, request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

export type BurstRequest = {
  readonly providerId: string;
  readonly serviceId: string;
  readonly clientId: string;
  readonly start: string;
  readonly key: string;
};
export type BurstAnswer = {
  readonly status: number;
  readonly ms: number;
  readonly code: string | null;
  readonly id: string | null;
};
type Input = { base: string; token: string };

const { base, token } = workerData as Input;
// One socket per request of a burst, opened before the first burst, as 100 separate clients.
const agent = new Agent({ keepAlive: true, maxSockets: 256 });

function post(r: BurstRequest): Promise<BurstAnswer> {
  const body = JSON.stringify({
    provider_id: r.providerId,
    service_id: r.serviceId,
    client_id: r.clientId,
    start_time: r.start,
  });
  const begin = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(`${base}/api/appointments`, {
      method: 'POST',
      agent,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        'idempotency-key': r.key,
      },
    });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => {
        const ms = performance.now() - begin;
        const json = JSON.parse(text || '{}') as {
          code?: string;
          error?: { code?: string };
          id?: string;
        };
        const code = json.error?.code ?? json.code ?? null;
        resolve({ status: res.statusCode ?? 0, ms, code, id: json.id ?? null });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

parentPort?.on('message', async (burst: BurstRequest[] | null) => {
  if (burst === null) {
    agent.destroy();
    parentPort?.close();
    return;
  }
  parentPort?.postMessage(await Promise.all(burst.map(post)));
});
