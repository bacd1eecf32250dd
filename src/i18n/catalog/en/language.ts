// English: the language messages.
export const enLanguage = {} as const;
