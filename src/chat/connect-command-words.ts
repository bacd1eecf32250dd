// The /connect wording, derived from the calendar kinds so a new kind shows up in help and menus.
import {
  CALENDAR_KIND_INFO,
  type CalendarKind,
  CREDENTIALS_CALENDAR_KINDS,
  OAUTH_CALENDAR_KINDS,
  oauthChoices,
  orList,
} from '../domain/calendar-kinds.ts';

const slugs = OAUTH_CALENDAR_KINDS.map((kind) => CALENDAR_KIND_INFO[kind].slug);
const names = (kinds: readonly CalendarKind[]) =>
  kinds.map((kind) => CALENDAR_KIND_INFO[kind].name);
// Credentials kinds (Apple) need a password that must not be typed into a chat: the admin connects them.
const byAdmin = CREDENTIALS_CALENDAR_KINDS;

/** The help line: "/connect google or /connect outlook: ...; Apple calendars are connected by your admin". */
export function connectHelpLine(): string {
  const usage = oauthChoices('/connect ');
  const admin =
    byAdmin.length === 0
      ? ''
      : `; ${orList(names(byAdmin).map((n) => `${n}s`))} are connected by your admin`;
  return `${usage}: sync your calendar both ways${admin}`;
}

/** The menu description: "sync your Google Calendar or Outlook". */
export function connectDescription(): string {
  return `sync your ${orList(names(OAUTH_CALENDAR_KINDS))}`;
}

/** The argument's words: "google or outlook" for Discord, "google | outlook" for Slack. */
export function connectChoices(): { readonly spoken: string; readonly hint: string } {
  return { spoken: orList(slugs), hint: slugs.join(' | ') };
}
