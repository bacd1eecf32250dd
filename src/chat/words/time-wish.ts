// What a person means by a time of day: 'at 10' (exactly 10:00), 'after 3pm' (from 15:00),
// 'before 11' (up to 11:00), 'morning' (06:00-12:00). Stored in the booking hints: the plain
// `time` bound, plus a marker word (never a name word) for an exact time or a range's end.
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

/** Marker words start with '~', which no typed word keeps (words are letters and digits). */
const EXACT = '~at';
const UNTIL = /^~until:(\d{1,4})$/;

/** Hints for `words` (names), `day` and `wish`, with the markers the plain `time` cannot hold. */
export function hintsOf(
  words: readonly string[],
  day: string | null,
  wish: TimeWish | null,
): Hints {
  const names = words.slice(0, 18);
  switch (wish?.kind) {
    case undefined:
      return { words: names, day, time: null };
    case 'at':
      return { words: [...names, EXACT], day, time: { minutes: wish.minutes, before: false } };
    case 'from':
      return { words: names, day, time: { minutes: wish.minutes, before: false } };
    case 'before':
      return { words: names, day, time: { minutes: wish.minutes, before: true } };
    case 'between':
      return {
        words: [...names, `~until:${wish.to}`],
        day,
        time: { minutes: wish.from, before: false },
      };
  }
}

/** The time wish the hints hold, or null. */
export function wishOf(hints: Hints): TimeWish | null {
  const { time } = hints;
  if (time === null) return null;
  if (time.before) return { kind: 'before', minutes: time.minutes };
  if (hints.words.includes(EXACT)) return { kind: 'at', minutes: time.minutes };
  for (const word of hints.words) {
    const until = UNTIL.exec(word);
    if (until) return { kind: 'between', from: time.minutes, to: Number(until[1]) };
  }
  return { kind: 'from', minutes: time.minutes };
}

/** The hints' words that may name a provider or service (no markers). */
export function nameWords(hints: Hints): string[] {
  return hints.words.filter((w) => !w.startsWith('~'));
}

/** The hints without any time wish (after an exact time was used, or a range came up empty). */
export function withoutTime(hints: Hints): Hints {
  return { words: nameWords(hints), day: hints.day, time: null };
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
export function wishText(wish: TimeWish): string {
  switch (wish.kind) {
    case 'at':
      return `at ${clockOf(wish.minutes)}`;
    case 'from':
      return `from ${clockOf(wish.minutes)}`;
    case 'before':
      return `before ${clockOf(wish.minutes)}`;
    case 'between':
      return `between ${clockOf(wish.from)} and ${clockOf(wish.to)}`;
  }
}
