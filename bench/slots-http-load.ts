// Worker thread: the HTTP clients of the slots benchmark, off the server's event loop as real
// clients would be; reports each request's latency.
import { Agent, request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

export type SlotsLoadInput = {
  readonly url: string;
  readonly token: string;
  readonly concurrency: number;
  readonly requests: number;
};
export type SlotsLoadResult = {
  readonly seconds: number;
  readonly failures: number;
  readonly latenciesMs: number[];
};

const { url, token, concurrency, requests } = workerData as SlotsLoadInput;
const agent = new Agent({ keepAlive: true, maxSockets: concurrency });

/** One GET, read to the end (the body is what costs); resolves its status. */
function get(): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers: { authorization: `Bearer ${token}` } });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

let started = 0;
let failures = 0;
const latenciesMs: number[] = [];
const begin = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (started < requests) {
      started++;
      const sent = performance.now();
      if ((await get()) !== 200) failures++;
      latenciesMs.push(performance.now() - sent);
    }
  }),
);
agent.destroy();
const result: SlotsLoadResult = {
  seconds: (performance.now() - begin) / 1000,
  failures,
  latenciesMs,
};
parentPort?.postMessage(result);
