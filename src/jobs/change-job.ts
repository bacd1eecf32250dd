// What the relay sends for a change: a queue, a deterministic id and the event's facts.
import type { z } from 'zod';
import type { changeFacts } from './job-payloads.ts';
import type { RelayedEvent } from './relayed-event.ts';

type ChangeFacts = z.infer<z.ZodObject<typeof changeFacts>>;

export type ChangeJob<T> = { readonly queue: string; readonly id: string; readonly data: T };

/** Who made the change as a party, or null for an admin or the system. */
export function actorParty(actor: string): 'client' | 'provider' | null {
  if (actor.startsWith('client:')) return 'client';
  return actor.startsWith('provider:') ? 'provider' : null;
}

/** The facts of `event` every change job carries; payload values of the wrong type are dropped. */
export function changeFactsOf(event: RelayedEvent): ChangeFacts {
  return {
    appointmentId: event.appointmentId,
    eventId: event.id,
    startTime: isoOf(event.payload.start_time) ?? event.currentStart.toISOString(),
    previousStartTime: isoOf(event.payload.previous_start_time),
    reason: typeof event.payload.reason === 'string' ? event.payload.reason : null,
    lockoutUntil: isoOf(event.payload.lockout_until),
    ...moneyOf(event.payload),
  };
}

/** A money event's amount and currency, when its payload has both. */
function moneyOf(payload: Record<string, unknown>): Pick<ChangeFacts, 'money'> {
  const { amount, currency } = payload;
  if (typeof amount !== 'number' || !Number.isInteger(amount) || amount <= 0) return {};
  if (typeof currency !== 'string' || currency.length !== 3) return {};
  return { money: { amount, currency } };
}

function isoOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
