// English: the timezone messages.
export const enTimezone = {} as const;
