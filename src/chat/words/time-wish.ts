// What a person means by a time of day: 'at 10' (exactly 10:00), 'after 3pm' (from 15:00),
// 'before 11' (up to 11:00), 'morning' (06:00-12:00). Stored as it is in the booking hints' `time`.
import type { Translator } from '../../i18n/translator.ts';
import type { Hints } from '../conversation-state.ts';

export type TimeWish =
  | { readonly kind: 'at'; readonly minutes: number }
  | { readonly kind: 'from'; readonly minutes: number }
  | { readonly kind: 'before'; readonly minutes: number }
  | { readonly kind: 'between'; readonly from: number; readonly to: number };

/** Parts of the day as ranges of minutes after midnight. */
export const PARTS_OF_DAY: Record<string, { from: number; to: number }> = {
  morning: { from: 6 * 60, to: 12 * 60 },
  afternoon: { from: 12 * 60, to: 17 * 60 },
  evening: { from: 17 * 60, to: 22 * 60 },
  tonight: { from: 17 * 60, to: 22 * 60 },
};

/** Hints for `words` (names), `day` and `wish`. */
export function hintsOf(
  words: readonly string[],
  day: string | null,
  wish: TimeWish | null,
): Hints {
  return { words: words.slice(0, 18), day, time: wish };
}

/** The hints without any time wish (after an exact time was used, or a range came up empty). */
export function withoutTime(hints: Hints): Hints {
  return { ...hints, time: null };
}

/** Whether a start `minutes` after midnight fits the wish ('at' counts from that time on). */
export function fitsWish(minutes: number, wish: TimeWish): boolean {
  switch (wish.kind) {
    case 'at':
    case 'from':
      return minutes >= wish.minutes;
    case 'before':
      return minutes < wish.minutes;
    case 'between':
      return minutes >= wish.from && minutes < wish.to;
  }
}

/** 'HH:MM' of minutes after midnight. */
export function clockOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** How the wish reads in a sentence: 'at 10:00', 'from 15:00', 'between 06:00 and 12:00'. */
export function wishText(t: Translator, wish: TimeWish): string {
  switch (wish.kind) {
    case 'at':
      return t.t('words.wishAt', { clock: clockOf(wish.minutes) });
    case 'from':
      return t.t('words.wishFrom', { clock: clockOf(wish.minutes) });
    case 'before':
      return t.t('words.wishBefore', { clock: clockOf(wish.minutes) });
    case 'between':
      return t.t('words.wishBetween', { from: clockOf(wish.from), to: clockOf(wish.to) });
  }
}
