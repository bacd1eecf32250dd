// The German catalog: every key of the English one (a test checks), in German.
import { deAppointment } from './de/appointment.ts';
import { deCommon } from './de/common.ts';

export const DE_MESSAGES = {
  ...deCommon,
  ...deAppointment,
};
