// The /book step that asks to confirm: what, with whom and when, in both clocks when they differ.

import type { Service } from '../domain/catalog.ts';
import { UNTHREADED_EN } from '../i18n/translator.ts';
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
  const when = whenLines(turn.client.timezone, provider.timezone, new Date(s.start), service);
  let body: string[];
  if (current) {
    body = [
      `Move ${service.name} with ${provider.name}`,
      `from ${clientWhen(UNTHREADED_EN, current)}`,
      `to ${when.join('\n   ')}?`,
    ];
  } else {
    body = [
      'Please confirm:',
      `${service.name} with ${provider.name}`,
      ...when,
      serviceFacts(service),
    ];
    if (service.requiresApproval)
      body.push(`${provider.name} approves each booking of this service.`);
  }
  const text = lines(lead, ...body);
  const row = [
    button('Confirm', flowData(s.nonce, 'ok'), 'primary'),
    // A new booking can become the first of a weekly series; a move stays one appointment.
    ...(current ? [] : [button('Repeat weekly', flowData(s.nonce, 'rw'))]),
    button('Cancel', flowData(s.nonce, 'no'), 'danger'),
  ];
  return step(s, 'confirm', [], text, [row], null);
}

/** The span in the client's clock, and in the provider's too when that reads differently. */
function whenLines(zone: string, providerZone: string, start: Date, service: Service): string[] {
  const end = new Date(start.getTime() + service.durationMinutes * 60_000);
  const when = [`${formatSpan(UNTHREADED_EN, start, end, zone)} (your time, ${zoneCity(zone)})`];
  if (dualClock(UNTHREADED_EN, start, zone, providerZone) !== formatClock(start, zone)) {
    when.push(
      `${formatSpan(UNTHREADED_EN, start, end, providerZone)} (${zoneCity(providerZone)} time)`,
    );
  }
  return when;
}
