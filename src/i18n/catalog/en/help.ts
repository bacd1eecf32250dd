// English: the help messages.
export const enHelp = {} as const;
