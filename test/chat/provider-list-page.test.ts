// Paging the providers' lists: pages keep within the item, button and character bounds.
import { describe, expect, it } from 'vitest';
import { pageFooter, pageNumber, pageStarts } from '../../src/chat/provider-list-page.ts';
import { translatorFor } from '../../src/i18n/translator.ts';

const line = (text: string, actionable = false) => ({ text, actionable });

describe('pageStarts', () => {
  it('starts a new page at the first line over any bound', () => {
    const bounds = { items: 3, actionable: 2, chars: 100 };
    expect(pageStarts([], bounds)).toEqual([]);
    const plain = Array.from({ length: 7 }, (_, i) => line(`l${i}`));
    expect(pageStarts(plain, bounds)).toEqual([0, 3, 6]);
    const pending = [line('a', true), line('b', true), line('c', true), line('d')];
    expect(pageStarts(pending, bounds)).toEqual([0, 2]);
    const long = [line('x'.repeat(60)), line('y'.repeat(60)), line('z'.repeat(200))];
    expect(pageStarts(long, bounds)).toEqual([0, 1, 2]);
  });

  it('keeps a long week within Discord’s 2000 characters and 5 button rows a page', () => {
    const week = Array.from({ length: 40 }, (_, i) => line(`${'w'.repeat(150)}${i}`, i % 3 === 0));
    const starts = pageStarts(week, { items: 15, actionable: 5, chars: 1500 });
    for (const [i, start] of starts.entries()) {
      const page = week.slice(start, starts[i + 1]);
      expect(page.filter((l) => l.actionable).length).toBeLessThanOrEqual(5);
      expect(page.reduce((n, l) => n + l.text.length + 1, 0)).toBeLessThanOrEqual(1500);
    }
    expect(starts.length).toBeGreaterThan(1);
  });
});

describe('pageNumber and pageFooter', () => {
  it('reads a page number or nothing, and says how to move on', () => {
    expect(pageNumber('')).toBe(1);
    expect(pageNumber(' 3 ')).toBe(3);
    expect(pageNumber('0')).toBe(1);
    expect(pageNumber('next')).toBeNull();
    const en = translatorFor('en');
    expect(pageFooter(en, 'week', 1, 1)).toEqual([]);
    expect(pageFooter(en, 'week', 2, 3)).toEqual([
      'Page 2 of 3. Send /week 3 for the next. /week 1 goes back.',
    ]);
  });

  it.each<[string, number, number, string]>([
    ['en', 1, 3, 'Page 1 of 3. Send /week 2 for the next.'],
    ['en', 3, 3, 'Page 3 of 3. /week 2 goes back.'],
    ['en', 1000, 1001, 'Page 1000 of 1001. Send /week 1001 for the next. /week 999 goes back.'],
    ['de', 1, 3, 'Seite 1 von 3. Senden Sie /week 2 für die nächste.'],
    ['de', 3, 3, 'Seite 3 von 3. /week 2 geht zurück.'],
    ['de', 2, 3, 'Seite 2 von 3. Senden Sie /week 3 für die nächste. /week 1 geht zurück.'],
  ])('in %s, page %i of %i reads %s', (lang, page, pages, text) => {
    const t = translatorFor(lang === 'de' ? 'de' : 'en');
    expect(pageFooter(t, 'week', page, pages)).toEqual([text]);
  });
});
