// English: the bots messages.
export const enBots = {} as const;
