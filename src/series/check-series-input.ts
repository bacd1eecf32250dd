// Checks a series request's fields and plans its occurrences, before anything is read or locked.
import { FIRST_YEAR, LAST_YEAR } from '../catalog/calendar-date.ts';
import { isUuid } from '../domain/is-uuid.ts';
import { type InvalidInput, invalidInput, type NotFound, notFound } from '../domain/outcome.ts';
import { normalizeTimezone } from '../domain/timezone.ts';
import { planOccurrences } from './plan-occurrences.ts';
import { SERIES_LIMITS, type SeriesInput } from './series-types.ts';

/** A checked series: its zone as the tz database spells it and its planned starts, in order. */
export type PlannedSeries = {
  readonly input: SeriesInput;
  readonly timezone: string;
  readonly starts: readonly Date[];
};

const EARLIEST = Date.UTC(FIRST_YEAR, 0, 1);
const AFTER_LATEST = Date.UTC(LAST_YEAR + 1, 0, 1);

/**
 * The planned series, or why it cannot be planned: NOT_FOUND for a malformed provider, service
 * or client id (as for an unknown one); VALIDATION_ERROR (details.field) for an unknown zone,
 * occurrences outside 1..52, an interval outside 1..4 weeks, a first start that is not a whole
 * minute, or occurrences outside the supported years. Pure; never throws.
 */
export function checkSeriesInput(input: SeriesInput): PlannedSeries | NotFound | InvalidInput {
  if (!isUuid(input.providerId)) return notFound('provider');
  if (!isUuid(input.serviceId)) return notFound('service');
  if (!isUuid(input.clientId)) return notFound('client');
  const timezone = normalizeTimezone(input.timezone);
  if (timezone === null) {
    return invalidInput(`unknown time zone ${JSON.stringify(input.timezone.slice(0, 64))}`, {
      field: 'timezone',
    });
  }
  const { minOccurrences, maxOccurrences, minIntervalWeeks, maxIntervalWeeks } = SERIES_LIMITS;
  if (!isIntegerIn(input.occurrences, minOccurrences, maxOccurrences)) {
    return invalidInput(
      `occurrences must be a whole number from ${minOccurrences} to ${maxOccurrences}`,
      {
        field: 'occurrences',
      },
    );
  }
  if (!isIntegerIn(input.intervalWeeks, minIntervalWeeks, maxIntervalWeeks)) {
    return invalidInput(
      `interval_weeks must be a whole number from ${minIntervalWeeks} to ${maxIntervalWeeks}`,
      { field: 'interval_weeks' },
    );
  }
  const first = input.firstStart.getTime();
  if (!Number.isFinite(first) || first % 60_000 !== 0) {
    return invalidInput('the first start must be a whole minute', { field: 'start_time' });
  }
  if (first < EARLIEST || first >= AFTER_LATEST) return outOfRange();
  const starts = planOccurrences(
    input.firstStart,
    timezone,
    input.occurrences,
    input.intervalWeeks,
  );
  const last = starts[starts.length - 1]?.getTime() ?? first;
  if (last >= AFTER_LATEST) return outOfRange();
  return { input: { ...input, timezone }, timezone, starts };
}

function isIntegerIn(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

function outOfRange(): InvalidInput {
  return invalidInput(`every occurrence must fall from ${FIRST_YEAR} to ${LAST_YEAR}`, {
    field: 'start_time',
  });
}
