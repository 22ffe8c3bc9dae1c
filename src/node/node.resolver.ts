/**
 * `node(id:)` and `nodes(ids:)`: fetch any object by its global ID (Relay object
 * identification), compiled by the read engine (src/read/root-reads.ts).
 */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import { readRootField } from '../read/resolvers';
import { Node } from '../shared/node';

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'The object with this global ID, or null if there is none.' })
  node(
    @Arg('id', () => ID, { description: 'A global ID, as given by the `id` field of any record.' }) _id: string,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return readRootField(context, info);
  }

  @Query(() => [Node], { nullable: 'items', description: 'The objects with these global IDs, in the same order; null where there is none.' })
  nodes(@Arg('ids', () => [ID], { description: 'Global IDs, at most 100.' }) _ids: string[], @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo) {
    return readRootField(context, info);
  }
}
