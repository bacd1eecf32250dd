// Re-reads the appointment when a reminder runs: only a still-confirmed, unmoved one is reminded.
import { type AppointmentView, readAppointmentView } from '../chat/appointment-view.ts';
import type { Database } from '../db/database.ts';
import type { ReminderPayload } from './job-payloads.ts';
import type { JobsDeps } from './jobs-deps.ts';
import type { DeliveryFailure } from './record-delivery-failure.ts';

/** What a failed delivery of the reminder is recorded under (the channel is the sender's). */
type ReminderFailure = Omit<DeliveryFailure, 'channel' | 'error' | 'at'>;

/** Sends one reminder over one channel, given the appointment as it is now. */
type SendReminder = (
  deps: JobsDeps,
  view: AppointmentView,
  payload: ReminderPayload,
  failure: ReminderFailure,
) => Promise<void>;

/**
 * The appointment's view when the reminder still applies: it exists, is CONFIRMED, starts when
 * the job was planned for, and has not started yet at `now`. Otherwise null (send nothing).
 */
async function liveReminder(
  db: Database,
  payload: ReminderPayload,
  now: Date,
): Promise<AppointmentView | null> {
  const view = await readAppointmentView(db, payload.appointmentId);
  if (view?.appointment.status !== 'CONFIRMED') return null;
  const start = view.appointment.startTime;
  if (start.getTime() !== new Date(payload.startTime).getTime()) return null;
  return start > now ? view : null;
}

/**
 * A reminder job's delivery for every channel: `send` runs only while the reminder still applies
 * (liveReminder), with the failure record naming the job, so each channel says only how it sends.
 */
export function whileLive(send: SendReminder) {
  return async (deps: JobsDeps, jobId: string, payload: ReminderPayload): Promise<void> => {
    const view = await liveReminder(deps.db, payload, deps.clock());
    if (!view) return;
    const { appointmentId, kind, party } = payload;
    await send(deps, view, payload, { appointmentId, kind, party, jobId });
  };
}
