// The series steps after provider and service: how many weeks (4 / 8 / 12), then the preview of
// every date, free or not, with the buttons that book all of them or the free ones.

import { previewSeries } from '../series/preview-series.ts';
import type { SeriesInput } from '../series/series-types.ts';
import { end, lines } from './booking-reply.ts';
import { flowData } from './button-data.ts';
import { button, chatMessage, commandButton } from './chat-message.ts';
import type { ChatButton } from './chat-types.ts';
import type { SeriesState } from './conversation-state.ts';
import { describeFailure } from './failure-reply.ts';
import type { Picked } from './free-times.ts';
import {
  freeCount,
  type OccurrenceLine,
  occurrenceLines,
  seriesHeading,
  seriesRhythm,
} from './series-lines.ts';
import type { ClientTurn, TurnResult } from './turn.ts';

/** The weeks the count question offers, by button index. */
export const WEEK_CHOICES = [4, 8, 12] as const;

/** The series as the core takes it; null while the count is still open. */
export function seriesInput(turn: ClientTurn, s: SeriesState): SeriesInput | null {
  if (s.providerId === null || s.serviceId === null || s.occurrences === null) return null;
  return {
    providerId: s.providerId,
    serviceId: s.serviceId,
    clientId: turn.client.id,
    firstStart: new Date(s.firstStart),
    timezone: turn.client.timezone,
    occurrences: s.occurrences,
    intervalWeeks: s.intervalWeeks,
  };
}

/** 'How many weeks?' with 4 / 8 / 12, another day or time, and Cancel. */
export function askWeeks(
  turn: ClientTurn,
  s: SeriesState,
  picked: Picked,
  lead: string[],
): TurnResult {
  const rhythm = seriesRhythm(new Date(s.firstStart), turn.client.timezone, s.intervalWeeks);
  const heading = `${picked.service.name} with ${picked.provider.name}, ${lowerFirst(rhythm)}`;
  const text = lines(lead, `${heading}.`, 'How many weeks?');
  const weeks = WEEK_CHOICES.map((n, i) => button(`${n} weeks`, flowData(s.nonce, 'sn', i)));
  const rows = [weeks, [otherTimeButton(s), cancelButton(s)]];
  return {
    messages: [chatMessage(text, { buttons: rows })],
    state: { ...s, step: 'weeks', options: [] },
  };
}

/** Reads every date's verdict now and shows the preview. */
export async function showPreview(
  turn: ClientTurn,
  s: SeriesState,
  picked: Picked,
  lead: string[],
): Promise<TurnResult> {
  const input = seriesInput(turn, s);
  if (input === null) return askWeeks(turn, s, picked, lead);
  const preview = await previewSeries(turn.deps.db, input, turn.now);
  if (!preview.ok) {
    const reply = describeFailure(preview, turn.client.timezone);
    return {
      messages: [
        chatMessage(lines(lead, reply.text), {
          buttons: [[commandButton('Book again', 'book', 'primary')]],
        }),
      ],
      state: null,
    };
  }
  return previewStep(turn, s, picked, preview.value.occurrences, lead);
}

/**
 * The preview of `occurrences` as judged: one line per date, then Book all (all free), Book the
 * N free ones (some free), or, none free, another day or time; Change and Cancel always.
 */
export function previewStep(
  turn: ClientTurn,
  s: SeriesState,
  picked: Picked,
  occurrences: readonly OccurrenceLine[],
  lead: string[],
): TurnResult {
  const zone = turn.client.timezone;
  const heading = seriesHeading(
    {
      firstStart: new Date(s.firstStart),
      zone,
      intervalWeeks: s.intervalWeeks,
      occurrences: occurrences.length,
    },
    { service: picked.service.name, provider: picked.provider.name },
  );
  const free = freeCount(occurrences);
  const dates = occurrenceLines(occurrences, zone);
  const rows: ChatButton[][] = [];
  let verdict: string;
  if (free === occurrences.length) {
    verdict = free === 1 ? 'It is free.' : `All ${free} are free.`;
    rows.push([button(`Book all ${free}`, flowData(s.nonce, 'sa'), 'primary')]);
  } else if (free > 0) {
    verdict = `${free} of ${occurrences.length} are free.`;
    const label = free === 1 ? 'Book the 1 free one' : `Book the ${free} free ones`;
    rows.push([button(label, flowData(s.nonce, 'sf'), 'primary')]);
  } else {
    verdict = 'None of these dates is free. Try another day or time, or /book a single one.';
    rows.push([otherTimeButton(s)]);
  }
  rows.push([button('Change', flowData(s.nonce, 'sc')), cancelButton(s)]);
  const text = lines(lead, `${heading}:`, ...dates, verdict);
  return {
    messages: [chatMessage(text, { buttons: rows })],
    state: { ...s, step: 'preview', options: [] },
  };
}

/** 'Every ...' as it reads inside a sentence. */
function lowerFirst(text: string): string {
  return `${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}

function otherTimeButton(s: SeriesState): ChatButton {
  return button('Other day or time', flowData(s.nonce, 'od'));
}

function cancelButton(s: SeriesState): ChatButton {
  return button('Cancel', flowData(s.nonce, 'no'), 'danger');
}

/** Cancel pressed: nothing was booked. */
export function cancelSeriesFlow(): TurnResult {
  return end('Cancelled: nothing was booked. Send /book to start again.');
}
