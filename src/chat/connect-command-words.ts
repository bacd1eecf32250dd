// The /connect wording, derived from the calendar kinds so a new kind shows up in help and menus.
import {
  CALENDAR_KIND_INFO,
  CREDENTIALS_CALENDAR_KINDS,
  OAUTH_CALENDAR_KINDS,
} from '../domain/calendar-kinds.ts';
import type { Translator } from '../i18n/translator.ts';

const slugs = OAUTH_CALENDAR_KINDS.map((kind) => CALENDAR_KIND_INFO[kind].slug);
// Credentials kinds (Apple) need a password that must not be typed into a chat: the admin connects them.
const byAdmin = CREDENTIALS_CALENDAR_KINDS;

/** Choices as the reader lists them: "a or b", "a, b or c"; "a oder b" in German. */
function orWords(t: Translator, words: readonly string[]): string {
  return new Intl.ListFormat(t.locale, { type: 'disjunction' }).format(words);
}

/** The help line: "/connect google or /connect outlook: ...; Apple calendars are connected by your admin". */
export function connectHelpLine(t: Translator): string {
  const usage = orWords(
    t,
    slugs.map((slug) => t.t('help.connectCommand', { slug })),
  );
  if (byAdmin.length === 0) return t.t('help.connect', { usage });
  const kinds = byAdmin.map((kind) =>
    t.t('help.calendarKinds', { kind, name: CALENDAR_KIND_INFO[kind].name }),
  );
  return t.t('help.connectByAdmin', { usage, kinds: orWords(t, kinds) });
}

/** The menu description: "sync your Google Calendar or Outlook". */
export function connectDescription(t: Translator): string {
  const calendars = OAUTH_CALENDAR_KINDS.map((kind) => CALENDAR_KIND_INFO[kind].name);
  return t.t('commands.connect', { calendars: orWords(t, calendars) });
}

/** The argument's words for Discord: "google or outlook". */
export function connectChoicesSpoken(t: Translator): string {
  return orWords(t, slugs);
}

/** Slack's usage hint: "google | outlook" (slugs are typed as they are, in every language). */
export function connectChoicesHint(): string {
  return slugs.join(' | ');
}
