/** How organizations are written from the seed format (the housing one first) and read back for an export. */
import { OrganizationKind } from './organization.entity';
import { text, requiredText, sourceReference } from '../seed/seed-fields';
import { checkNoCycles } from '../seed/record-rules';
import type { SeedRecordType } from '../seed/seed-record-type';
import { nullable, parentsFirst, upsertRow } from '../seed/seed-rows';
import type { OrganizationRecord } from '../seed/seed-schema';
import { bySlug, inSeedOrderOf, selectRows } from '../transfer/export-rows';

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
      slug: organization.slug,
      name: organization.name,
      short_name: nullable(organization.shortName),
      kind: organization.kind,
      website_url: nullable(organization.websiteUrl),
      description: nullable(organization.description),
      housed_by_id: organization.housedBy ? ids.organizations.get(organization.housedBy)! : null,
      source_id: sourceId(organization.source),
    });
    return { id, outcome, changed: false };
  },
  async readAll(manager) {
    const rows = await selectRows(
      manager,
      `SELECT o.slug, o.name, o.short_name AS "shortName", o.kind, o.website_url AS "websiteUrl", o.description, parent.slug AS "housedBy", source.slug AS source
         FROM public.organization o
         LEFT JOIN public.organization parent ON parent.id = o.housed_by_id
         LEFT JOIN public.source_document source ON source.id = o.source_id`,
    );
    return bySlug(inSeedOrderOf<OrganizationRecord>(this.fields, rows));
  },
};
