/**
 * Reads the whole knowledge base back into the seed format: references by human
 * key, lessons nested in their brief, publication dates in their partial form.
 * Tables are named with their schema so that drafts are always included, whatever
 * the search path (requests without an API key see the `published` views first).
 */
import type { DataSource, EntityManager } from 'typeorm';
import { seedRecordTypes } from '../seed/seed-record-types';
import type { Dataset } from '../seed/seed-schema';
import { renderSeedFiles, type SeedFile } from './seed-files';

/** The knowledge base as a dataset, in export order, each record type read by its own declaration. Run it in one REPEATABLE READ transaction for a consistent snapshot. */
export async function readKnowledgeBase(manager: EntityManager): Promise<Dataset> {
  const dataset: Partial<Record<keyof Dataset, unknown[]>> = {};
  for (const recordType of seedRecordTypes) dataset[recordType.collection] = await recordType.readAll(manager);
  return dataset as Dataset;
}

/** The whole knowledge base as seed files, read from one consistent snapshot. */
export async function exportKnowledgeBase(dataSource: DataSource): Promise<SeedFile[]> {
  const dataset = await dataSource.transaction('REPEATABLE READ', (manager) => readKnowledgeBase(manager));
  return renderSeedFiles(dataset);
}
