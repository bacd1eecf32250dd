// The /book step that lists one day's free start times, with the provider's clock when it differs.
import { lines, navRow, pageOf, step } from './booking-reply.ts';
import { flowData } from './button-data.ts';
import { dualClock, formatClock, formatDayLong, localDate, zoneCity } from './chat-format.ts';
import { button, inRows } from './chat-message.ts';
import type { BookingState } from './conversation-state.ts';
import type { Picked } from './free-times.ts';
import type { ClientTurn, TurnResult } from './turn.ts';

const TIMES_PER_ROW = 5;
/** Fewer, wider buttons when each also shows the provider's clock. */
const DUAL_TIMES_PER_ROW = 3;
const TIME_ROWS = 4;

/** Free start times (epoch ms) of the chosen day, a page at a time, plus 'Other day'. */
export function showTimes(
  turn: ClientTurn,
  s0: BookingState,
  { provider, service }: Picked,
  starts: readonly number[],
  lead: string[],
): TurnResult {
  const { t } = turn;
  const zone = turn.client.timezone;
  const labels = starts.map((start) => dualClock(t, start, zone, provider.timezone));
  const dual = starts.some((start, i) => labels[i] !== formatClock(start, zone));
  const perRow = dual ? DUAL_TIMES_PER_ROW : TIMES_PER_ROW;
  const page = pageOf(s0, starts, perRow * TIME_ROWS);
  const { s, first, shown } = page;
  const day = s.day ?? localDate(starts[0] ?? turn.now.getTime(), zone);
  const text = lines(
    lead,
    t.t('booking.timesOn', {
      service: service.name,
      provider: provider.name,
      day: formatDayLong(t, day),
    }),
    t.t('booking.pickTime', { city: zoneCity(zone) }),
  );
  const buttons = shown.map((start, i) =>
    button(labels[first + i] ?? formatClock(start, zone), flowData(s.nonce, 'tm', i)),
  );
  const nav = navRow(t, page, [button(t.t('booking.otherDay'), flowData(s.nonce, 'od'))]);
  const options = shown.map((start) => new Date(start).toISOString());
  return step(s, 'time', options, text, inRows(buttons, perRow), nav);
}
