// Faults a fake server plays on its next matching requests: error statuses, resets and slow answers.
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * One bad answer. `status`: an error reply in the fake's own shape (Retry-After when given).
 * `reset`: the connection is destroyed before any answer. `slow`: the request is served as usual
 * but answered only after `ms` (a client that gave up meanwhile never hears it was done).
 */
export type Fault =
  | {
      readonly kind: 'status';
      readonly status: 429 | 500 | 503;
      readonly retryAfterSeconds?: number;
    }
  | { readonly kind: 'reset' }
  | { readonly kind: 'slow'; readonly ms: number };

/** Which requests a fault is for: a method (any when absent) and a path prefix or pattern. */
export type FaultRoute = { readonly method?: string; readonly path: string | RegExp };

type Queued = { readonly route: FaultRoute; readonly faults: Fault[] };

/** Faults queued per route; each matching request consumes the first fault of its route. */
export type FaultPlan = {
  /** Queues `faults`, one per matching request, after any already queued for this route. */
  add(route: FaultRoute, ...faults: Fault[]): void;
  /** The fault for this request, removed from its queue; undefined when none is due. */
  take(method: string, path: string): Fault | undefined;
  /** Faults not yet consumed. */
  pending(): number;
  /** Faults consumed so far, oldest first. */
  played(): readonly Fault[];
  clear(): void;
};

/** An empty plan. */
export function createFaultPlan(): FaultPlan {
  const queues: Queued[] = [];
  const played: Fault[] = [];
  const matches = (route: FaultRoute, method: string, path: string) =>
    (route.method === undefined || route.method === method) &&
    (typeof route.path === 'string' ? path.startsWith(route.path) : route.path.test(path));
  return {
    add(route, ...faults) {
      queues.push({ route, faults: [...faults] });
    },
    take(method, path) {
      const queue = queues.find((q) => q.faults.length > 0 && matches(q.route, method, path));
      const fault = queue?.faults.shift();
      if (fault !== undefined) played.push(fault);
      return fault;
    },
    pending: () => queues.reduce((sum, q) => sum + q.faults.length, 0),
    played: () => played,
    clear() {
      queues.length = 0;
    },
  };
}

/** What a fake does with a request once its fault (if any) has been looked at. */
export type FaultOutcome =
  | { readonly kind: 'serve'; readonly delayMs: number }
  | { readonly kind: 'answered' };

/**
 * Plays `fault` on the exchange: a reset destroys the socket, a status is answered through
 * `reply` (the fake's own error body), a slow fault tells the fake to serve after a delay.
 */
export function playFault(
  fault: Fault | undefined,
  req: IncomingMessage,
  res: ServerResponse,
  reply: (status: number, headers: Record<string, string>) => void,
): FaultOutcome {
  if (fault === undefined) return { kind: 'serve', delayMs: 0 };
  switch (fault.kind) {
    case 'reset':
      req.socket.destroy();
      res.destroy();
      return { kind: 'answered' };
    case 'status': {
      const headers: Record<string, string> =
        fault.retryAfterSeconds === undefined
          ? {}
          : { 'retry-after': String(fault.retryAfterSeconds) };
      reply(fault.status, headers);
      return { kind: 'answered' };
    }
    case 'slow':
      return { kind: 'serve', delayMs: fault.ms };
    default: {
      const _never: never = fault;
      return _never;
    }
  }
}

/** Resolves after `ms`; a slow fault's wait. */
export function pause(ms: number): Promise<void> {
  return ms <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Every fault a request can meet, in the order they are played: 429 with a Retry-After of
 * `retryAfterSeconds`, 500, 503, a reset, and an answer three times slower than `timeoutMs`.
 */
export function everyFault(timeoutMs: number, retryAfterSeconds = 2): Fault[] {
  return [
    { kind: 'status', status: 429, retryAfterSeconds },
    { kind: 'status', status: 500 },
    { kind: 'status', status: 503 },
    { kind: 'reset' },
    { kind: 'slow', ms: timeoutMs * 3 },
  ];
}
