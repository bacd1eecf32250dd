// English: the failure messages.
export const enFailure = {} as const;
