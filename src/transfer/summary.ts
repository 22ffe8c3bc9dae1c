/** How imports describe what they read and what they changed, for people. */
import { collectionNames, type CollectionName, type Dataset } from '../seed/seed-schema';
import { countRecords, type SeedSummary } from '../seed/seed-writer';

const collectionLabels: Record<CollectionName, string> = {
  sources: 'sources',
  organizations: 'organizations',
  people: 'people',
  themes: 'themes',
  districts: 'districts',
  networks: 'networks',
  meetings: 'meetings',
  briefs: 'briefs',
  lessonLinks: 'lesson links',
};

/** "45 records (7 sources, …, 7 briefs with 17 lessons, 7 lesson links)" */
export function describeDatasetSize(dataset: Dataset): string {
  const lessons = dataset.briefs.reduce((total, brief) => total + (brief.lessons?.length ?? 0), 0);
  const parts = collectionNames.map((name) => `${dataset[name].length} ${collectionLabels[name]}${name === 'briefs' ? ` with ${lessons} lessons` : ''}`);
  return `${countRecords(dataset)} records (${parts.join(', ')})`;
}

/** One line per collection: created, updated and unchanged records. */
export function describeImportSummary(summary: SeedSummary): string {
  const width = Math.max(...collectionNames.map((name) => collectionLabels[name].length));
  return collectionNames
    .map((name) => {
      const counts = summary[name];
      return `  ${(collectionLabels[name] + ':').padEnd(width + 1)} ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged`;
    })
    .join('\n');
}
