/**
 * A paginated list of one record type, declared once: its FROM clause, orderings
 * and filter conditions. Gives the GraphQL connection type, the root list, and
 * per-parent nested lists batched across parents.
 */
import type DataLoader from 'dataloader';
import type { ClassType } from 'type-graphql';
import type { RequestContext } from '../../context';
import { connectionType, type Connection } from './connection';
import { toPageRequest, type ConnectionArguments } from './connection-arguments';
import { nestedPage, rootPage, type ListDefinition, type Ordering } from './keyset';
import type { Condition } from './sql-builder';
import { searchConditions } from '../full-text';

/** Page arguments plus a filter and an ordering: what every list field takes. */
export interface ListOptions<Filter, Order extends string> extends ConnectionArguments {
  filter?: Filter | null;
  orderBy: Order;
  /** Full-text search within the list, for listings that declare `searchable`. */
  search?: string | null;
}

/** How a nested list reaches its parent `p.owner`: a FROM of its own, a condition, or both. */
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
  if (!parents) return { from: `${joinTable} owned ${record(`owned.${recordColumn}`)}`, where: `owned.${parentColumn} = p.owner`, keyColumn: `owned.${recordColumn}` };
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
  recordsByKey: (context: RequestContext) => DataLoader<number, Node | null>;
  /** The alias whose `search_document` the `search` argument matches (migration AddSearch). */
  searchable?: string;
}

/** The ordering with the record key read from `keyColumn` (where the source yields it in index order). */
function withKeyColumn(ordering: Ordering, key: string, keyColumn: string | undefined): Ordering {
  if (!keyColumn) return ordering;
  return { ...ordering, columns: ordering.columns.map((column) => (column.sql === key ? { ...column, sql: keyColumn } : column)) };
}

export function defineListing<Node extends object, Filter, Order extends string>(specification: ListingSpecification<Node, Filter, Order>) {
  const NodeConnection = connectionType(specification.nodeType);
  const list = (scope: string, options: ListOptions<Filter, Order>): ListDefinition => ({
    scope,
    from: specification.from,
    key: specification.key,
    conditions: [...specification.conditions(options.filter), ...(specification.searchable ? searchConditions(specification.searchable, options.search) : [])],
  });
  return {
    Connection: NodeConnection,

    async root(context: RequestContext, options: ListOptions<Filter, Order>): Promise<Connection<Node>> {
      const request = toPageRequest(options);
      const page = await rootPage(context.loaders, {
        name: specification.rootName,
        list: list(specification.rootName, options),
        ordering: specification.orderings[options.orderBy],
        request,
        recordsByKey: specification.recordsByKey(context),
      });
      return NodeConnection.from(page);
    },

    /**
     * One parent's list (the lessons of a theme, say), paged per parent and batched
     * across parents. The source ties rows to the parent key `p.owner`: either a
     * condition on the listing's own FROM, or a FROM of its own that starts from the
     * parent's rows (a join table), so that the cost of a page is bounded by the
     * parent's size, never by the size of the whole table.
     */
    async nested(context: RequestContext, relation: string, source: NestedSource, parentKey: number, options: ListOptions<Filter, Order>): Promise<Connection<Node>> {
      const request = toPageRequest(options);
      const page = await nestedPage(context.loaders, {
        name: relation,
        list: { ...list(relation, options), from: source.from ?? specification.from },
        ordering: withKeyColumn(specification.orderings[options.orderBy], specification.key, source.keyColumn),
        request,
        recordsByKey: specification.recordsByKey(context),
        parentCondition: source.where ?? 'TRUE',
        parentKey,
        argumentsKey: JSON.stringify([options.first, options.after, options.last, options.before, options.filter, options.orderBy, options.search]),
      });
      return NodeConnection.from(page);
    },
  };
}
