/** How audit entries are read (admins only), and the root list `auditLog`. */
import { computed, defineReads } from '../read/record-reads';
import { adminOnly, defineRootReads, rootConnection } from '../read/root-reads';
import { encodeGlobalId } from '../shared/global-id';
import { AuditEntry } from './audit-entry.entity';
import { auditListing } from './audit.service';

export const auditEntryReads = defineReads({
  typeName: 'AuditEntry',
  entity: AuditEntry,
  table: 'public.audit_entry',
  adminOnly: true,
  fields: {
    // The global ID of the record written (it may since have been deleted).
    recordId: computed(['record_type', 'record_id'], (row) => (row.record_id === null ? null : encodeGlobalId(row.record_type, row.record_id))),
  },
});

defineRootReads({ auditLog: adminOnly(rootConnection(() => auditListing)) });
