/** The audit log as a paginated list, newest first by default. */
import { decodeGlobalId } from '../shared/global-id';
import { defineListing } from '../shared/pagination/listing';
import type { Condition } from '../shared/pagination/sql-builder';
import { AuditEntry } from './audit-entry.entity';
import { AuditOrder, type AuditFilter } from './audit.inputs';

function auditConditions(filter: AuditFilter | null | undefined): Condition[] {
  const conditions: Condition[] = [];
  if (filter?.recordId) {
    const { typeName, key } = decodeGlobalId(filter.recordId, 'filter.recordId');
    conditions.push((sql) => `a.record_type = ${sql.param(typeName)} AND a.record_id = ${sql.param(key, 'int')}`);
  }
  if (filter?.actorName) conditions.push((sql) => `a.actor_name = ${sql.param(filter.actorName)}`);
  if (filter?.action) conditions.push((sql) => `a.action = ${sql.param(filter.action)}`);
  return conditions;
}

const byId = [{ sql: 'a.id', type: 'int' as const }];

export const auditListing = defineListing<AuditEntry, AuditFilter, AuditOrder>({
  nodeType: AuditEntry,
  rootName: 'auditLog',
  from: 'public.audit_entry a',
  key: 'a.id',
  orderings: {
    NEWEST_FIRST: { name: AuditOrder.NEWEST_FIRST, columns: byId, descending: true },
    OLDEST_FIRST: { name: AuditOrder.OLDEST_FIRST, columns: byId, descending: false },
  },
  conditions: auditConditions,
});
