// Where an appointment sits in its weekly series, for /mybookings: 'weekly, 3 of 8'.
import { DateTime } from 'luxon';
import type { Database } from '../db/database.ts';
import type { Translator } from '../i18n/translator.ts';
import { planOccurrences } from '../series/plan-occurrences.ts';
import { readSeries } from '../series/read-series.ts';
import type { Series } from '../series/series-types.ts';
import type { AppointmentView } from './appointment-view.ts';
import { localDate } from './chat-format.ts';

/** The planned starts of `series`, from its first local date and wall-clock time. */
function plannedStarts(series: Series): Date[] {
  const first = DateTime.fromISO(`${series.firstDate}T${series.localTime}`, {
    zone: series.timezone,
  });
  return planOccurrences(
    first.toJSDate(),
    series.timezone,
    series.occurrences,
    series.intervalWeeks,
  );
}

/**
 * 'weekly, 3 of 8' for an occurrence on its planned date; 'weekly series' for one moved to
 * another date. Pure.
 */
export function positionWords(t: Translator, series: Series, start: Date): string {
  const day = localDate(start, series.timezone);
  const index = plannedStarts(series).findIndex((p) => localDate(p, series.timezone) === day);
  const weeks = series.intervalWeeks;
  return index < 0
    ? t.t('series.positionMoved', { weeks })
    : t.t('series.position', { weeks, index: index + 1, total: series.occurrences });
}

/** The series of each listed occurrence (one read per series), by series id. */
export async function seriesOfViews(
  db: Database,
  views: readonly AppointmentView[],
): Promise<Map<string, Series>> {
  const ids = [...new Set(views.map((v) => v.appointment.seriesId).filter((id) => id !== null))];
  const found = new Map<string, Series>();
  for (const id of ids) {
    const read = await readSeries(db, id);
    if (read.ok) found.set(id, read.value.series);
  }
  return found;
}
