// English: the mybookings messages.
export const enMybookings = {} as const;
