// Stripe's form encoding read back: a[b][0][c]=v pairs into nested objects and arrays.

/** A decoded form value: text, or nested fields; arrays are indexed objects until normalized. */
export type FormValue = string | FormFields | FormValue[];
export type FormFields = { [key: string]: FormValue };

/**
 * Decodes an application/x-www-form-urlencoded body (or query string) the way Stripe does:
 * `metadata[k]=v` is an object, `line_items[0][quantity]=1` an array. Throws Error naming the key
 * when one key is given twice or used both as a value and as a parent, which Stripe refuses too.
 */
export function parseStripeForm(raw: string): FormFields {
  const root: FormFields = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    const path = splitKey(key);
    let node: FormFields = root;
    path.forEach((part, i) => {
      const last = i === path.length - 1;
      const existing = node[part];
      if (last) {
        if (existing !== undefined) throw new Error(`${key} was given twice`);
        node[part] = value;
        return;
      }
      if (existing === undefined) node[part] = {};
      const next = node[part];
      if (typeof next === 'string' || Array.isArray(next) || next === undefined) {
        throw new Error(`${key} mixes a value and nested fields`);
      }
      node = next;
    });
  }
  return normalizeArrays(root) as FormFields;
}

/** 'a[b][0]' → ['a', 'b', '0']; a key without brackets is one part. */
function splitKey(key: string): string[] {
  const first = key.indexOf('[');
  if (first === -1) return [key];
  const rest = key.slice(first).match(/\[([^\]]*)\]/g) ?? [];
  return [key.slice(0, first), ...rest.map((p) => p.slice(1, -1))];
}

/** Objects whose keys are exactly 0..n-1 become arrays, recursively. */
function normalizeArrays(value: FormValue): FormValue {
  if (typeof value === 'string' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  const entries = keys.map((k) => [k, normalizeArrays(value[k] as FormValue)] as const);
  const indexed = keys.length > 0 && keys.every((k, i) => k === String(i));
  if (indexed) return entries.map(([, v]) => v);
  return Object.fromEntries(entries);
}

/** The text at `field`, or undefined when it is absent or not text. */
export function textField(fields: FormFields, field: string): string | undefined {
  const value = fields[field];
  return typeof value === 'string' ? value : undefined;
}

/** The nested fields at `field`, or undefined when absent or not an object. */
export function objectField(fields: FormFields, field: string): FormFields | undefined {
  const value = fields[field];
  return value !== undefined && typeof value !== 'string' && !Array.isArray(value)
    ? value
    : undefined;
}
