// English: the series messages.
export const enSeries = {} as const;
