// The Outlook (Microsoft Graph over fetch) implementation of CalendarClient and CalendarWatcher.
import type { CalendarClient, CalendarWatcher, PushChannel } from '../calendar-client.ts';
import { createGraphSession, type GraphSessionOptions } from './graph-session.ts';
import { pullOutlookEvents } from './outlook-delta.ts';
import { createOutlookEvent, deleteOutlookEvent, updateOutlookEvent } from './outlook-events.ts';
import {
  closeOutlookSubscription,
  openOutlookSubscription,
  renewOutlookSubscription,
} from './outlook-subscriptions.ts';

export type OutlookCalendar = CalendarClient &
  CalendarWatcher & {
    /**
     * Pushes the subscription's expiry another 4,200 minutes out (do it at half-life). Resolves
     * null when Graph no longer knows the subscription: open a new channel.
     */
    renewChannel(channel: PushChannel): Promise<PushChannel | null>;
  };

export type OutlookCalendarOptions = GraphSessionOptions & {
  /** E.g. 'https://graph.microsoft.com'; no trailing slash. */
  readonly graphUrl: string;
};

/**
 * Binds one provider's Outlook connection. Methods throw CalendarAuthError when Microsoft refuses
 * the tokens or consent (reconnect), CalendarUnavailableError on 429/5xx/network faults, and
 * GraphApiError for any other refusal (a request Graph considers invalid).
 */
export function createOutlookCalendar(o: OutlookCalendarOptions): OutlookCalendar {
  const send = createGraphSession(o);
  const { graphUrl } = o;
  return {
    kind: 'OUTLOOK',
    createEvent: (event) => createOutlookEvent(send, graphUrl, event),
    updateEvent: (id, event) => updateOutlookEvent(send, graphUrl, id, event),
    deleteEvent: (id) => deleteOutlookEvent(send, graphUrl, id),
    pullEvents: (cursor, window) => pullOutlookEvents(send, graphUrl, cursor, window),
    openChannel: (webhookUrl, secret) =>
      openOutlookSubscription(send, graphUrl, o.now(), webhookUrl, secret),
    renewChannel: (channel) => renewOutlookSubscription(send, graphUrl, o.now(), channel),
    closeChannel: (channel) => closeOutlookSubscription(send, graphUrl, channel),
  };
}
