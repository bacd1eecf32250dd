// The data carried by reminder jobs, checked with zod when a worker takes a job.
import { z } from 'zod';

export const REMINDER_KINDS = ['reminder-48h', 'reminder-1h'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];
export const PARTIES = ['client', 'provider'] as const;
export type Party = (typeof PARTIES)[number];
export const CHANNELS = ['chat', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];

/** One reminder to one party over one channel, for the appointment as it stood when planned. */
export const reminderPayload = z.object({
  appointmentId: z.uuid(),
  kind: z.enum(REMINDER_KINDS),
  party: z.enum(PARTIES),
  // The start the reminder was planned for; a moved appointment makes the job stale.
  startTime: z.iso.datetime({ offset: true }),
});
export type ReminderPayload = z.infer<typeof reminderPayload>;

/** The mails a change of an appointment sends its client (reminders have their own jobs). */
export const CHANGE_MAIL_KINDS = [
  'confirmation',
  'request-received',
  'approved',
  'declined',
  'cancelled',
  'rescheduled',
] as const;
export type ChangeMailKind = (typeof CHANGE_MAIL_KINDS)[number];

/** One change mail to the client, for one relayed appointment event. */
export const changeMailPayload = z.object({
  appointmentId: z.uuid(),
  eventId: z.number().int().positive(),
  kind: z.enum(CHANGE_MAIL_KINDS),
  // The start the event set; a later move has its own mail with a higher SEQUENCE.
  startTime: z.iso.datetime({ offset: true }),
  previousStartTime: z.iso.datetime({ offset: true }).nullable(),
  reason: z.string().nullable(),
});
export type ChangeMailPayload = z.infer<typeof changeMailPayload>;
