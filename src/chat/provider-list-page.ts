// Pages for the providers' lists (/requests, /week): page numbers from the command's words, and
// greedy pages that keep each message within every platform's text and button limits.
import type { Translator } from '../i18n/translator.ts';

/** Characters of list lines per message: under Discord's 2000 with room for a title and footer. */
export const LIST_CHARS = 1500;

/** A page's bounds: at most `items` entries, `actionable` of them with buttons, `chars` of text. */
export type PageBounds = {
  readonly items: number;
  readonly actionable: number;
  readonly chars: number;
};

/** One listed entry: its text and whether it carries a row of buttons. */
export type PagedLine = { readonly text: string; readonly actionable: boolean };

/**
 * Splits `lines` into consecutive pages, each as long as `bounds` allow (a single line over the
 * character bound still gets a page of its own). Returns the index of each page's first line.
 */
export function pageStarts(lines: readonly PagedLine[], bounds: PageBounds): number[] {
  const starts: number[] = [];
  let count = 0;
  let actionable = 0;
  let chars = 0;
  lines.forEach((line, i) => {
    const fits =
      count < bounds.items &&
      actionable + (line.actionable ? 1 : 0) <= bounds.actionable &&
      chars + line.text.length + 1 <= bounds.chars;
    if (i === 0 || !fits) {
      starts.push(i);
      count = 0;
      actionable = 0;
      chars = 0;
    }
    count += 1;
    actionable += line.actionable ? 1 : 0;
    chars += line.text.length + 1;
  });
  return starts;
}

/** The 1-based page a command's words ask for: none is 1; null when the words are not a number. */
export function pageNumber(args: string): number | null {
  const words = args.trim();
  if (words === '') return 1;
  if (!/^\d{1,4}$/.test(words)) return null;
  return Math.max(1, Number(words));
}

/** "Page 2 of 3. Send /week 3 for the next." and the like; nothing for a single page. */
export function pageFooter(t: Translator, command: string, page: number, pages: number): string[] {
  if (pages <= 1) return [];
  // Numbers as typed in a command: never grouped ('1000', not '1,000').
  const values = {
    command,
    page: String(page),
    pages: String(pages),
    next: String(page + 1),
    previous: String(page - 1),
  };
  const hasNext = page < pages;
  if (hasNext && page > 1) return [t.t('booking.pageBoth', values)];
  if (hasNext) return [t.t('booking.pageNext', values)];
  if (page > 1) return [t.t('booking.pageBack', values)];
  return [t.t('booking.page', values)];
}
