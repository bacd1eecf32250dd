// English: the commands messages.
export const enCommands = {} as const;
