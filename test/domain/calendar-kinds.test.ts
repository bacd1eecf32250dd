// The calendar kind registry: slugs and aliases to kinds, the derived kind lists and the text phrases.
import { describe, expect, it } from 'vitest';
import {
  CALENDAR_KIND_INFO,
  CALENDAR_KINDS,
  CREDENTIALS_CALENDAR_KINDS,
  calendarKindOfSlug,
  isOAuthCalendarKind,
  isPushCalendarKind,
  OAUTH_CALENDAR_KINDS,
  OVERRIDE_SOURCES,
  POLLED_CALENDAR_KINDS,
  PUSH_CALENDAR_KINDS,
} from '../../src/domain/calendar-kinds.ts';

describe('calendarKindOfSlug', () => {
  it.each([
    ['google', 'GOOGLE'],
    ['outlook', 'OUTLOOK'],
    ['apple', 'APPLE'],
    ['icloud', 'APPLE'],
    ['  Google ', 'GOOGLE'],
    ['OUTLOOK', 'OUTLOOK'],
    ['iCloud', 'APPLE'],
    ['', null],
    ['yahoo', null],
    ['google outlook', null],
    ['GOOGLE_CALENDAR', null],
  ])('%j is %s', (word, kind) => {
    expect(calendarKindOfSlug(word)).toBe(kind);
  });

  it('finds every kind by its own slug, and no two kinds share a slug or alias', () => {
    const words = CALENDAR_KINDS.flatMap((kind) => {
      const info = CALENDAR_KIND_INFO[kind];
      expect(calendarKindOfSlug(info.slug)).toBe(kind);
      return [info.slug, ...info.aliases];
    });
    expect(new Set(words).size).toBe(words.length);
    for (const word of words) expect(word).toMatch(/^[a-z]+$/);
  });
});

describe('derived kind lists', () => {
  it('splits the kinds by how they connect and how they report changes', () => {
    expect(OAUTH_CALENDAR_KINDS).toEqual(['GOOGLE', 'OUTLOOK']);
    expect(CREDENTIALS_CALENDAR_KINDS).toEqual(['APPLE', 'CALDAV']);
    expect(PUSH_CALENDAR_KINDS).toEqual(['GOOGLE', 'OUTLOOK']);
    expect(POLLED_CALENDAR_KINDS).toEqual(['APPLE', 'CALDAV']);
    expect(CALENDAR_KINDS.filter(isOAuthCalendarKind)).toEqual(OAUTH_CALENDAR_KINDS);
    expect(CALENDAR_KINDS.filter(isPushCalendarKind)).toEqual(PUSH_CALENDAR_KINDS);
  });

  it('lists MANUAL and then every kind as override sources', () => {
    expect(OVERRIDE_SOURCES).toEqual(['MANUAL', ...CALENDAR_KINDS]);
  });
});
