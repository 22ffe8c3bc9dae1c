/** How themes are written from the seed format (a parent first) and read back for an export. */
import { sourceReference } from '../seed/seed-fields';
import { checkNoCycles } from '../seed/record-rules';
import type { SeedRecordType } from '../seed/seed-record-type';
import { parentsFirst, upsertRow } from '../seed/seed-rows';
import { seedColumnValues, seedFieldsOf, selectedColumns } from '../shared/record-fields/seed-format';
import type { ThemeRecord } from '../seed/seed-schema';
import { bySlug, inSeedOrderOf, selectRows } from '../transfer/export-rows';
import { themeFields } from './theme.fields';

export const themeSeed: SeedRecordType<'themes'> = {
  collection: 'themes',
  key: 'slug',
  fields: {
    ...seedFieldsOf(themeFields),
    source: sourceReference,
  },
  checkRecords: (records, report) => checkNoCycles(records, 'parent', report),
  writeOrder: (records) => parentsFirst(records, 'parent'),
  async write({ manager, ids, sourceId }, theme) {
    const { id, outcome } = await upsertRow(manager, 'theme', ['slug'], {
      ...seedColumnValues(themeFields, theme, ids),
      source_id: sourceId(theme.source),
    });
    return { id, outcome, changed: false };
  },
  async readAll(manager) {
    const rows = await selectRows(
      manager,
      `SELECT ${selectedColumns(themeFields, 't')}, parent.slug AS parent, source.slug AS source
         FROM public.theme t
         LEFT JOIN public.theme parent ON parent.id = t.parent_id
         LEFT JOIN public.source_document source ON source.id = t.source_id`,
    );
    return bySlug(inSeedOrderOf<ThemeRecord>(this.fields, rows));
  },
};
