/**
 * Keyset pagination in SQL: a page is "the next n rows after these sort values",
 * found through an index, so page 1,000 costs what page 1 costs (never OFFSET).
 * The read engine (src/read/compiler.ts) puts a page's SELECT inside the statement
 * of the whole request; nested under a parent, the SELECT is a LATERAL subquery per
 * parent row, so each parent is paged separately.
 */
import { maximumKey } from '../global-id';
import { isCalendarDate } from '../calendar';
import type { PageRequest } from './connection-arguments';
import { decodeCursor, invalidCursorError, type CursorValue } from './cursor';
import type { SqlBuilder, Condition } from './sql-builder';

export interface SortColumn {
  /** A non-null SQL expression. */
  sql: string;
  /** Its PostgreSQL type, for casting the cursor's values. */
  type: 'int' | 'text' | 'date' | 'timestamptz';
}

/** An ordering of a list: columns whose last one is unique, so no two rows tie. */
export interface Ordering {
  name: string;
  columns: SortColumn[];
  descending: boolean;
}

/** What is listed: the FROM clause, the record key to hydrate, and the active filters. */
export interface ListDefinition {
  /** Identifies the list in cursors, such as "briefs" or "Theme.lessons". */
  scope: string;
  from: string;
  key: string;
  conditions: Condition[];
}

/** Whether a cursor value can stand for a column of this type (a forged cursor must not reach SQL as a bad cast). */
function fitsColumn(value: CursorValue, type: SortColumn['type']): boolean {
  switch (type) {
    case 'int':
      return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= maximumKey;
    case 'date':
      return typeof value === 'string' && isCalendarDate(value);
    case 'text':
      return typeof value === 'string' && value.length <= 2000 && !value.includes('\u0000');
    case 'timestamptz':
      // As PostgreSQL writes a timestamptz in JSON (microseconds kept, so no two rows tie wrongly).
      return (
        typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:\d{2})?|Z)$/.test(value) && !Number.isNaN(Date.parse(value))
      );
  }
}

function cursorCondition(sql: SqlBuilder, ordering: Ordering, request: PageRequest, scope: string, ascendingInQuery: boolean): string | undefined {
  if (!request.cursor) return undefined;
  const values = decodeCursor(request.cursor, `${scope}:${ordering.name}`, request.cursorArgument);
  if (values.length !== ordering.columns.length || values.some((value, index) => !fitsColumn(value, ordering.columns[index].type))) {
    throw invalidCursorError(request.cursorArgument);
  }
  const columns = ordering.columns.map((column) => column.sql).join(', ');
  const placeholders = ordering.columns.map((column, index) => sql.param(values[index], column.type)).join(', ');
  return `(${columns}) ${ascendingInQuery ? '>' : '<'} (${placeholders})`;
}

/**
 * The SELECT of one page (one row more than asked, to know whether more follow): the
 * record key as `key`, the sort values as s0, s1, …, and every column of the record
 * (`recordAlias.*`) when asked. `parentCondition` ties it to a parent row `p.owner`.
 */
export function pageSelect(
  sql: SqlBuilder,
  list: ListDefinition,
  ordering: Ordering,
  request: PageRequest,
  parentCondition?: string,
  recordAlias?: string,
): string {
  const ascendingInQuery = request.forwards !== ordering.descending;
  const conditions = [
    parentCondition,
    ...list.conditions.map((condition) => condition(sql)),
    cursorCondition(sql, ordering, request, list.scope, ascendingInQuery),
  ].filter(Boolean);
  const direction = ascendingInQuery ? 'ASC' : 'DESC';
  return `SELECT ${recordAlias ? `${recordAlias}.*, ` : ''}${list.key} AS key, ${ordering.columns.map((column, index) => `${column.sql} AS s${index}`).join(', ')}
    FROM ${list.from}
    ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
    ORDER BY ${ordering.columns.map((column) => `${column.sql} ${direction}`).join(', ')}
    LIMIT ${sql.param(request.size + 1, 'int')}`;
}

/** How many rows the list holds (under the parent `p.owner` when nested). */
export function countSelect(sql: SqlBuilder, list: ListDefinition, parentCondition?: string): string {
  const conditions = [parentCondition, ...list.conditions.map((condition) => condition(sql))].filter(Boolean);
  return `SELECT count(*)::int FROM ${list.from} ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}`;
}
