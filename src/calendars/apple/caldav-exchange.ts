// Runs tsdav calls through a traced fetch, so refused credentials and outages become calendar errors.
import { CalendarAuthError, CalendarUnavailableError } from '../calendar-client.ts';

export const DEFAULT_CALDAV_TIMEOUT_MS = 15_000;
/** One exchange (a login is up to five requests) ends by then, however slowly each answers. */
const EXCHANGE_TIMEOUT_FACTOR = 3;

/** The worst thing the wire showed during one exchange; 'refused' outranks 'unavailable'. */
type WireFault = { readonly kind: 'refused' | 'unavailable'; readonly detail: string };

type Trace = { fault: WireFault | null };

/** Hand `fetch` to every tsdav call of the exchange; tsdav swallows some failures it sees. */
export type CalDavCall<T> = (fetch: typeof globalThis.fetch) => Promise<T>;

/**
 * Runs `call` with a fetch that records every answer. Throws CalendarAuthError when any request
 * was answered 401, CalendarUnavailableError on 5xx, 429, a network failure or a timeout
 * (`timeoutMs` per request, connecting included, and three times that for the whole exchange) —
 * also when tsdav itself did not throw, because it reads a 503 on PROPFIND as "no calendars".
 * Other errors propagate unchanged. Messages name the step only, never the credentials.
 */
export async function runCalDav<T>(
  step: string,
  timeoutMs: number,
  call: CalDavCall<T>,
): Promise<T> {
  const trace: Trace = { fault: null };
  const deadline = AbortSignal.timeout(timeoutMs * EXCHANGE_TIMEOUT_FACTOR);
  let result: T;
  try {
    result = await call(tracedFetch(trace, timeoutMs, deadline));
  } catch (error) {
    // A body that outlives the timeouts fails after its fetch resolved: record it here.
    if (isTimeout(error)) record(trace, { kind: 'unavailable', detail: networkDetail(error) });
    throw trace.fault === null ? error : toCalendarError(step, trace.fault, error);
  }
  if (trace.fault !== null) throw toCalendarError(step, trace.fault, undefined);
  return result;
}

/** Reads and drops a write's body (freeing the connection) and checks its status. */
export async function expectStatus(
  step: string,
  response: Response,
  accepted: readonly number[],
): Promise<void> {
  await response.arrayBuffer().catch(() => undefined);
  if (!accepted.includes(response.status)) {
    throw new Error(`the CalDAV server answered ${response.status} to ${step}`);
  }
}

function tracedFetch(
  trace: Trace,
  timeoutMs: number,
  deadline: AbortSignal,
): typeof globalThis.fetch {
  return async (input, init) => {
    // The timeouts hold even when tsdav passes a signal of its own; they also bound the body.
    const signals = [AbortSignal.timeout(timeoutMs), deadline];
    let response: Response;
    try {
      response = await fetch(input, {
        ...init,
        signal: AbortSignal.any(init?.signal ? [init.signal, ...signals] : signals),
      });
    } catch (error) {
      record(trace, { kind: 'unavailable', detail: networkDetail(error) });
      throw error;
    }
    if (response.status === 401) {
      record(trace, { kind: 'refused', detail: 'credentials refused (401)' });
    } else if (response.status >= 500 || response.status === 429) {
      record(trace, { kind: 'unavailable', detail: `HTTP ${response.status}` });
    }
    return response;
  };
}

function record(trace: Trace, fault: WireFault): void {
  if (trace.fault?.kind !== 'refused') trace.fault = fault;
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && error.name === 'TimeoutError';
}

function networkDetail(error: unknown): string {
  if (isTimeout(error)) return 'request timed out';
  return error instanceof Error ? `network error (${error.name})` : 'network error';
}

function toCalendarError(step: string, fault: WireFault, cause: unknown): Error {
  const options = cause === undefined ? undefined : { cause };
  return fault.kind === 'refused'
    ? new CalendarAuthError(`the CalDAV server refused the credentials during ${step}`, options)
    : new CalendarUnavailableError(
        `the CalDAV server was unavailable during ${step}: ${fault.detail}`,
        options,
      );
}
