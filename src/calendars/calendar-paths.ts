// The URL paths Slotline serves per calendar kind, built from the kind's slug so routes and links agree.
import {
  CALENDAR_KIND_INFO,
  type OAuthCalendarKind,
  type PushCalendarKind,
} from '../domain/calendar-kinds.ts';

/** Where the browser side of an OAuth connection lives: /oauth/<slug> (then /start, /callback). */
export function oauthPath(kind: OAuthCalendarKind): string {
  return `/oauth/${CALENDAR_KIND_INFO[kind].slug}`;
}

/** Where a push kind's change notifications are posted: /webhooks/<slug>/calendar. */
export function calendarWebhookPath(kind: PushCalendarKind): string {
  return `/webhooks/${CALENDAR_KIND_INFO[kind].slug}/calendar`;
}
