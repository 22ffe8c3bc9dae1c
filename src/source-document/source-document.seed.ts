/** How source documents are written from the seed format and read back for an export. */
import type { SeedRecordType } from '../seed/seed-record-type';
import { upsertRow } from '../seed/seed-rows';
import { seedColumnValues, seedFieldsOf, selectedColumns } from '../shared/record-fields/seed-format';
import type { SourceRecord } from '../seed/seed-schema';
import { bySlug, inSeedOrderOf, selectRows } from '../transfer/export-rows';
import { sourceDocumentFields } from './source-document.fields';

export const sourceDocumentSeed: SeedRecordType<'sources'> = {
  collection: 'sources',
  key: 'slug',
  fields: seedFieldsOf(sourceDocumentFields),
  async write({ manager, ids }, source) {
    const { id, outcome } = await upsertRow(manager, 'source_document', ['slug'], seedColumnValues(sourceDocumentFields, source, ids));
    return { id, outcome, changed: false };
  },
  async readAll(manager) {
    const rows = await selectRows(manager, `SELECT ${selectedColumns(sourceDocumentFields, 's')} FROM public.source_document s`);
    return bySlug(inSeedOrderOf<SourceRecord>(this.fields, rows));
  },
};
