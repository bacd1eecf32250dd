// The /connect choices and a calendar's name read in the provider's language.
import { describe, expect, it } from 'vitest';
import { calendarName, connectChoices, connectUsage } from '../../src/chat/calendar-words.ts';
import type { Language } from '../../src/i18n/languages.ts';
import { translatorFor } from '../../src/i18n/translator.ts';

describe('calendar words', () => {
  it.each<[Language, string, string, RegExp]>([
    ['en', '/connect google or /connect outlook', 'Apple calendar', /^Send .* \(Apple calendars/],
    ['de', '/connect google oder /connect outlook', 'Apple-Kalender', /^Senden Sie .* \(Apple-/],
  ])('in %s', (lang, choices, apple, usage) => {
    const t = translatorFor(lang);
    expect(connectChoices(t)).toBe(choices);
    expect(calendarName(t, 'APPLE')).toBe(apple);
    expect(connectUsage(t)).toMatch(usage);
  });
});
