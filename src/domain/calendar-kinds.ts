// The external calendar kinds: the one list the enums, zod schemas, routes and chat texts derive from.

/**
 * How a provider connects a kind: an OAuth consent page, or a credential typed in (CalDAV).
 * A credentials kind names its credential for texts ("an app-specific password").
 */
type CalendarConnect =
  | { readonly connect: 'oauth' }
  | { readonly connect: 'credentials'; readonly credential: string };

export type CalendarKindInfo = CalendarConnect & {
  /** Shown to people: "Google Calendar". */
  readonly name: string;
  /** The lower-case word in URLs and commands: /connect google, /oauth/google. */
  readonly slug: string;
  /** Other words people use for it in commands ("icloud"), lower-case. */
  readonly aliases: readonly string[];
  /** How Slotline hears of changes: the service pushes to a webhook, or Slotline polls it. */
  readonly changes: 'push' | 'poll';
};

/** Every calendar kind, in the order help texts list them. */
export const CALENDAR_KINDS = ['GOOGLE', 'OUTLOOK', 'APPLE', 'CALDAV'] as const;
export type CalendarKind = (typeof CALENDAR_KINDS)[number];

/** One entry per kind; a missing kind is a compile error. */
export const CALENDAR_KIND_INFO = {
  GOOGLE: {
    name: 'Google Calendar',
    slug: 'google',
    aliases: [],
    connect: 'oauth',
    changes: 'push',
  },
  OUTLOOK: { name: 'Outlook', slug: 'outlook', aliases: [], connect: 'oauth', changes: 'push' },
  APPLE: {
    name: 'Apple calendar',
    slug: 'apple',
    aliases: ['icloud'],
    connect: 'credentials',
    credential: 'an app-specific password',
    changes: 'poll',
  },
  CALDAV: {
    name: 'CalDAV calendar',
    slug: 'caldav',
    aliases: ['fastmail', 'nextcloud', 'radicale'],
    connect: 'credentials',
    credential: 'a server address and password',
    changes: 'poll',
  },
} as const satisfies { readonly [K in CalendarKind]: CalendarKindInfo };

type Info = typeof CALENDAR_KIND_INFO;

/** The kinds connected through an OAuth consent page. */
export type OAuthCalendarKind = {
  [K in CalendarKind]: Info[K]['connect'] extends 'oauth' ? K : never;
}[CalendarKind];

/** The kinds connected with a credential typed in. */
export type CredentialsCalendarKind = Exclude<CalendarKind, OAuthCalendarKind>;

/** The kinds that push change notifications to a webhook. */
export type PushCalendarKind = {
  [K in CalendarKind]: Info[K]['changes'] extends 'push' ? K : never;
}[CalendarKind];

/** Whether `kind` is connected through an OAuth consent page. */
export function isOAuthCalendarKind(kind: CalendarKind): kind is OAuthCalendarKind {
  return CALENDAR_KIND_INFO[kind].connect === 'oauth';
}

/** Whether `kind` pushes change notifications (the others are polled). */
export function isPushCalendarKind(kind: CalendarKind): kind is PushCalendarKind {
  return CALENDAR_KIND_INFO[kind].changes === 'push';
}

export const OAUTH_CALENDAR_KINDS: readonly OAuthCalendarKind[] =
  CALENDAR_KINDS.filter(isOAuthCalendarKind);

export const CREDENTIALS_CALENDAR_KINDS: readonly CredentialsCalendarKind[] = CALENDAR_KINDS.filter(
  (kind): kind is CredentialsCalendarKind => !isOAuthCalendarKind(kind),
);

export const PUSH_CALENDAR_KINDS: readonly PushCalendarKind[] =
  CALENDAR_KINDS.filter(isPushCalendarKind);

/** The kinds Slotline polls for changes, since they push none (Apple, CalDAV). */
export const POLLED_CALENDAR_KINDS: readonly Exclude<CalendarKind, PushCalendarKind>[] =
  CALENDAR_KINDS.filter(
    (kind): kind is Exclude<CalendarKind, PushCalendarKind> => !isPushCalendarKind(kind),
  );

/** The kind whose slug or alias is `word` (case-insensitive, spaces ignored), or null. */
export function calendarKindOfSlug(word: string): CalendarKind | null {
  const lower = word.trim().toLowerCase();
  const named = (kind: CalendarKind) => {
    const info: CalendarKindInfo = CALENDAR_KIND_INFO[kind];
    return info.slug === lower || info.aliases.includes(lower);
  };
  return CALENDAR_KINDS.find(named) ?? null;
}

/** Override sources: a provider's own block, or one copied from a connected calendar. */
export const OVERRIDE_SOURCES = ['MANUAL', ...CALENDAR_KINDS] as const;
export type OverrideSource = (typeof OVERRIDE_SOURCES)[number];
