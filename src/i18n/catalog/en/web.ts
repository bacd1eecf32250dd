// English: the web messages.
export const enWeb = {} as const;
