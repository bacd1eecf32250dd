// The shape every language's part of the catalog takes: the English part's keys, any text.

/** A language's version of an English catalog part: the same keys, each an ICU message. */
export type CatalogPart<English extends Record<string, string>> = {
  readonly [K in keyof English]: string;
};
