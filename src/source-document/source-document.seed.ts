/** How source documents are written from the seed format and read back for an export. */
import { SourceDocumentKind } from './source-document.entity';
import { text, requiredText } from '../seed/seed-fields';
import type { SeedRecordType } from '../seed/seed-record-type';
import { nullable, upsertRow } from '../seed/seed-rows';
import type { SourceRecord } from '../seed/seed-schema';
import { bySlug, inSeedOrderOf, selectRows } from '../transfer/export-rows';

export const sourceDocumentSeed: SeedRecordType<'sources'> = {
  collection: 'sources',
  key: 'slug',
  fields: {
    slug: { type: 'slug', required: true },
    title: requiredText(500),
    kind: { type: 'enum', values: Object.values(SourceDocumentKind), required: true },
    fileName: text(200),
    url: { type: 'url' },
    description: text(),
  },
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
    return bySlug(inSeedOrderOf<SourceRecord>(this.fields, rows));
  },
};
