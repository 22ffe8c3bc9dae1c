/**
 * Keyset pagination in SQL: a page is "the next n rows after these sort values",
 * found through an index, so page 1,000 costs what page 1 costs (never OFFSET).
 *
 * Root lists run one statement per page. Lists nested under many parents (the
 * lessons of each of 20 themes) run one statement for all parents, with a LATERAL
 * subquery that pages each parent separately; their counts are one more statement.
 */
import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import type { LoaderRegistry } from '../loader-registry';
import { batchOptions } from '../record-loaders';
import { maximumKey } from '../global-id';
import { isCalendarDate } from '../calendar';
import type { Edge, Page, PageInfo } from './connection';
import type { PageRequest } from './connection-arguments';
import { decodeCursor, encodeCursor, invalidCursorError, type CursorValue } from './cursor';
import { SqlBuilder, type Condition } from './sql-builder';

export interface SortColumn {
  /** A non-null SQL expression. */
  sql: string;
  /** Its PostgreSQL type, for casting the cursor's values. */
  type: 'int' | 'text' | 'date';
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

interface Row {
  key: number;
  [sortValue: `s${number}`]: CursorValue;
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

/** The SELECT of one page; `parentCondition` ties it to a parent row `p.owner` when nested. */
function pageSelect(sql: SqlBuilder, list: ListDefinition, ordering: Ordering, request: PageRequest, parentCondition?: string): string {
  const ascendingInQuery = request.forwards !== ordering.descending;
  const conditions = [parentCondition, ...list.conditions.map((condition) => condition(sql)), cursorCondition(sql, ordering, request, list.scope, ascendingInQuery)].filter(Boolean);
  const direction = ascendingInQuery ? 'ASC' : 'DESC';
  return `SELECT ${list.key} AS key, ${ordering.columns.map((column, index) => `${column.sql} AS s${index}`).join(', ')}
    FROM ${list.from}
    ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
    ORDER BY ${ordering.columns.map((column) => `${column.sql} ${direction}`).join(', ')}
    LIMIT ${sql.param(request.size + 1, 'int')}`;
}

function countSelect(sql: SqlBuilder, list: ListDefinition, parentCondition?: string): string {
  const conditions = [parentCondition, ...list.conditions.map((condition) => condition(sql))].filter(Boolean);
  return `SELECT count(*)::int FROM ${list.from} ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}`;
}

function toPage(rows: Row[], list: ListDefinition, ordering: Ordering, request: PageRequest, count: () => Promise<number>): Page<number> {
  const hasMore = rows.length > request.size;
  const pageRows = rows.slice(0, request.size);
  if (!request.forwards) pageRows.reverse();
  const edges: Array<Edge<number>> = pageRows.map((row) => ({
    node: row.key,
    cursor: encodeCursor(`${list.scope}:${ordering.name}`, ordering.columns.map((_, index) => row[`s${index}`])),
  }));
  const pageInfo: PageInfo = {
    hasNextPage: request.forwards ? hasMore : request.cursor !== null,
    hasPreviousPage: request.forwards ? request.cursor !== null : hasMore,
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges[edges.length - 1]?.cursor ?? null,
  };
  return { edges, pageInfo, count };
}

/** One page of a root list, as record keys. Validates the cursor before any SQL runs. */
export async function fetchPage(manager: EntityManager, list: ListDefinition, ordering: Ordering, request: PageRequest): Promise<Page<number>> {
  const sql = new SqlBuilder();
  const text = pageSelect(sql, list, ordering, request);
  let counted: Promise<number> | undefined;
  const count = () => {
    counted ??= (async () => {
      const countSql = new SqlBuilder();
      const [row] = (await manager.query(countSelect(countSql, list), countSql.parameters)) as Array<{ count: number }>;
      return row.count;
    })();
    return counted;
  };
  const rows = (await manager.query(text, sql.parameters)) as Row[];
  return toPage(rows, list, ordering, request, count);
}

/**
 * A loader of pages per parent key: every parent in a batch is paged by one
 * statement, and counted (only if asked) by one more.
 */
export function nestedPageLoader(
  manager: EntityManager,
  list: ListDefinition,
  ordering: Ordering,
  request: PageRequest,
  /** SQL that ties a row of `list.from` to the parent key `p.owner`; TRUE when `list.from` does it already. */
  parentCondition: string,
): DataLoader<number, Page<number>> {
  // Validate the arguments now, so a bad cursor fails before any statement runs.
  pageSelect(new SqlBuilder([null]), list, ordering, request, parentCondition);
  const counts = new DataLoader<number, number>(async (parentKeys) => {
    const sql = new SqlBuilder([[...new Set(parentKeys)]]);
    const rows = (await manager.query(
      `SELECT p.owner, (${countSelect(sql, list, parentCondition)}) AS count FROM unnest($1::int[]) AS p(owner)`,
      sql.parameters,
    )) as Array<{ owner: number; count: number }>;
    const byOwner = new Map(rows.map((row) => [row.owner, row.count]));
    return parentKeys.map((key) => byOwner.get(key) ?? 0);
  }, batchOptions);
  return new DataLoader(async (parentKeys) => {
    const sql = new SqlBuilder([[...new Set(parentKeys)]]);
    const rows = (await manager.query(
      `SELECT p.owner, page.* FROM unnest($1::int[]) AS p(owner) CROSS JOIN LATERAL (${pageSelect(sql, list, ordering, request, parentCondition)}) page`,
      sql.parameters,
    )) as Array<Row & { owner: number }>;
    const byOwner = new Map<number, Row[]>(parentKeys.map((key) => [key, []]));
    for (const row of rows) byOwner.get(row.owner)?.push(row);
    return parentKeys.map((key) => toPage(byOwner.get(key)!, list, ordering, request, () => counts.load(key)));
  }, batchOptions);
}

export interface PageQuery<Record> {
  /** Names the loader; pages with other arguments get another loader. */
  name: string;
  list: ListDefinition;
  ordering: Ordering;
  request: PageRequest;
  recordsByKey: DataLoader<number, Record | null>;
}

/** A root list's page of records: one statement for the keys, one (batched) for the records. */
export async function rootPage<Record>(loaders: LoaderRegistry, query: PageQuery<Record>): Promise<Page<Record>> {
  return hydratePage(await fetchPage(loaders.manager, query.list, query.ordering, query.request), query.recordsByKey);
}

/** The page of one parent's nested list, batched with every other parent asking for the same list and arguments. */
export async function nestedPage<Record>(
  loaders: LoaderRegistry,
  query: PageQuery<Record> & { parentCondition: string; parentKey: number; argumentsKey: string },
): Promise<Page<Record>> {
  // The loader's name must tell apart lists whose FROM or parent condition differ.
  query.argumentsKey = `${query.argumentsKey}|${query.list.from}|${query.parentCondition}`;
  const loader = loaders.get(`${query.name}(${query.argumentsKey})`, (manager) => nestedPageLoader(manager, query.list, query.ordering, query.request, query.parentCondition));
  return hydratePage(await loader.load(query.parentKey), query.recordsByKey);
}

/** Replaces the keys of a page with records, through a by-key loader (one statement per batch). */
export async function hydratePage<Record>(page: Page<number>, recordsByKey: DataLoader<number, Record | null>): Promise<Page<Record>> {
  const records = await recordsByKey.loadMany(page.edges.map((edge) => edge.node));
  const edges: Array<Edge<Record>> = [];
  page.edges.forEach((edge, index) => {
    const record = records[index];
    if (record instanceof Error) throw record;
    if (record) edges.push({ cursor: edge.cursor, node: record });
  });
  return { edges, pageInfo: page.pageInfo, count: page.count };
}
