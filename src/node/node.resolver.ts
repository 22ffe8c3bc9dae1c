/** `node(id:)` and `nodes(ids:)`: fetch any object by its global ID (Relay object identification). */
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import { decodeGlobalId } from '../shared/global-id';
import { Node, type StoredRecord } from '../shared/node';
import { userInputError } from '../shared/user-input-error';
import { loadRecordOfType } from './node.loaders';

function loadNode(context: RequestContext, globalId: string, argumentName: string): Promise<StoredRecord | null> {
  const { typeName, key } = decodeGlobalId(globalId, argumentName);
  return loadRecordOfType(context, typeName, key);
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'The object with this global ID, or null if there is none.' })
  node(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<StoredRecord | null> {
    return loadNode(context, id, 'id');
  }

  @Query(() => [Node], { nullable: 'items', description: 'The objects with these global IDs, in the same order; null where there is none.' })
  nodes(@Arg('ids', () => [ID]) ids: string[], @Ctx() context: RequestContext): Promise<Array<StoredRecord | null>> {
    if (ids.length > 100) throw userInputError('ids', `may hold at most 100 IDs, got ${ids.length}`);
    return Promise.all(ids.map((id, index) => loadNode(context, id, `ids[${index}]`)));
  }
}
