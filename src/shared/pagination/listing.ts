/**
 * A paginated list of one record type, declared once: its FROM clause, orderings
 * and filter conditions. Gives the GraphQL connection type and what the read engine
 * (src/read/compiler.ts) needs to page it, as a root list or nested under a parent.
 */
import type { ClassType } from 'type-graphql';
import { connectionType, type Connection } from './connection';
import type { ConnectionArguments } from './connection-arguments';
import type { ListDefinition, Ordering } from './keyset';
import type { Condition } from './sql-builder';
import { searchConditions } from '../full-text';
import { updatedAtConditions, type UpdatedAtFilter } from '../updated-at';

/** Page arguments plus a filter and an ordering: what every list field takes. */
export interface ListOptions<Filter, Order extends string> extends ConnectionArguments {
  filter?: Filter | null;
  orderBy: Order;
  /** Full-text search within the list, for listings that declare `searchable`. */
  search?: string | null;
}

/**
 * The key of a nested list's parent row, as the read engine's compiler names it (`(SELECT … AS owner) p`
 * in src/read/compiler.ts). Nested sources write it through this constant, never as text of their own.
 */
export const parentKey = 'p.owner';

/** How a nested list reaches its parent (`parentKey`): a FROM of its own, a condition, or both. */
export interface NestedSource {
  /** Replaces the listing's FROM; must keep the listing's alias for the listed table. */
  from?: string;
  where?: string;
  /** An expression equal to the listed record's key that the FROM yields in index order (the join table's column). */
  keyColumn?: string;
}

/**
 * The rows of `alias` (a `table`) tied to the parent through a join table, driven from
 * the join table's index on (parentColumn, recordColumn): each join row fetches its
 * record (the OFFSET 0 keeps PostgreSQL from turning this into a merge join that
 * walks the whole table), and orderings by key read the join index's order directly.
 * With `parents` SQL instead of p.owner (a theme and its sub-themes), the join rows
 * are de-duplicated first.
 */
export function throughJoinTable(table: string, alias: string, joinTable: string, parentColumn: string, recordColumn: string, parents?: string): NestedSource {
  const record = (key: string) => `CROSS JOIN LATERAL (SELECT * FROM ${table} WHERE id = ${key} OFFSET 0) ${alias}`;
  if (!parents)
    return { from: `${joinTable} owned ${record(`owned.${recordColumn}`)}`, where: `owned.${parentColumn} = ${parentKey}`, keyColumn: `owned.${recordColumn}` };
  return {
    from: `(SELECT DISTINCT x.${recordColumn} AS id FROM ${joinTable} x WHERE x.${parentColumn} = ANY(${parents})) owned ${record('owned.id')}`,
    keyColumn: 'owned.id',
  };
}

export interface ListingSpecification<Node extends object, Filter, Order extends string> {
  nodeType: ClassType<Node>;
  /** Name of the root list, used in cursors. */
  rootName: string;
  from: string;
  key: string;
  orderings: Record<Order, Ordering>;
  conditions: (filter: Filter | null | undefined) => Condition[];
  /** The alias whose `search_document` the `search` argument matches (migration AddSearch). */
  searchable?: string;
}

/** The ordering with the record key read from `keyColumn` (where the source yields it in index order). */
function withKeyColumn(ordering: Ordering, key: string, keyColumn: string | undefined): Ordering {
  if (!keyColumn) return ordering;
  return { ...ordering, columns: ordering.columns.map((column) => (column.sql === key ? { ...column, sql: keyColumn } : column)) };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a listing of any filter type must fit where listings are held together (the read engine, nested connections); `unknown` would refuse them, its filter being a parameter
export interface Listing<Node extends object = object, Filter = any, Order extends string = string> {
  Connection: ClassType<Connection<Node>>;
  specification: ListingSpecification<Node, Filter, Order>;
  /** The alias of the listed table in `from` (b for "brief b"). */
  recordAlias: string;
  /** What a page lists: the FROM (the listing's, or a nested source's) and the conditions of the filter (its own fields and `updatedSince`/`updatedBefore`) and search. */
  list(scope: string, options: Partial<ListOptions<Filter, Order>>, from?: string): ListDefinition;
  /** The ordering named `orderBy`, reading the record key from `keyColumn` where a nested source yields it in index order. */
  orderingFor(orderBy: Order, keyColumn?: string): Ordering;
}

export function defineListing<Node extends object, Filter, Order extends string>(
  specification: ListingSpecification<Node, Filter, Order>,
): Listing<Node, Filter, Order> {
  const recordAlias = specification.key.split('.')[0];
  return {
    Connection: connectionType(specification.nodeType),
    specification,
    recordAlias,
    list: (scope, options, from) => ({
      scope,
      from: from ?? specification.from,
      key: specification.key,
      conditions: [
        ...specification.conditions(options.filter),
        ...updatedAtConditions(options.filter as UpdatedAtFilter | null | undefined, recordAlias),
        ...(specification.searchable ? searchConditions(specification.searchable, options.search) : []),
      ],
    }),
    orderingFor: (orderBy, keyColumn) => withKeyColumn(specification.orderings[orderBy], specification.key, keyColumn),
  };
}
