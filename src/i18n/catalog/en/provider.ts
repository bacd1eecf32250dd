// English: the provider messages.
export const enProvider = {} as const;
