// English: the mail messages.
export const enMail = {} as const;
