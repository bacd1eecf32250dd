// What an appointment event implies for reminders: which jobs to schedule and which to cancel.
import { HOUR_MS } from '../slots/time-units.ts';
import { deterministicJobId } from './job-ids.ts';
import { type Channel, PARTIES, type ReminderKind, type ReminderPayload } from './job-payloads.ts';
import { QUEUES } from './queues.ts';
import type { RelayedEvent } from './relayed-event.ts';

export type ReminderJob = {
  readonly queue: string;
  readonly id: string;
  readonly data: ReminderPayload;
  readonly startAfter: Date;
};

export type ReminderPlan = { readonly schedule: ReminderJob[]; readonly cancel: ReminderJob[] };

/** The design's reminders: 48 h before by email and chat, 1 h before by chat only. */
const RULES: readonly { kind: ReminderKind; beforeMs: number; channels: readonly Channel[] }[] = [
  { kind: 'reminder-48h', beforeMs: 48 * HOUR_MS, channels: ['email', 'chat'] },
  { kind: 'reminder-1h', beforeMs: HOUR_MS, channels: ['chat'] },
];

/**
 * Every reminder job for `appointmentId` starting at `start`, with its deterministic id (from
 * appointment, kind, start, channel and party), whether or not it is still due.
 * @internal Exported for tests too.
 */
export function remindersFor(appointmentId: string, start: Date): ReminderJob[] {
  const startTime = start.toISOString();
  return RULES.flatMap((rule) =>
    rule.channels.flatMap((channel) =>
      PARTIES.map((party) => ({
        queue: channel === 'email' ? QUEUES.email : QUEUES.reminders,
        id: deterministicJobId([appointmentId, rule.kind, startTime, channel, party]),
        data: { appointmentId, kind: rule.kind, party, startTime },
        startAfter: new Date(start.getTime() - rule.beforeMs),
      })),
    ),
  );
}

/**
 * The plan for one event. A confirmation (BOOKED to CONFIRMED, APPROVED) schedules the reminders
 * not yet due at the event's time; an ending (CANCELLED, DECLINED, NO_SHOW, COMPLETED) cancels
 * them; RESCHEDULED cancels the old start's and, when CONFIRMED, schedules the new start's.
 * DELIVERY_FAILED implies nothing. Every type is named, so a new one fails to compile here.
 */
export function planReminders(event: RelayedEvent): ReminderPlan {
  const start = startOf(event.payload.start_time) ?? event.currentStart;
  const due = (start: Date) =>
    remindersFor(event.appointmentId, start).filter((job) => job.startAfter > event.createdAt);
  const confirmed = event.toStatus === 'CONFIRMED';
  const type = event.type;
  switch (type) {
    case 'BOOKED':
    case 'PAID':
    case 'APPROVED':
      return { schedule: confirmed ? due(start) : [], cancel: [] };
    case 'CANCELLED':
    case 'DECLINED':
    case 'NO_SHOW':
    case 'COMPLETED':
      return { schedule: [], cancel: remindersFor(event.appointmentId, start) };
    case 'RESCHEDULED': {
      const previous = startOf(event.payload.previous_start_time);
      return {
        schedule: confirmed ? due(start) : [],
        cancel: previous ? remindersFor(event.appointmentId, previous) : [],
      };
    }
    // An unpaid hold never had reminders; money events change no time.
    case 'DELIVERY_FAILED':
    case 'HOLD_EXPIRED':
    case 'LATE_PAYMENT':
    case 'REFUNDED':
    case 'REFUND_FAILED':
      return { schedule: [], cancel: [] };
    default: {
      const _never: never = type;
      return _never;
    }
  }
}

function startOf(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
