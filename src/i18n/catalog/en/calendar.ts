// English: the calendar messages.
export const enCalendar = {} as const;
