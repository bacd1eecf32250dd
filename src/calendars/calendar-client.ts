// One interface for every calendar kind: jobs and chat never know which one a provider uses.
import type { CalendarKind } from '../domain/calendar-kinds.ts';

/** An appointment as it goes on the provider's calendar. */
export type OutboundEvent = {
  readonly appointmentId: string;
  /** E.g. 'Massage with Sam Client'. */
  readonly summary: string;
  readonly description: string;
  readonly start: Date;
  readonly end: Date;
  /** The provider's IANA zone, so the calendar shows the event in local time. */
  readonly timezone: string;
  readonly meetingLink: string | null;
  /** Ask the calendar itself for a meeting link (Google Meet); the others ignore it. */
  readonly requestMeeting: boolean;
};

export type CreatedEvent = {
  readonly externalEventId: string;
  /** The link the calendar made when `requestMeeting` was set (Google Meet), else null. */
  readonly meetingLink: string | null;
};

/** When an external event happens: an instant range, or whole local days (end exclusive). */
export type EventTiming =
  | { readonly kind: 'timed'; readonly start: Date; readonly end: Date }
  | { readonly kind: 'all-day'; readonly startDate: string; readonly endDate: string };

/** One event as the inbound sync sees it. */
export type ExternalEvent =
  | { readonly externalEventId: string; readonly removed: true }
  | {
      readonly externalEventId: string;
      readonly removed: false;
      /**
       * Whether it blocks the provider's time: false for free/transparent, cancelled or declined
       * events, and for events Slotline itself put there.
       */
      readonly busy: boolean;
      readonly timing: EventTiming;
    };

export type PullWindow = { readonly from: Date; readonly to: Date };

export type PullResult = {
  /** True when `events` is every event in the window, so any other stored one is gone. */
  readonly complete: boolean;
  readonly events: readonly ExternalEvent[];
  /** Where the next pull starts (a sync token or delta link); null when every pull is complete. */
  readonly cursor: string | null;
};

/**
 * A provider's calendar, with credentials bound in. Methods throw CalendarAuthError when the
 * connection is revoked or its credentials are refused (retrying cannot help: the provider
 * must reconnect), and CalendarUnavailableError for anything a retry may fix.
 */
export interface CalendarClient {
  readonly kind: CalendarKind;
  createEvent(event: OutboundEvent): Promise<CreatedEvent>;
  updateEvent(externalEventId: string, event: OutboundEvent): Promise<void>;
  /** Deleting an event that is already gone succeeds. */
  deleteEvent(externalEventId: string): Promise<void>;
  /**
   * Changes since `cursor`, or every event overlapping `window` when `cursor` is null. A cursor
   * the server no longer accepts (Google 410, Graph SyncStateNotFound) gives a complete pull over
   * `window` instead.
   */
  pullEvents(cursor: string | null, window: PullWindow): Promise<PullResult>;
}

/** A push channel: a Google watch channel or a Graph subscription. */
export type PushChannel = {
  readonly id: string;
  /** Google's resourceId (needed to stop the channel); null for Graph. */
  readonly resourceId: string | null;
  readonly expiresAt: Date;
};

/** Calendars that push change notifications (Apple has none and is polled). */
export interface CalendarWatcher {
  /** Opens a channel posting to `webhookUrl`, echoing `secret` (Google token, Graph clientState). */
  openChannel(webhookUrl: string, secret: string): Promise<PushChannel>;
  /** Stops the channel; one already gone succeeds. */
  closeChannel(channel: PushChannel): Promise<void>;
}

/** OAuth tokens as stored (encrypted) and refreshed; a refresh without a new refresh token keeps the old one. */
export type OAuthTokens = {
  readonly accessToken: string | null;
  readonly refreshToken: string | null;
  readonly expiresAt: Date | null;
};

/** Persists tokens as they are refreshed, before they are used. */
export type SaveTokens = (tokens: OAuthTokens) => Promise<void>;

/** The connection is revoked or its credentials are refused; the provider must reconnect. */
export class CalendarAuthError extends Error {
  override name = 'CalendarAuthError';
}

/** The calendar service failed in a way a retry may fix (5xx, 429, network). */
export class CalendarUnavailableError extends Error {
  override name = 'CalendarUnavailableError';
}
