/** How organizations are written from the seed format (the housing one first) and read back for an export. */
import { OrganizationKind } from './organization.entity';
import { text, requiredText, sourceReference } from '../seed/seed-fields';
import { checkNoCycles } from '../seed/record-rules';
import type { SeedRecordType } from '../seed/seed-record-type';
import { parentsFirst, specColumnsSelected, specColumnValues, upsertRow } from '../seed/seed-rows';
import type { OrganizationRecord } from '../seed/seed-schema';
import { bySlug, inSeedOrderOf, selectRows } from '../transfer/export-rows';
import { organizationSpec } from './organization.writer';

/** The seed fields that are one column each, mapped (shortName ↔ short_name) as organization.writer.ts declares. */
const columnFields = ['slug', 'name', 'shortName', 'kind', 'websiteUrl', 'description'] as const;

export const organizationSeed: SeedRecordType<'organizations'> = {
  collection: 'organizations',
  key: 'slug',
  fields: {
    slug: { type: 'slug', required: true },
    name: requiredText(300),
    shortName: text(100),
    kind: { type: 'enum', values: Object.values(OrganizationKind), required: true },
    websiteUrl: { type: 'url' },
    description: text(),
    housedBy: { type: 'ref', collection: 'organizations' },
    source: sourceReference,
  },
  checkRecords: (records, report) => checkNoCycles(records, 'housedBy', report),
  writeOrder: (records) => parentsFirst(records, 'housedBy'),
  async write({ manager, ids, sourceId }, organization) {
    const { id, outcome } = await upsertRow(manager, 'organization', ['slug'], {
      ...specColumnValues(organizationSpec, organization, columnFields),
      housed_by_id: organization.housedBy ? ids.organizations.get(organization.housedBy)! : null,
      source_id: sourceId(organization.source),
    });
    return { id, outcome, changed: false };
  },
  async readAll(manager) {
    const rows = await selectRows(
      manager,
      `SELECT ${specColumnsSelected(organizationSpec, 'o', columnFields)}, parent.slug AS "housedBy", source.slug AS source
         FROM public.organization o
         LEFT JOIN public.organization parent ON parent.id = o.housed_by_id
         LEFT JOIN public.source_document source ON source.id = o.source_id`,
    );
    return bySlug(inSeedOrderOf<OrganizationRecord>(this.fields, rows));
  },
};
