// English: the payment messages.
export const enPayment = {} as const;
