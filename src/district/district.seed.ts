/** How districts are written from the seed format and read back for an export. */
import { DistrictKind } from './district.entity';
import { requiredText, sourceReference } from '../seed/seed-fields';
import type { SeedRecordType } from '../seed/seed-record-type';
import { upsertRow } from '../seed/seed-rows';
import type { DistrictRecord } from '../seed/seed-schema';
import { bySlug, inSeedOrderOf, selectRows } from '../transfer/export-rows';

export const districtSeed: SeedRecordType<'districts'> = {
  collection: 'districts',
  key: 'slug',
  fields: {
    slug: { type: 'slug', required: true },
    name: requiredText(300),
    state: { type: 'state', required: true },
    kind: { type: 'enum', values: Object.values(DistrictKind), required: true },
    source: sourceReference,
  },
  async write({ manager, sourceId }, district) {
    const { id, outcome } = await upsertRow(manager, 'district', ['slug'], {
      slug: district.slug,
      name: district.name,
      state: district.state,
      kind: district.kind,
      source_id: sourceId(district.source),
    });
    return { id, outcome, changed: false };
  },
  async readAll(manager) {
    const rows = await selectRows(
      manager,
      `SELECT d.slug, d.name, d.state, d.kind, source.slug AS source FROM public.district d LEFT JOIN public.source_document source ON source.id = d.source_id`,
    );
    return bySlug(inSeedOrderOf<DistrictRecord>(this.fields, rows));
  },
};
