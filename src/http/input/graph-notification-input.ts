// The channel claims in a Microsoft Graph change-notification POST, bounded and coalesced.
import type { ChannelClaim } from '../../calendars/calendar-connections.ts';
import { parseGraphNotifications } from '../../calendars/outlook/graph-notification.ts';

/**
 * The most notifications one POST may carry. Graph batches a few hundred at most; a bigger body
 * is not from Graph, and refusing it keeps a forged POST from costing work per entry.
 */
export const MAX_GRAPH_NOTIFICATIONS = 1000;

export type GraphClaims =
  | { readonly ok: true; readonly claims: ChannelClaim[] }
  | { readonly ok: false; readonly count: number };

/**
 * One claim per distinct subscriptionId, with the first clientState given for it (Graph repeats
 * the subscription's one clientState in each of its notifications). Items without a
 * subscriptionId or clientState, and anything that is not a notification body, give no claims;
 * more than MAX_GRAPH_NOTIFICATIONS items give `{ ok: false }` before any is read. Never throws.
 */
export function readGraphClaims(body: unknown): GraphClaims {
  const items = (body as { value?: unknown } | null)?.value;
  if (Array.isArray(items) && items.length > MAX_GRAPH_NOTIFICATIONS) {
    return { ok: false, count: items.length };
  }
  const bySubscription = new Map<string, string>();
  for (const note of parseGraphNotifications(body)) {
    if (note.clientState === null || bySubscription.has(note.subscriptionId)) continue;
    bySubscription.set(note.subscriptionId, note.clientState);
  }
  const claims = [...bySubscription].map(([channelId, secret]) => ({ channelId, secret }));
  return { ok: true, claims };
}
