// The data carried by reminder jobs, checked with zod when a worker takes a job.
import { z } from 'zod';
import { LATER_CHANGE_KINDS } from '../domain/appointment.ts';
import { APPOINTMENT_MAIL_KINDS } from '../mail/appointment-mail-view.ts';
import { PROVIDER_MAIL_KINDS } from '../mail/provider-mail.ts';

const REMINDER_KINDS = ['reminder-48h', 'reminder-1h'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];
/** The two sides of an appointment, each reminded and told of changes on its own. */
export const PARTIES = ['client', 'provider'] as const;
export type Party = (typeof PARTIES)[number];
const CHANNELS = ['chat', 'email'] as const;
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

// The mails' kinds are the mail texts' own lists, so a job can only name a mail that exists.

/** What every change job carries about its event. */
export const changeFacts = {
  appointmentId: z.uuid(),
  eventId: z.number().int().positive(),
  // The start the event set; a later move has its own job (and, in mail, a higher SEQUENCE).
  startTime: z.iso.datetime({ offset: true }),
  previousStartTime: z.iso.datetime({ offset: true }).nullable(),
  reason: z.string().nullable(),
  // NO_SHOW: until when same-day booking is closed to the client.
  lockoutUntil: z.iso.datetime({ offset: true }).nullable(),
  // REFUNDED, REFUND_FAILED: the refund's amount (the appointment's minor units); absent elsewhere.
  money: z
    .object({ amount: z.number().int().positive(), currency: z.string().length(3) })
    .optional(),
};

/** One change mail to the client, for one relayed appointment event. */
export const changeMailPayload = z.object({ ...changeFacts, kind: z.enum(APPOINTMENT_MAIL_KINDS) });
export type ChangeMailPayload = z.infer<typeof changeMailPayload>;

/** One change mail to the provider, for one relayed appointment event. */
export const providerMailPayload = z.object({ ...changeFacts, kind: z.enum(PROVIDER_MAIL_KINDS) });
export type ProviderMailPayload = z.infer<typeof providerMailPayload>;

/** The money news only the client hears: a hold that ran out, a refund made or failed. */
export const PAYMENT_NOTICE_KINDS = ['hold-expired', 'refunded', 'refund-failed'] as const;

/** The chat notices a change sends; the party decides the wording. */
const CHANGE_NOTICE_KINDS = ['booked', ...LATER_CHANGE_KINDS, ...PAYMENT_NOTICE_KINDS] as const;
export type ChangeNoticeKind = (typeof CHANGE_NOTICE_KINDS)[number];

/** One chat notice to one party, for one relayed appointment event. */
export const changeNoticePayload = z.object({
  ...changeFacts,
  kind: z.enum(CHANGE_NOTICE_KINDS),
  party: z.enum(PARTIES),
  // BOOKED: the status the booking got (a PENDING one asks the provider to approve).
  bookedAs: z.enum(['PENDING', 'CONFIRMED']).nullable(),
  // Which party made the change (null: an admin or the system); it changes the wording.
  actorParty: z.enum(PARTIES).nullable(),
});
export type ChangeNoticePayload = z.infer<typeof changeNoticePayload>;

/** Put an appointment on its provider's calendar as it is now (create, move or remove). */
export const calendarPushPayload = z.object({ appointmentId: z.uuid() });
export type CalendarPushPayload = z.infer<typeof calendarPushPayload>;

/** Refund what an appointment owes, or release (or close the checkouts of) its unpaid hold. */
export const paymentJobPayload = z.object({ appointmentId: z.uuid() });
export type PaymentJobPayload = z.infer<typeof paymentJobPayload>;

/** Pull one calendar connection's changes. */
export const calendarSyncPayload = z.object({ connectionId: z.uuid() });
