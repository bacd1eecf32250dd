// The external calendar kinds: the one list the enums, zod schemas, routes and chat texts derive from.

/** How a provider connects a kind: an OAuth consent page, or credentials typed in (CalDAV). */
export type CalendarConnectMethod = 'oauth' | 'credentials';

export type CalendarKindInfo = {
  /** Shown to people: "Google Calendar". */
  readonly name: string;
  /** The lower-case word in URLs and commands: /connect google, /oauth/google. */
  readonly slug: string;
  readonly connect: CalendarConnectMethod;
};

/** Every calendar kind, in the order help texts list them. */
export const CALENDAR_KINDS = ['GOOGLE', 'OUTLOOK', 'APPLE'] as const;
export type CalendarKind = (typeof CALENDAR_KINDS)[number];

/** One entry per kind; a missing kind is a compile error. */
export const CALENDAR_KIND_INFO = {
  GOOGLE: { name: 'Google Calendar', slug: 'google', connect: 'oauth' },
  OUTLOOK: { name: 'Outlook', slug: 'outlook', connect: 'oauth' },
  APPLE: { name: 'Apple calendar', slug: 'apple', connect: 'credentials' },
} as const satisfies { readonly [K in CalendarKind]: CalendarKindInfo };

/** The kinds connected through an OAuth consent page. */
export type OAuthCalendarKind = {
  [K in CalendarKind]: (typeof CALENDAR_KIND_INFO)[K]['connect'] extends 'oauth' ? K : never;
}[CalendarKind];

export const OAUTH_CALENDAR_KINDS = CALENDAR_KINDS.filter(
  (kind): kind is OAuthCalendarKind => CALENDAR_KIND_INFO[kind].connect === 'oauth',
);

/** The kind whose slug is `word` (case-insensitive), or null. */
export function calendarKindOfSlug(word: string): CalendarKind | null {
  const lower = word.trim().toLowerCase();
  return CALENDAR_KINDS.find((kind) => CALENDAR_KIND_INFO[kind].slug === lower) ?? null;
}

/** Override sources: a provider's own block, or one copied from a connected calendar. */
export const OVERRIDE_SOURCES = ['MANUAL', ...CALENDAR_KINDS] as const;
export type OverrideSource = (typeof OVERRIDE_SOURCES)[number];
