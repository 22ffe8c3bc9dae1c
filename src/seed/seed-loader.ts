/** Reads a seed folder or file, validates it, and writes it in one transaction. */
import type { DataSource } from 'typeorm';
import { readSeedDataset } from './seed-reader';
import { writeSeedDataset, type SeedSummary } from './seed-writer';

export async function loadSeedDataset(dataSource: DataSource, target: string): Promise<SeedSummary> {
  const dataset = readSeedDataset(target);
  return dataSource.transaction((manager) => writeSeedDataset(manager, dataset));
}

/** True when the knowledge base holds no records yet (a fresh database). */
export async function isKnowledgeBaseEmpty(dataSource: DataSource): Promise<boolean> {
  const [{ empty }] = (await dataSource.query(
    `SELECT NOT EXISTS (SELECT 1 FROM organization) AND NOT EXISTS (SELECT 1 FROM brief) AND NOT EXISTS (SELECT 1 FROM meeting) AS empty`,
  )) as Array<{ empty: boolean }>;
  return empty;
}

export function describeSeedSummary(summary: SeedSummary): string {
  return Object.entries(summary)
    .map(([collection, counts]) => `${collection}: ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged`)
    .join('; ');
}
