/**
 * Writes a validated dataset into the database in one transaction, upserting by
 * human key (slug, meeting number, brief + lesson position). Rows whose content is
 * already the same are left untouched, so loading the same data twice changes
 * nothing, not even `updated_at` (or `version`, which a trigger keeps).
 *
 * Each record type writes its own records (`write` in its feature's `*.seed.ts`);
 * this is the loop over them, in collection order, with ids, progress and counts.
 */
import type { EntityManager } from 'typeorm';
import type { SeedRecordType, SeedWriteContext, WrittenRecord } from './seed-record-type';
import { seedRecordTypes } from './seed-record-types';
import type { Outcome } from './seed-rows';
import { collectionNames, type CollectionName, type Dataset, type ExternalKeys } from './seed-schema';

export type { Outcome } from './seed-rows';
export type SeedSummary = Record<CollectionName, Record<Outcome, number>>;

export interface WriteOptions {
  /** Called after each top-level record (a brief counts once, with its lessons) with the count so far and the total. */
  onProgress?: (written: number, total: number) => void;
  /** Database keys of records the dataset refers to but does not hold (src/transfer/external-references.ts). */
  externalKeys?: ExternalKeys;
}

/** How many top-level records a dataset holds, as progress counts them. */
export function countRecords(dataset: Dataset): number {
  return collectionNames.reduce((total, name) => total + dataset[name].length, 0);
}

function emptySummary(): SeedSummary {
  const counts = () => ({ created: 0, updated: 0, unchanged: 0 });
  return Object.fromEntries(collectionNames.map((name) => [name, counts()])) as SeedSummary;
}

/** Ids by human key per collection, starting with those of records outside the dataset (lessons keyed by their text reference). */
function writeContext(manager: EntityManager, externalKeys: ExternalKeys = {}): SeedWriteContext {
  const ids = Object.fromEntries([...collectionNames, 'lessons'].map((name) => [name, new Map<string | number, number>()])) as SeedWriteContext['ids'];
  for (const [collection, keys] of Object.entries(externalKeys) as Array<[keyof ExternalKeys, Map<string | number, number>]>) {
    for (const [key, id] of keys) ids[collection].set(collection === 'lessons' ? String(key) : key, id);
  }
  return {
    manager,
    ids,
    sourceId: (slug) => (slug ? ids.sources.get(slug)! : null),
    idsOf: (collection, keys) => (keys ?? []).map((key) => ids[collection].get(key)!),
  };
}

/** Writes one collection's records in the order its type asks, then the links among them; returns each record with what happened to it. */
async function writeCollection(
  context: SeedWriteContext,
  recordType: SeedRecordType<CollectionName>,
  records: Dataset[CollectionName],
  progressed: () => void,
): Promise<WrittenRecord[]> {
  const keyField = recordType.key;
  const written: Array<{ record: (typeof records)[number]; result: WrittenRecord }> = [];
  for (const record of recordType.writeOrder ? recordType.writeOrder(records) : records) {
    const result = await recordType.write(context, record);
    if (keyField) context.ids[recordType.collection].set((record as unknown as Record<string, string | number>)[keyField], result.id);
    written.push({ record, result });
    progressed();
  }
  await recordType.afterWriting?.(context, written);
  return written.map(({ result }) => result);
}

export async function writeSeedDataset(manager: EntityManager, dataset: Dataset, options: WriteOptions = {}): Promise<SeedSummary> {
  // Two loaders started at once (say, two servers on one database) take turns.
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('briefgraph:seed'))`);
  const summary = emptySummary();
  const context = writeContext(manager, options.externalKeys);
  const total = countRecords(dataset);
  let written = 0;
  const progressed = () => options.onProgress?.(++written, total);
  for (const recordType of seedRecordTypes) {
    const results = await writeCollection(context, recordType, dataset[recordType.collection], progressed);
    // A record whose own row is unchanged but whose parts changed counts as updated.
    for (const { outcome, changed } of results) summary[recordType.collection][outcome === 'unchanged' && changed ? 'updated' : outcome]++;
  }
  return summary;
}
