// Inbound sync from Google: a full listing over a window, or changes since a sync token.
import type { calendar_v3 } from '@googleapis/calendar';
import type { ExternalEvent, PullResult, PullWindow } from '../calendar-client.ts';
import { httpStatusOf } from './google-errors.ts';
import { toExternalEvent } from './google-events.ts';

type EventsApi = calendar_v3.Resource$Events;
type ListParams = calendar_v3.Params$Resource$Events$List;

const PAGE_SIZE = 250;

type Listing = { readonly events: ExternalEvent[]; readonly syncToken: string | null };

/** Follows nextPageToken to the last page, which alone carries nextSyncToken. */
async function listAllPages(events: EventsApi, params: ListParams): Promise<Listing> {
  const found: ExternalEvent[] = [];
  let pageToken: string | undefined;
  for (;;) {
    const { data } = await events.list(pageToken === undefined ? params : { ...params, pageToken });
    for (const item of data.items ?? []) {
      const event = toExternalEvent(item);
      if (event !== null) found.push(event);
    }
    if (!data.nextPageToken) return { events: found, syncToken: data.nextSyncToken ?? null };
    pageToken = data.nextPageToken;
  }
}

/**
 * Every event overlapping `window`, recurring ones expanded to instances. Cancelled events are
 * left out (showDeleted defaults to false; it is not sent because Google wants the later
 * sync-token requests to repeat the first request's parameters, and those may not set it).
 */
export async function pullAllGoogleEvents(
  events: EventsApi,
  calendarId: string,
  window: PullWindow,
): Promise<PullResult> {
  const listing = await listAllPages(events, {
    calendarId,
    timeMin: window.from.toISOString(),
    timeMax: window.to.toISOString(),
    singleEvents: true,
    maxResults: PAGE_SIZE,
  });
  return { complete: true, events: listing.events, cursor: listing.syncToken };
}

/**
 * Changes since the sync token `cursor` (deletions come as removed), or a full pull over `window`
 * when Google answers 410 (token expired or invalidated). Other failures propagate unmapped.
 */
export async function pullGoogleChanges(
  events: EventsApi,
  calendarId: string,
  cursor: string,
  window: PullWindow,
): Promise<PullResult> {
  let listing: Listing;
  try {
    // singleEvents repeats the full pull's parameter, so changes arrive as the same instance ids.
    listing = await listAllPages(events, {
      calendarId,
      syncToken: cursor,
      singleEvents: true,
      maxResults: PAGE_SIZE,
    });
  } catch (error) {
    if (httpStatusOf(error) === 410) return pullAllGoogleEvents(events, calendarId, window);
    throw error;
  }
  return { complete: false, events: listing.events, cursor: listing.syncToken ?? cursor };
}
