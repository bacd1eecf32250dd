// The /book step that asks to confirm: what, with whom and when, in both clocks when they differ.

import type { Service } from '../domain/catalog.ts';
import type { Translator } from '../i18n/translator.ts';
import { clientWhen } from './appointment-messages.ts';
import type { AppointmentView } from './appointment-view.ts';
import { serviceFacts } from './booking-choice-steps.ts';
import { lines, step } from './booking-reply.ts';
import { flowData } from './button-data.ts';
import { dualClock, formatClock, formatSpan, zoneCity } from './chat-format.ts';
import { ChatStoreError } from './chat-identity.ts';
import { button } from './chat-message.ts';
import type { BookingState } from './conversation-state.ts';
import type { Picked } from './free-times.ts';
import type { ClientTurn, TurnResult } from './turn.ts';

/**
 * Asks to confirm the chosen time. `current` is the appointment being moved (already read),
 * or null for a new booking.
 */
export function showConfirm(
  turn: ClientTurn,
  s: BookingState,
  { provider, service }: Picked,
  current: AppointmentView | null,
  lead: string[],
): TurnResult {
  if (s.start === null) throw new ChatStoreError('confirming without a start');
  const { t } = turn;
  const when = whenLines(t, turn.client.timezone, provider.timezone, new Date(s.start), service);
  const names = { service: service.name, provider: provider.name };
  let body: string[];
  if (current) {
    body = [
      t.t('booking.moveWhat', names),
      t.t('booking.moveFrom', { when: clientWhen(t, current) }),
      t.t('booking.moveTo', { when: when.join('\n   ') }),
    ];
  } else {
    body = [t.t('booking.pleaseConfirm'), t.t('booking.serviceWith', names), ...when];
    body.push(serviceFacts(t, service));
    if (service.requiresApproval) body.push(t.t('booking.approvesEach', names));
  }
  const text = lines(lead, ...body);
  const row = [
    button(t.t('booking.confirm'), flowData(s.nonce, 'ok'), 'primary'),
    // A new booking can become the first of a weekly series; a move stays one appointment.
    ...(current ? [] : [button(t.t('booking.repeatWeekly'), flowData(s.nonce, 'rw'))]),
    button(t.t('booking.cancel'), flowData(s.nonce, 'no'), 'danger'),
  ];
  return step(s, 'confirm', [], text, [row], null);
}

/** The span in the client's clock, and in the provider's too when that reads differently. */
function whenLines(
  t: Translator,
  zone: string,
  providerZone: string,
  start: Date,
  service: Service,
): string[] {
  const end = new Date(start.getTime() + service.durationMinutes * 60_000);
  const span = formatSpan(t, start, end, zone);
  const when = [t.t('common.clientWhen', { span, city: zoneCity(zone) })];
  if (dualClock(t, start, zone, providerZone) !== formatClock(start, zone)) {
    const theirs = formatSpan(t, start, end, providerZone);
    when.push(t.t('common.providerWhen', { span: theirs, city: zoneCity(providerZone) }));
  }
  return when;
}
