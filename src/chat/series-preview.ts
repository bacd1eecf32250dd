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
  seriesRhythmInline,
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
  const { t } = turn;
  const zone = turn.client.timezone;
  const heading = t.t('series.askWeeksHeading', {
    service: picked.service.name,
    provider: picked.provider.name,
    rhythm: seriesRhythmInline(t, new Date(s.firstStart), zone, s.intervalWeeks),
  });
  const text = lines(lead, heading, t.t('series.howManyWeeks'));
  const weeks = WEEK_CHOICES.map((n, i) =>
    button(t.t('series.weeks', { count: n }), flowData(s.nonce, 'sn', i)),
  );
  const rows = [weeks, [otherTimeButton(turn, s), cancelButton(turn, s)]];
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
    const reply = describeFailure(turn.t, preview, turn.client.timezone);
    return {
      messages: [
        chatMessage(lines(lead, reply.text), {
          buttons: [[commandButton(turn.t.t('series.bookAgain'), 'book', 'primary')]],
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
  const { t } = turn;
  const zone = turn.client.timezone;
  const heading = seriesHeading(
    t,
    {
      firstStart: new Date(s.firstStart),
      zone,
      intervalWeeks: s.intervalWeeks,
      occurrences: occurrences.length,
    },
    { service: picked.service.name, provider: picked.provider.name },
  );
  const free = freeCount(occurrences);
  const dates = occurrenceLines(t, occurrences, zone);
  const rows: ChatButton[][] = [];
  let verdict: string;
  if (free === occurrences.length) {
    verdict = t.t('series.allFree', { count: free });
    const label = t.t('series.bookAll', { count: free });
    rows.push([button(label, flowData(s.nonce, 'sa'), 'primary')]);
  } else if (free > 0) {
    verdict = t.t('series.someFree', { free, total: occurrences.length });
    const label = t.t('series.bookFree', { count: free });
    rows.push([button(label, flowData(s.nonce, 'sf'), 'primary')]);
  } else {
    verdict = t.t('series.noneFree');
    rows.push([otherTimeButton(turn, s)]);
  }
  rows.push([button(t.t('series.changeButton'), flowData(s.nonce, 'sc')), cancelButton(turn, s)]);
  const text = lines(lead, t.t('series.previewHeading', { heading }), ...dates, verdict);
  return {
    messages: [chatMessage(text, { buttons: rows })],
    state: { ...s, step: 'preview', options: [] },
  };
}

function otherTimeButton(turn: ClientTurn, s: SeriesState): ChatButton {
  return button(turn.t.t('series.otherTime'), flowData(s.nonce, 'od'));
}

function cancelButton(turn: ClientTurn, s: SeriesState): ChatButton {
  return button(turn.t.t('series.cancelButton'), flowData(s.nonce, 'no'), 'danger');
}

/** Cancel pressed: nothing was booked. */
export function cancelSeriesFlow(turn: ClientTurn): TurnResult {
  return end(turn.t.t('series.flowCancelled'));
}
