/**
 * Imports a validated dataset (from files or from in-memory documents) in one
 * transaction: records are upserted by human key, so importing the same data twice
 * changes nothing. A dry run does the whole write and then rolls it back, so its
 * summary tells exactly what an import would create and update, and nothing is kept.
 *
 * One orchestration for every way in: `npm run import` (and tests) call
 * importReadDocuments, the `knowledgeBaseImport` mutation calls importInTransaction
 * inside its own mutation transaction; both look up references to records outside the
 * documents, then write, the same way.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { appendAuditEntry, commandLineActor } from '../audit/audit-log';
import { SeedValidationError, type SeedProblem } from '../seed/seed-problem';
import type { ReadResult } from '../seed/seed-reader';
import type { Dataset } from '../seed/seed-schema';
import { writeSeedDataset, type SeedSummary } from '../seed/seed-writer';
import { resolveExternalReferences } from './external-references';

export interface ImportOptions {
  /** Write, count, then roll back: the summary says what would change; the database keeps nothing. */
  dryRun?: boolean;
  /** Called after each top-level record (a brief with its lessons counts once) with the count so far and the total. */
  onProgress?: (imported: number, total: number) => void;
}

/** What an import did (or would do), or the problems that stopped it before anything was written. */
export type ImportOutcome = { summary: SeedSummary; problems?: undefined } | { summary?: undefined; problems: SeedProblem[] };

/**
 * The steps of an import after reading, in a transaction the caller owns: references to records
 * outside the documents are looked up (missing ones are problems), then the dataset is written;
 * a dry run writes inside a savepoint and rolls back to it.
 */
export async function importInTransaction(manager: EntityManager, read: ReadResult, options: ImportOptions = {}): Promise<ImportOutcome> {
  const { keys, problems } = await resolveExternalReferences(manager, read.externalReferences);
  if (problems.length > 0) return { problems };
  if (options.dryRun) await manager.query('SAVEPOINT import_dry_run');
  const summary = await writeSeedDataset(manager, read.dataset, { onProgress: options.onProgress, externalKeys: keys });
  if (options.dryRun) await manager.query('ROLLBACK TO SAVEPOINT import_dry_run');
  return { summary };
}

/** Imports read documents in a transaction of its own, with one audit entry; throws SeedValidationError when references cannot be resolved. */
export async function importReadDocuments(dataSource: DataSource, read: ReadResult, options: ImportOptions = {}): Promise<SeedSummary> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    try {
      const outcome = await importInTransaction(runner.manager, read, options);
      if (outcome.problems) throw new SeedValidationError(outcome.problems);
      if (options.dryRun) {
        await runner.rollbackTransaction();
        return outcome.summary;
      }
      // One entry for the whole import: who, when, and what it created, updated and left unchanged.
      await appendAuditEntry(runner.manager, {
        actorName: commandLineActor,
        actorKey: null,
        action: 'import',
        recordType: 'KnowledgeBase',
        recordKey: null,
        before: null,
        after: { summary: outcome.summary },
        requestId: null,
      });
      await runner.commitTransaction();
      return outcome.summary;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    }
  } finally {
    await runner.release();
  }
}

/** Imports a dataset that refers only to records it holds. */
export async function importDataset(dataSource: DataSource, dataset: Dataset, options: ImportOptions = {}): Promise<SeedSummary> {
  return importReadDocuments(dataSource, { dataset, externalReferences: [] }, options);
}
