// English: the notices messages.
export const enNotices = {} as const;
