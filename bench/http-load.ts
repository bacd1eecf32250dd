// Worker thread: the HTTP clients of the booking benchmark, off the server's event loop as real
// clients would be. node:http with keep-alive is a lighter client than fetch.
import { Agent, request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

type Job = { providerId: string; serviceId: string; clientId: string; start: string };
type Input = { base: string; token: string; concurrency: number; jobs: Job[] };

const { base, token, concurrency, jobs } = workerData as Input;
const agent = new Agent({ keepAlive: true, maxSockets: concurrency });

function post(job: Job): Promise<number> {
  const body = JSON.stringify({
    provider_id: job.providerId,
    service_id: job.serviceId,
    client_id: job.clientId,
    start_time: job.start,
  });
  return new Promise((resolve, reject) => {
    const req = request(`${base}/api/appointments`, {
      method: 'POST',
      agent,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        'idempotency-key': crypto.randomUUID(),
      },
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

let next = 0;
let failures = 0;
const begin = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    for (let job = jobs[next++]; job; job = jobs[next++]) {
      if ((await post(job)) !== 201) failures++;
    }
  }),
);
agent.destroy();
parentPort?.postMessage({ seconds: (performance.now() - begin) / 1000, failures });
