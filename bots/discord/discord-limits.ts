// Discord's documented component limits, in one place so rendering and tests agree.

export const BUTTONS_PER_ROW = 5;
export const ROWS_PER_MESSAGE = 5;
export const OPTIONS_PER_SELECT = 25;
export const BUTTON_LABEL_LIMIT = 80;
export const OPTION_TEXT_LIMIT = 100;
export const PLACEHOLDER_LIMIT = 150;

/** Custom ids of our select menus; the chosen option's value carries the engine's data. */
export const SELECT_CUSTOM_ID_PREFIX = 'slotline:select:';

/**
 * Cuts `text` to at most `limit` UTF-16 units, marking the cut with an ellipsis. Discord refuses
 * empty labels, so empty text becomes the ellipsis alone. `limit` must be at least 2.
 */
export function fitText(text: string, limit: number): string {
  if (text.length === 0) return '…';
  if (text.length <= limit) return text;
  return `${text.slice(0, limit - 1)}…`;
}

/** Splits `items` into consecutive groups of at most `size` (size ≥ 1); no empty groups. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const groups: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    groups.push(items.slice(start, start + size));
  }
  return groups;
}

/** The items whose key is not yet in `seen`, first occurrence kept; adds their keys to `seen`. */
export function uniqueBy<T>(items: readonly T[], key: (item: T) => string, seen: Set<string>): T[] {
  const kept: T[] = [];
  for (const item of items) {
    if (seen.has(key(item))) continue;
    seen.add(key(item));
    kept.push(item);
  }
  return kept;
}
