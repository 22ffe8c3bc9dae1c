/**
 * Relay cursor connections: `edges { cursor node }`, `nodes`, `pageInfo` and a
 * lazily counted `totalCount` (counted only when asked for). One class pair per
 * node type, made by `connectionType`.
 */
import { Field, Int, ObjectType, type ClassType } from 'type-graphql';

@ObjectType({ description: 'Where a page sits in its list (Relay PageInfo).' })
export class PageInfo {
  @Field({ description: 'Whether there are items after this page (when paging forwards; false when paging backwards without a cursor).' })
  hasNextPage!: boolean;

  @Field({ description: 'Whether there are items before this page (when paging backwards; false when paging forwards without a cursor).' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface Edge<Node> {
  cursor: string;
  node: Node;
}

/** A page as the engine produces it, before it is wrapped in its GraphQL class. */
export interface Page<Node> {
  edges: Array<Edge<Node>>;
  pageInfo: PageInfo;
  count: () => Promise<number>;
}

export interface Connection<Node> extends Page<Node> {
  nodes: Node[];
  totalCount(): Promise<number>;
}

export function connectionType<Node extends object>(nodeType: ClassType<Node>, typeName: string = nodeType.name): ClassType<Connection<Node>> & { from(page: Page<Node>): Connection<Node> } {
  @ObjectType(`${typeName}Edge`, { description: `An edge to a ${typeName} in a connection.` })
  class EdgeType {
    @Field({ description: 'Opaque cursor of this edge, for after/before.' })
    cursor!: string;

    @Field(() => nodeType)
    node!: Node;
  }

  @ObjectType(`${typeName}Connection`, { description: `A page of ${typeName} items.` })
  class ConnectionType implements Connection<Node> {
    @Field(() => [EdgeType])
    edges!: Array<Edge<Node>>;

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    count!: () => Promise<number>;

    @Field(() => [nodeType], { description: 'The nodes of the edges, for when cursors are not needed.' })
    get nodes(): Node[] {
      return this.edges.map((edge) => edge.node);
    }

    @Field(() => Int, { description: 'How many items the whole list holds, across all pages.' })
    totalCount(): Promise<number> {
      return this.count();
    }

    static from(page: Page<Node>): Connection<Node> {
      return Object.assign(new ConnectionType(), page);
    }
  }
  void EdgeType;
  return ConnectionType;
}
