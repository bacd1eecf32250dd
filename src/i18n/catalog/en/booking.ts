// English: the booking messages.
export const enBooking = {} as const;
