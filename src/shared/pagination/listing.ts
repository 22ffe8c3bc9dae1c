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

/** Page arguments plus a filter and an ordering: what every list field takes. */
export interface ListOptions<Filter, Order extends string> extends ConnectionArguments {
  filter?: Filter | null;
  orderBy: Order;
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
}

export function defineListing<Node extends object, Filter, Order extends string>(specification: ListingSpecification<Node, Filter, Order>) {
  const NodeConnection = connectionType(specification.nodeType);
  const list = (scope: string, options: ListOptions<Filter, Order>): ListDefinition => ({
    scope,
    from: specification.from,
    key: specification.key,
    conditions: specification.conditions(options.filter),
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
     * across parents. `parentCondition` ties a row to the parent key `p.owner`;
     * `extraArguments` must hold anything else that shapes the condition.
     */
    async nested(
      context: RequestContext,
      relation: string,
      parentCondition: string,
      parentKey: number,
      options: ListOptions<Filter, Order>,
      extraArguments: unknown = null,
    ): Promise<Connection<Node>> {
      const request = toPageRequest(options);
      const page = await nestedPage(context.loaders, {
        name: relation,
        list: list(relation, options),
        ordering: specification.orderings[options.orderBy],
        request,
        recordsByKey: specification.recordsByKey(context),
        parentCondition,
        parentKey,
        argumentsKey: JSON.stringify([options.first, options.after, options.last, options.before, options.filter, options.orderBy, extraArguments]),
      });
      return NodeConnection.from(page);
    },
  };
}
