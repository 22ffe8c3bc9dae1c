/**
 * Renders a dataset as seed files: one YAML file per collection group, as seeds/
 * is laid out. The output depends on the dataset alone (records sorted by their
 * human key, fields in the seed schema's order, empty fields left out, no dates or
 * versions), so the same knowledge base always renders to the same bytes.
 */
import { Document, isPair, isScalar, visit } from 'yaml';
import { collections, type CollectionName, type Dataset, type FieldSpec } from '../seed/seed-schema';

export { compareText, inSeedOrder } from './export-rows';

export interface SeedFile {
  name: string;
  content: string;
}

/** Which collections go into which file, mirroring the shipped seeds/ folder. */
export const seedFileLayout: ReadonlyArray<{ name: string; collections: CollectionName[] }> = [
  { name: 'sources.yaml', collections: ['sources'] },
  { name: 'organizations.yaml', collections: ['organizations'] },
  { name: 'people.yaml', collections: ['people'] },
  { name: 'themes.yaml', collections: ['themes'] },
  { name: 'districts.yaml', collections: ['districts', 'networks'] },
  { name: 'meetings.yaml', collections: ['meetings'] },
  { name: 'briefs.yaml', collections: ['briefs'] },
  { name: 'lesson-links.yaml', collections: ['lessonLinks'] },
];

// Lists of references read best on one line, as the shipped seeds write them.
const referenceListFields = new Set(
  Object.values(collections).flatMap((collection) => {
    const lessonFields = (collection.fields.lessons as { of?: { fields?: Record<string, FieldSpec> } } | undefined)?.of?.fields ?? {};
    return [...Object.entries(collection.fields), ...Object.entries(lessonFields)]
      .filter(([, spec]) => spec.type === 'list' && spec.of.type === 'ref')
      .map(([name]) => name);
  }),
);

function renderYaml(content: Partial<Dataset>): string {
  const document = new Document(content);
  visit(document, {
    Seq(_, node, path) {
      const parent = path[path.length - 1];
      if (isPair(parent) && isScalar(parent.key) && referenceListFields.has(String(parent.key.value)) && node.items.every(isScalar)) node.flow = true;
    },
  });
  document.commentBefore = ' Exported from Briefgraph; the format is described in docs/seed-format.md.';
  return document.toString({ lineWidth: 120, minContentWidth: 40, flowCollectionPadding: false });
}

export function renderSeedFiles(dataset: Dataset): SeedFile[] {
  return seedFileLayout.map(({ name, collections: names }) => {
    const content: Partial<Dataset> = {};
    for (const collection of names) (content as Record<string, unknown>)[collection] = dataset[collection];
    return { name, content: renderYaml(content) };
  });
}
