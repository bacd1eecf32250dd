// How a calendar kind and the /connect choices read in the provider's language.
import {
  CALENDAR_KIND_INFO,
  type CalendarKind,
  CREDENTIALS_CALENDAR_KINDS,
  type CredentialsCalendarKind,
  OAUTH_CALENDAR_KINDS,
} from '../domain/calendar-kinds.ts';
import type { Translator } from '../i18n/translator.ts';

/** 'Google Calendar' ('Google Kalender'): one calendar of `kind`. */
export function calendarName(t: Translator, kind: CalendarKind): string {
  return t.t('calendar.name', { kind, name: CALENDAR_KIND_INFO[kind].name });
}

/** 'Apple calendars' ('Apple-Kalender'): calendars of `kind`. */
function calendarsOf(t: Translator, kind: CalendarKind): string {
  return t.t('help.calendarKinds', { kind, name: CALENDAR_KIND_INFO[kind].name });
}

function orWords(t: Translator, words: readonly string[]): string {
  return new Intl.ListFormat(t.locale, { type: 'disjunction' }).format(words);
}

/** '/connect google or /connect outlook' ('... oder ...'): every OAuth kind, from the registry. */
export function connectChoices(t: Translator): string {
  const commands = OAUTH_CALENDAR_KINDS.map((kind) =>
    t.t('help.connectCommand', { slug: CALENDAR_KIND_INFO[kind].slug }),
  );
  return orWords(t, commands);
}

/** What /connect with no kind it knows says: the choices, and which kinds the admin connects. */
export function connectUsage(t: Translator): string {
  const choices = connectChoices(t);
  if (CREDENTIALS_CALENDAR_KINDS.length === 0) return t.t('calendar.usage', { choices });
  const kinds = CREDENTIALS_CALENDAR_KINDS.map((kind) => calendarsOf(t, kind));
  // The admin's kinds are listed with 'and', as the English always read.
  const all = new Intl.ListFormat(t.locale, { type: 'conjunction' }).format(kinds);
  return t.t('calendar.usageByAdmin', { choices, kinds: all });
}

/** A credential typed in chat would stay in the platform's history, so only the admin API takes it. */
export function askTheAdmin(t: Translator, kind: CredentialsCalendarKind): string {
  const { credential, slug } = CALENDAR_KIND_INFO[kind];
  return t.t('calendar.askAdmin', {
    kinds: calendarsOf(t, kind),
    credential: t.t('calendar.credential', { kind, credential }),
    slug,
  });
}
