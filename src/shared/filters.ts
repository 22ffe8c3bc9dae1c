/** Small builders for the filter conditions that many lists share. */
import { decodeGlobalIdsOf } from './global-id';
import type { Condition, SqlBuilder } from './pagination/sql-builder';
import { userInputError } from './user-input-error';

const maximumValues = 100;

function checkSize(values: readonly unknown[], argumentName: string): void {
  if (values.length > maximumValues) throw userInputError(argumentName, `may hold at most ${maximumValues} values, got ${values.length}`);
}

/**
 * "Any of these records": decodes the IDs (all of `typeName`) and returns the
 * condition `render(sql, keysPlaceholder)`; an empty list matches nothing.
 */
export function anyOfIds(
  ids: readonly string[] | null | undefined,
  typeName: string,
  argumentName: string,
  render: (sql: SqlBuilder, keys: string) => string,
): Condition[] {
  if (!ids) return [];
  checkSize(ids, argumentName);
  const keys = decodeGlobalIdsOf(typeName, ids, argumentName);
  return [(sql) => (keys.length === 0 ? 'FALSE' : render(sql, sql.param(keys, 'int[]')))];
}

/** "Any of these values" for a column, such as kinds or states; an empty list matches nothing. */
export function anyOfValues(values: readonly string[] | null | undefined, column: string, cast: string, argumentName: string): Condition[] {
  if (!values) return [];
  checkSize(values, argumentName);
  return [(sql) => (values.length === 0 ? 'FALSE' : `${column} = ANY(${sql.param(values, cast)})`)];
}

/**
 * "Any of these records", named by slug: the same `render` as for IDs, given an SQL array of the keys of the
 * records of `table` with those slugs (unknown slugs match nothing); an empty list matches nothing.
 */
export function anyOfSlugs(
  slugs: readonly string[] | null | undefined,
  table: string,
  argumentName: string,
  render: (sql: SqlBuilder, keys: string) => string,
): Condition[] {
  if (!slugs) return [];
  checkSize(slugs, argumentName);
  return [(sql) => (slugs.length === 0 ? 'FALSE' : render(sql, `ARRAY(SELECT id FROM ${table} WHERE slug = ANY(${sql.param(slugs, 'text[]')}))`))];
}
