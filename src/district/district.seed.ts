/** How districts are written from the seed format and read back for an export. */
import { sourceReference } from '../seed/seed-fields';
import type { SeedRecordType } from '../seed/seed-record-type';
import { upsertRow } from '../seed/seed-rows';
import { seedColumnValues, seedFieldsOf, selectedColumns } from '../shared/record-fields/seed-format';
import type { DistrictRecord } from '../seed/seed-schema';
import { bySlug, inSeedOrderOf, selectRows } from '../transfer/export-rows';
import { districtFields } from './district.fields';

export const districtSeed: SeedRecordType<'districts'> = {
  collection: 'districts',
  key: 'slug',
  fields: {
    ...seedFieldsOf(districtFields),
    source: sourceReference,
  },
  async write({ manager, ids, sourceId }, district) {
    const { id, outcome } = await upsertRow(manager, 'district', ['slug'], {
      ...seedColumnValues(districtFields, district, ids),
      source_id: sourceId(district.source),
    });
    return { id, outcome, changed: false };
  },
  async readAll(manager) {
    const rows = await selectRows(
      manager,
      `SELECT ${selectedColumns(districtFields, 'd')}, source.slug AS source FROM public.district d LEFT JOIN public.source_document source ON source.id = d.source_id`,
    );
    return bySlug(inSeedOrderOf<DistrictRecord>(this.fields, rows));
  },
};
