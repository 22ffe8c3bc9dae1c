/** Loads a record of any entity type by its type name and key, through that type's '<type>.byKey' loader. */
import type { ClassType } from 'type-graphql';
import type { RequestContext } from '../context';
import { entities } from '../database/entities';
import type { StoredRecord } from '../shared/node';
import { recordsByKey } from '../shared/record-loaders';

const entityByTypeName = new Map<string, ClassType<StoredRecord>>(entities.map((entity) => [entity.name, entity as ClassType<StoredRecord>]));

/** Null when the type is unknown or no record has the key. Shares batches with the feature loaders of the same name. */
export function loadRecordOfType(context: RequestContext, typeName: string, key: number): Promise<StoredRecord | null> {
  const entity = entityByTypeName.get(typeName);
  if (!entity) return Promise.resolve(null);
  return context.loaders.get(`${typeName[0].toLowerCase()}${typeName.slice(1)}.byKey`, (manager) => recordsByKey(manager, entity)).load(key);
}
