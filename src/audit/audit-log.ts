/** Appends to the audit log; callers do it inside the transaction of the write they record. */
import type { EntityManager } from 'typeorm';

export interface AuditRecord {
  actorName: string;
  actorKey: number | null;
  action: string;
  recordType: string;
  recordKey: number | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
}

/** Writes done from a shell (`npm run import`, `npm run keys`) are recorded under this name. */
export const commandLineActor = 'command line';

export async function appendAuditEntry(manager: EntityManager, entry: AuditRecord): Promise<void> {
  await manager.query(
    `INSERT INTO public.audit_entry (actor_name, actor_key_id, action, record_type, record_id, before, after, request_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [entry.actorName, entry.actorKey, entry.action, entry.recordType, entry.recordKey, entry.before, entry.after, entry.requestId],
  );
}
