/**
 * References from imported documents to records they do not hold, looked up in the
 * database: an import of one brief may name an organization, themes or lessons the
 * knowledge base already has. Missing ones are problems like any other; found ones
 * give the writer their database keys.
 */
import type { EntityManager } from 'typeorm';
import type { ExternalReference, SeedProblem } from '../seed/seed-reader';
import type { CollectionName, ExternalKeys } from '../seed/seed-schema';

const keyColumns: Partial<Record<CollectionName, { table: string; column: string; cast: string }>> = {
  sources: { table: 'source_document', column: 'slug', cast: 'text[]' },
  organizations: { table: 'organization', column: 'slug', cast: 'text[]' },
  people: { table: 'person', column: 'slug', cast: 'text[]' },
  themes: { table: 'theme', column: 'slug', cast: 'text[]' },
  districts: { table: 'district', column: 'slug', cast: 'text[]' },
  networks: { table: 'district_network', column: 'slug', cast: 'text[]' },
  meetings: { table: 'meeting', column: 'number', cast: 'int[]' },
  briefs: { table: 'brief', column: 'slug', cast: 'text[]' },
};

export async function resolveExternalReferences(
  manager: EntityManager,
  references: ExternalReference[],
): Promise<{ keys: ExternalKeys; problems: SeedProblem[] }> {
  const wanted = new Map<CollectionName | 'lessons', Set<string | number>>();
  for (const reference of references) {
    if (!wanted.has(reference.collection)) wanted.set(reference.collection, new Set());
    wanted.get(reference.collection)!.add(reference.key);
  }
  const keys: ExternalKeys = {};
  for (const [collection, values] of wanted) {
    let rows: Array<{ key: string | number; id: number }>;
    if (collection === 'lessons') {
      // Lessons are named by their order within their brief, as the export writes them.
      const briefSlugs = [...new Set([...values].map((value) => String(value).split('#')[0]))];
      rows = (await manager.query(
        `SELECT brief.slug || '#' || numbered.n AS key, numbered.id
           FROM public.brief
           JOIN LATERAL (SELECT lesson.id, row_number() OVER (ORDER BY lesson.position) AS n FROM public.lesson WHERE lesson.brief_id = brief.id) numbered ON true
          WHERE brief.slug = ANY($1::text[])`,
        [briefSlugs],
      )) as Array<{ key: string; id: number }>;
    } else {
      const { table, column, cast } = keyColumns[collection]!;
      rows = (await manager.query(`SELECT ${column} AS key, id FROM public.${table} WHERE ${column} = ANY($1::${cast})`, [[...values]])) as Array<{
        key: string | number;
        id: number;
      }>;
    }
    keys[collection] = new Map(rows.filter((row) => values.has(row.key)).map((row) => [row.key, row.id]));
  }
  const problems = references.filter((reference) => !keys[reference.collection]?.has(reference.key)).map((reference) => reference.problem);
  return { keys, problems };
}
