// English: the waitlist messages.
export const enWaitlist = {} as const;
