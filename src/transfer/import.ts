/**
 * Imports a validated dataset (from files or from in-memory documents) in one
 * transaction: records are upserted by human key, so importing the same data twice
 * changes nothing. A dry run does the whole write and then rolls it back, so its
 * summary tells exactly what an import would create and update, and nothing is kept.
 */
import type { DataSource } from 'typeorm';
import { appendAuditEntry, commandLineActor } from '../audit/audit-log';
import type { Dataset, ExternalKeys } from '../seed/seed-schema';
import { writeSeedDataset, type SeedSummary } from '../seed/seed-writer';

export interface ImportOptions {
  /** Write, count, then roll back: the summary says what would change; the database keeps nothing. */
  dryRun?: boolean;
  /** Called after each top-level record (a brief with its lessons counts once) with the count so far and the total. */
  onProgress?: (imported: number, total: number) => void;
  /** Database keys of records the dataset refers to but does not hold (see external-references.ts). */
  externalKeys?: ExternalKeys;
}

export async function importDataset(dataSource: DataSource, dataset: Dataset, options: ImportOptions = {}): Promise<SeedSummary> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    try {
      const summary = await writeSeedDataset(runner.manager, dataset, { onProgress: options.onProgress, externalKeys: options.externalKeys });
      if (options.dryRun) {
        await runner.rollbackTransaction();
        return summary;
      }
      // One entry for the whole import: who, when, and what it created, updated and left unchanged.
      await appendAuditEntry(runner.manager, {
        actorName: commandLineActor,
        actorKey: null,
        action: 'import',
        recordType: 'KnowledgeBase',
        recordKey: null,
        before: null,
        after: { summary },
        requestId: null,
      });
      await runner.commitTransaction();
      return summary;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    }
  } finally {
    await runner.release();
  }
}
