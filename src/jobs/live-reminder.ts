// Re-reads the appointment when a reminder runs: only a still-confirmed, unmoved one is reminded.
import { type AppointmentView, readAppointmentView } from '../chat/appointment-view.ts';
import type { Database } from '../db/database.ts';
import type { ReminderPayload } from './job-payloads.ts';

/**
 * The appointment's view when the reminder still applies: it exists, is CONFIRMED, starts when
 * the job was planned for, and has not started yet at `now`. Otherwise null (send nothing).
 */
export async function liveReminder(
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
