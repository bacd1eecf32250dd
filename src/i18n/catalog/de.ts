// The German catalog: every key of the English one (a test checks), in German.
import { deAppointment } from './de/appointment.ts';
import { deBooking } from './de/booking.ts';
import { deBots } from './de/bots.ts';
import { deCalendar } from './de/calendar.ts';
import { deCommands } from './de/commands.ts';
import { deCommon } from './de/common.ts';
import { deFailure } from './de/failure.ts';
import { deHelp } from './de/help.ts';
import { deLanguage } from './de/language.ts';
import { deMail } from './de/mail.ts';
import { deMybookings } from './de/mybookings.ts';
import { deNotices } from './de/notices.ts';
import { dePages } from './de/pages.ts';
import { dePayment } from './de/payment.ts';
import { deProvider } from './de/provider.ts';
import { deSeries } from './de/series.ts';
import { deTimezone } from './de/timezone.ts';
import { deWaitlist } from './de/waitlist.ts';
import { deWeb } from './de/web.ts';
import { deWords } from './de/words.ts';

export const DE_MESSAGES = {
  ...deCommon,
  ...deAppointment,
  ...deLanguage,
  ...deCommands,
  ...deHelp,
  ...deBots,
  ...deWeb,
  ...deBooking,
  ...deTimezone,
  ...dePayment,
  ...deFailure,
  ...deSeries,
  ...deWaitlist,
  ...deProvider,
  ...deMybookings,
  ...deNotices,
  ...deCalendar,
  ...deMail,
  ...deWords,
  ...dePages,
};
