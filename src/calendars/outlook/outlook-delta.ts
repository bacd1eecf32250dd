// Inbound sync for Outlook: calendarView delta rounds, followed page by page to the deltaLink.
import { z } from 'zod';
import {
  CalendarUnavailableError,
  type ExternalEvent,
  type PullResult,
  type PullWindow,
} from '../calendar-client.ts';
import { GraphApiError, graphFailure, readGraphError } from './graph-http.ts';
import type { GraphSend } from './graph-session.ts';
import { mapGraphEvent } from './outlook-event-mapping.ts';

/** Bounds a runaway nextLink chain (50 events a page). */
const MAX_PAGES = 2_000;
const PREFER = 'odata.maxpagesize=50, outlook.timezone="UTC"';

const deltaPage = z.object({
  '@odata.nextLink': z.string().optional(),
  '@odata.deltaLink': z.string().optional(),
  value: z.array(z.unknown()),
});

type Round = { readonly events: ExternalEvent[]; readonly deltaLink: string } | 'stale';

/**
 * Pulls changes since `cursor` (a deltaLink), or every event in `window` when it is null. A
 * cursor Graph no longer knows (410 SyncStateNotFound) or one that does not point at `graphUrl`
 * gives a complete pull over `window`; the bearer token is only ever sent to `graphUrl`.
 */
export async function pullOutlookEvents(
  send: GraphSend,
  graphUrl: string,
  cursor: string | null,
  window: PullWindow,
): Promise<PullResult> {
  if (cursor !== null && isGraphLink(cursor, graphUrl)) {
    const round = await followRound(send, graphUrl, cursor);
    if (round !== 'stale')
      return { complete: false, events: round.events, cursor: round.deltaLink };
  }
  const query = new URLSearchParams({
    startDateTime: window.from.toISOString(),
    endDateTime: window.to.toISOString(),
  });
  const round = await followRound(
    send,
    graphUrl,
    `${graphUrl}/v1.0/me/calendarView/delta?${query}`,
  );
  if (round === 'stale') {
    throw new CalendarUnavailableError('Graph lost the sync state of a fresh delta round');
  }
  return { complete: true, events: round.events, cursor: round.deltaLink };
}

async function followRound(send: GraphSend, graphUrl: string, start: string): Promise<Round> {
  const events: ExternalEvent[] = [];
  let url = start;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const response = await send({ method: 'GET', url, headers: { prefer: PREFER } });
    if (!response.ok) {
      const cause = await readGraphError(response);
      if (isStaleSyncState(cause)) return 'stale';
      throw graphFailure(cause, 'Pulling calendar changes');
    }
    const body = deltaPage.safeParse(await response.json().catch(() => null));
    if (!body.success) throw unreadable('the delta page is not a page of events', body.error);
    for (const item of body.data.value) events.push(mapGraphEvent(item));
    const deltaLink = body.data['@odata.deltaLink'];
    if (deltaLink !== undefined) return { events, deltaLink };
    const next = body.data['@odata.nextLink'];
    if (next === undefined || !isGraphLink(next, graphUrl)) {
      throw unreadable('the delta page has no usable nextLink or deltaLink', null);
    }
    url = next;
  }
  throw unreadable(`the delta round did not end within ${MAX_PAGES} pages`, null);
}

function isStaleSyncState(error: GraphApiError): boolean {
  return (
    error.status === 410 ||
    /^(syncStateNotFound|syncStateInvalid|resyncRequired)$/i.test(error.code ?? '')
  );
}

/** Links Graph hands back are absolute; only ones under the configured base may get the token. */
function isGraphLink(link: string, graphUrl: string): boolean {
  if (!URL.canParse(link)) return false;
  const target = new URL(link);
  const base = new URL(graphUrl);
  const basePath = base.pathname.replace(/\/$/, '');
  return target.origin === base.origin && target.pathname.startsWith(`${basePath}/v1.0/`);
}

function unreadable(what: string, cause: unknown): CalendarUnavailableError {
  return new CalendarUnavailableError(`Pulling calendar changes: ${what}`, {
    cause: cause ?? new GraphApiError(200, null, what),
  });
}
