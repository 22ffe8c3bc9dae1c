/** What a mutation's work receives: the transaction's entity manager, who is writing, and the audit log to add to. */
import type { EntityManager } from 'typeorm';
import { snapshotRecord } from '../audit/record-snapshot';
import type { Viewer } from '../auth/viewer';

export interface AuditChange {
  recordType: string;
  recordKey: number | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export class WriteTransaction {
  readonly changes: AuditChange[] = [];

  constructor(
    readonly manager: EntityManager,
    readonly viewer: Viewer,
  ) {}

  /** Snapshot of a record as it is now in this transaction (for the audit log's before and after). */
  snapshot(table: string, key: number): Promise<Record<string, unknown> | null> {
    return snapshotRecord(this.manager, table, key);
  }

  /** Notes a change for the audit log; written only if the mutation commits. */
  recordChange(change: AuditChange): void {
    this.changes.push(change);
  }
}
