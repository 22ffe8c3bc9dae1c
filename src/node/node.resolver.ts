/** `node(id:)` and `nodes(ids:)`: fetch any object by its global ID (Relay object identification). */
import { GraphQLError } from 'graphql';
import { Arg, Ctx, ID, Query, Resolver, type ClassType } from 'type-graphql';
import type { RequestContext } from '../context';
import { entities } from '../database/entities';
import { decodeGlobalId } from '../shared/global-id';
import { Node, type StoredRecord } from '../shared/node';
import { recordsByKey } from '../shared/record-loaders';

const entityByTypeName = new Map<string, ClassType<StoredRecord>>(entities.map((entity) => [entity.name, entity as ClassType<StoredRecord>]));

function loadNode(context: RequestContext, globalId: string, argumentName: string): Promise<StoredRecord | null> {
  const { typeName, key } = decodeGlobalId(globalId, argumentName);
  const entity = entityByTypeName.get(typeName);
  if (!entity) return Promise.resolve(null);
  // The same loader as the feature's '<type>.byKey', so node(id:) shares its batches.
  return context.loaders.get(`${typeName[0].toLowerCase()}${typeName.slice(1)}.byKey`, (manager) => recordsByKey(manager, entity)).load(key);
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'The object with this global ID, or null if there is none.' })
  node(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<StoredRecord | null> {
    return loadNode(context, id, 'id');
  }

  @Query(() => [Node], { nullable: 'items', description: 'The objects with these global IDs, in the same order; null where there is none.' })
  nodes(@Arg('ids', () => [ID]) ids: string[], @Ctx() context: RequestContext): Promise<Array<StoredRecord | null>> {
    if (ids.length > 100) throw new GraphQLError(`Argument "ids" may hold at most 100 IDs, got ${ids.length}`, { extensions: { code: 'BAD_USER_INPUT', argumentName: 'ids' } });
    return Promise.all(ids.map((id, index) => loadNode(context, id, `ids[${index}]`)));
  }
}
