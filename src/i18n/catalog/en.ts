// The English catalog: every message key, and the text every other language falls back to.
import { enAppointment } from './en/appointment.ts';
import { enBooking } from './en/booking.ts';
import { enBots } from './en/bots.ts';
import { enCalendar } from './en/calendar.ts';
import { enCommands } from './en/commands.ts';
import { enCommon } from './en/common.ts';
import { enFailure } from './en/failure.ts';
import { enHelp } from './en/help.ts';
import { enLanguage } from './en/language.ts';
import { enMail } from './en/mail.ts';
import { enMybookings } from './en/mybookings.ts';
import { enNotices } from './en/notices.ts';
import { enPages } from './en/pages.ts';
import { enPayment } from './en/payment.ts';
import { enProvider } from './en/provider.ts';
import { enSeries } from './en/series.ts';
import { enTimezone } from './en/timezone.ts';
import { enWaitlist } from './en/waitlist.ts';
import { enWeb } from './en/web.ts';
import { enWords } from './en/words.ts';

export const EN_MESSAGES = {
  ...enCommon,
  ...enAppointment,
  ...enLanguage,
  ...enCommands,
  ...enHelp,
  ...enBots,
  ...enWeb,
  ...enBooking,
  ...enTimezone,
  ...enPayment,
  ...enFailure,
  ...enSeries,
  ...enWaitlist,
  ...enProvider,
  ...enMybookings,
  ...enNotices,
  ...enCalendar,
  ...enMail,
  ...enWords,
  ...enPages,
} as const;

export type MessageKey = keyof typeof EN_MESSAGES;
