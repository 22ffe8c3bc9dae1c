/**
 * A record type's reads, found by its type name when first needed: for a relation whose
 * target's reads import the reads that declare it (a network's memberships and their
 * network; an organization's coordinated networks and their coordinator), where an import
 * would make a cycle. Every feature's reads are loaded before the first request
 * (all-reads.ts), so a missing one is a programming error, reported on first use.
 */
import { readsOfType, type RecordReads } from './record-reads';

export function declaredReads(typeName: string): () => RecordReads {
  return () => {
    const reads = readsOfType(typeName);
    if (!reads) throw new Error(`the reads of ${typeName} are not declared`);
    return reads;
  };
}
