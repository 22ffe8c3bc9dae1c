/** How source documents are written from the seed format and read back for an export. */
import type { SeedRecordType } from '../seed/seed-record-type';
import { nullable, upsertRow } from '../seed/seed-rows';
import type { SourceRecord } from '../seed/seed-schema';
import { bySlug, inSeedOrderOf, selectRows } from '../transfer/export-rows';

export const sourceDocumentSeed: SeedRecordType<'sources'> = {
  collection: 'sources',
  async write({ manager }, source) {
    const { id, outcome } = await upsertRow(manager, 'source_document', ['slug'], {
      slug: source.slug,
      title: source.title,
      kind: source.kind,
      file_name: nullable(source.fileName),
      url: nullable(source.url),
      description: nullable(source.description),
    });
    return { id, outcome, changed: false };
  },
  async readAll(manager) {
    const rows = await selectRows(manager, `SELECT slug, title, kind, file_name AS "fileName", url, description FROM public.source_document`);
    return bySlug(inSeedOrderOf<SourceRecord>('sources', rows));
  },
};
