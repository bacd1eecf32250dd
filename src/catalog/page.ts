// Keyset paging shared by every catalog list: opaque cursors over a sort key of text parts.
import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { InvalidInput, Ok } from '../domain/outcome.ts';
import { ok } from '../domain/outcome.ts';
import { invalidField } from './field-issue.ts';
import { isInstantText } from './instant-text.ts';

export type PageRequest = {
  /** 1 or more; the edge caps it. */
  readonly limit: number;
  /** A nextCursor from an earlier page, or null for the first page. */
  readonly cursor: string | null;
};

export type Page<T> = { readonly items: T[]; readonly nextCursor: string | null };

/** A row as fetched for a page: the item plus the text parts of its sort key. */
export type Keyed<T> = { readonly item: T; readonly key: readonly string[] };

/**
 * Decodes a cursor into its key parts, checking each with the matching test: null for a missing
 * cursor, VALIDATION_ERROR for one this code did not produce.
 */
export function decodeCursor(
  cursor: string | null,
  tests: readonly ((part: string) => boolean)[],
): Ok<readonly string[] | null> | InvalidInput {
  if (cursor === null) return ok(null);
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return badCursor();
  }
  if (!Array.isArray(parts) || parts.length !== tests.length) return badCursor();
  const valid = parts.every((p, i) => typeof p === 'string' && tests[i]?.(p) === true);
  return valid ? ok(parts as string[]) : badCursor();
}

/**
 * Builds the page from rows fetched with `limit + 1`: the extra row only proves there is more,
 * and the cursor names the key of the last row returned.
 */
export function toPage<T>(rows: readonly Keyed<T>[], limit: number): Page<T> {
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  const more = rows.length > limit && last !== undefined;
  return {
    items: shown.map((r) => r.item),
    nextCursor: more ? Buffer.from(JSON.stringify(last.key)).toString('base64url') : null,
  };
}

/**
 * The instant in `column` as UTC text with microseconds: JavaScript dates keep only
 * milliseconds, and a cursor rounded to them would skip or repeat rows.
 */
export function exactInstant(column: AnyPgColumn): SQL<string> {
  return sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/**
 * Tests a cursor part made by exactInstant: its exact shape, and an instant parseInstant accepts
 * (Date.parse would roll 2026-02-30 over to March and let year 0000 reach PostgreSQL).
 */
export function isExactInstant(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(text) && isInstantText(text);
}

function badCursor(): InvalidInput {
  return invalidField(['cursor'], 'the cursor is not one this list returned');
}

/** Rows strictly after a cursor's (instant, id) key; no filter (undefined) on the first page. */
export function afterInstantAndId(
  instant: AnyPgColumn,
  id: AnyPgColumn,
  after: readonly string[] | null,
): SQL | undefined {
  return after
    ? sql`(${instant}, ${id}) > (${after[0]}::timestamptz, ${after[1]}::uuid)`
    : undefined;
}

/** toPage for rows sorted by (exact instant text, id), the key every catalog list uses. */
export function toInstantIdPage<T extends { readonly id: string }>(
  rows: readonly { readonly item: T; readonly at: string }[],
  limit: number,
): Page<T> {
  return toPage(
    rows.map((r) => ({ item: r.item, key: [r.at, r.item.id] })),
    limit,
  );
}
