// Renames a validated snake_case body to the core's camelCase input, dropping absent fields.

type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S;

/** `T` with camelCase keys; optional keys stay optional but no longer admit undefined. */
export type CamelKeys<T> = {
  [K in keyof T as CamelCase<K & string>]: Exclude<T[K], undefined>;
};

/**
 * The same fields under camelCase names. Keys whose value is undefined are left out, which is
 * what exactOptionalPropertyTypes expects of optional core inputs.
 */
export function camelKeys<T extends object>(body: T): CamelKeys<T> {
  const entries = Object.entries(body)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => [key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), value]);
  return Object.fromEntries(entries) as CamelKeys<T>;
}
