// English: the words messages.
export const enWords = {} as const;
