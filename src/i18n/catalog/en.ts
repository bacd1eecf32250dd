// The English catalog: every message key, and the text every other language falls back to.
import { enAppointment } from './en/appointment.ts';
import { enCommon } from './en/common.ts';

export const EN_MESSAGES = {
  ...enCommon,
  ...enAppointment,
} as const;

export type MessageKey = keyof typeof EN_MESSAGES;
