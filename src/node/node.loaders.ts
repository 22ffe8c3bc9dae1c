/** Loads a record of any entity type by its type name and key, through that type's '<type>.byKey' loader. */
import type { ClassType } from 'type-graphql';
import { ApiKeyRole } from '../auth/api-key.entity';
import type { RequestContext } from '../context';
import { entities } from '../database/entities';
import type { StoredRecord } from '../shared/node';
import { recordsByKey } from '../shared/record-loaders';

/** Types that are not content: only admins may fetch them by ID; the rest are never nodes. */
const adminTypes = new Set(['ApiKey', 'AuditEntry']);
const hiddenTypes = new Set(['IdempotencyRecord']);

const entityByTypeName = new Map<string, ClassType<StoredRecord>>(
  entities.filter((entity) => !hiddenTypes.has(entity.name)).map((entity) => [entity.name, entity as unknown as ClassType<StoredRecord>]),
);

/**
 * Null when the type is unknown, no record has the key, or the viewer may not see the
 * type (the same null as for a missing record, so an ID reveals nothing). Shares
 * batches with the feature loaders of the same name.
 */
export function loadRecordOfType(context: RequestContext, typeName: string, key: number): Promise<StoredRecord | null> {
  const entity = entityByTypeName.get(typeName);
  if (!entity || (adminTypes.has(typeName) && context.viewer?.role !== ApiKeyRole.ADMIN)) return Promise.resolve(null);
  return context.loaders.get(`${typeName[0].toLowerCase()}${typeName.slice(1)}.byKey`, (manager) => recordsByKey(manager, entity)).load(key);
}
