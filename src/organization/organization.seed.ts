/** How organizations are written from the seed format (the housing one first) and read back for an export. */
import { sourceReference } from '../seed/seed-fields';
import { checkNoCycles } from '../seed/record-rules';
import type { SeedRecordType } from '../seed/seed-record-type';
import { parentsFirst, upsertRow } from '../seed/seed-rows';
import { seedColumnValues, seedFieldsOf, selectedColumns } from '../shared/record-fields/seed-format';
import type { OrganizationRecord } from '../seed/seed-schema';
import { bySlug, inSeedOrderOf, selectRows } from '../transfer/export-rows';
import { organizationFields } from './organization.fields';

export const organizationSeed: SeedRecordType<'organizations'> = {
  collection: 'organizations',
  key: 'slug',
  fields: {
    ...seedFieldsOf(organizationFields),
    source: sourceReference,
  },
  checkRecords: (records, report) => checkNoCycles(records, 'housedBy', report),
  writeOrder: (records) => parentsFirst(records, 'housedBy'),
  async write({ manager, ids, sourceId }, organization) {
    const { id, outcome } = await upsertRow(manager, 'organization', ['slug'], {
      ...seedColumnValues(organizationFields, organization, ids),
      source_id: sourceId(organization.source),
    });
    return { id, outcome, changed: false };
  },
  async readAll(manager) {
    const rows = await selectRows(
      manager,
      `SELECT ${selectedColumns(organizationFields, 'o')}, parent.slug AS "housedBy", source.slug AS source
         FROM public.organization o
         LEFT JOIN public.organization parent ON parent.id = o.housed_by_id
         LEFT JOIN public.source_document source ON source.id = o.source_id`,
    );
    return bySlug(inSeedOrderOf<OrganizationRecord>(this.fields, rows));
  },
};
