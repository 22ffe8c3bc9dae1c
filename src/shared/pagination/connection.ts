/**
 * Relay cursor connections: `edges { cursor node }`, `nodes`, `pageInfo` and
 * `totalCount` (counted only when asked for). One type pair per node type, made by
 * `connectionType`; the read engine compiles their values (src/read/compiler.ts).
 */
import { Field, Int, ObjectType, type ClassType } from 'type-graphql';

@ObjectType({ description: 'Where a page sits in its list (Relay PageInfo).' })
export class PageInfo {
  @Field({ description: 'Whether there are items after this page (when paging forwards; false when paging backwards without a cursor).' })
  hasNextPage!: boolean;

  @Field({ description: 'Whether there are items before this page (when paging backwards; false when paging forwards without a cursor).' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'The cursor of the first edge of the page, for `before`; null when the page is empty.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'The cursor of the last edge of the page, for `after`; null when the page is empty.' })
  endCursor!: string | null;
}

/** Names of the connection and edge types made by `connectionType`: the read engine builds their values (src/read/). */
export const connectionTypeNames = new Set<string>();
export const edgeTypeNames = new Set<string>();

/** The shape of a connection's value, as the read engine compiles it. */
export interface Connection<Node> {
  edges: Array<{ cursor: string; node: Node }>;
  nodes: Node[];
  pageInfo: PageInfo;
  totalCount: number;
}

export function connectionType<Node extends object>(nodeType: ClassType<Node>, typeName: string = nodeType.name): ClassType<Connection<Node>> {
  @ObjectType(`${typeName}Edge`, { description: `An edge to a ${typeName} in a connection.` })
  class EdgeType {
    @Field({ description: 'Opaque cursor of this edge, for after/before.' })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${typeName} at this edge.` })
    node!: Node;
  }

  @ObjectType(`${typeName}Connection`, { description: `A page of ${typeName} items.` })
  class ConnectionType implements Connection<Node> {
    @Field(() => [EdgeType], { description: 'The items of this page, each with its cursor.' })
    edges!: Array<{ cursor: string; node: Node }>;

    @Field(() => PageInfo, { description: 'Where this page sits in the list, for paging on.' })
    pageInfo!: PageInfo;

    @Field(() => [nodeType], { description: 'The nodes of the edges, for when cursors are not needed.' })
    nodes!: Node[];

    @Field(() => Int, { description: 'How many items the whole list holds, across all pages.' })
    totalCount!: number;
  }
  connectionTypeNames.add(`${typeName}Connection`);
  edgeTypeNames.add(`${typeName}Edge`);
  return ConnectionType;
}
