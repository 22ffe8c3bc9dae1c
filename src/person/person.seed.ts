/** How people (with their affiliations) are written from the seed format and read back for an export. */
import { partsList, sourceReference } from '../seed/seed-fields';
import type { EntityManager } from 'typeorm';
import { checkIdentifier, IdentifierScheme } from '../identifier/identifier-schemes';
import { SeedValidationError } from '../seed/seed-problem';
import { firstClaim, listOf } from '../seed/record-rules';
import type { LocatedRecord, ReportRecordProblem, SeedRecordType } from '../seed/seed-record-type';
import { nullable, upsertRow, writePositioned } from '../seed/seed-rows';
import { seedColumnValues, seedFieldsOf, selectedColumns } from '../shared/record-fields/seed-format';
import type { PersonRecord } from '../seed/seed-schema';
import { bySlug, inSeedOrderOf, selectRows } from '../transfer/export-rows';
import { personFields } from './person.fields';

/** An ORCID iD in its stored form (the reader has checked it). */
function storedOrcid(orcid: string | undefined): string | null {
  if (!orcid) return null;
  const checked = checkIdentifier(IdentifierScheme.ORCID, orcid);
  return 'value' in checked ? checked.value : orcid;
}

/** An ORCID iD is one person's: one held by another stored person stops the load with a problem naming both. */
async function refuseTakenOrcid(manager: EntityManager, person: PersonRecord, orcid: string | null): Promise<void> {
  if (!orcid) return;
  const [holder] = (await manager.query(`SELECT slug FROM public.person WHERE orcid = $1 AND slug <> $2`, [orcid, person.slug])) as Array<{ slug: string }>;
  if (!holder) return;
  throw new SeedValidationError([
    {
      file: '(database)',
      record: `people (slug ${JSON.stringify(person.slug)})`,
      field: 'orcid',
      message: `ORCID iD ${orcid} is already the ORCID iD of person "${holder.slug}"`,
    },
  ]);
}

/** ORCID iDs are unique among the records; an affiliation ends no earlier than it starts. */
function checkPeople(records: LocatedRecord[], report: ReportRecordProblem): void {
  const orcids = new Map<string, string>();
  for (const person of records) {
    const { orcid } = person.value as { orcid?: unknown };
    if (typeof orcid === 'string') {
      const checked = checkIdentifier(IdentifierScheme.ORCID, orcid);
      const first = 'value' in checked ? firstClaim(orcids, checked.value, person.label) : undefined;
      if (first) report(person, 'orcid', `duplicate ORCID iD ${orcid}; already given to ${first}`);
    }
    listOf(person, 'affiliations').forEach((affiliation: unknown, index) => {
      const { startYear, endYear } = (affiliation ?? {}) as { startYear?: unknown; endYear?: unknown };
      if (typeof startYear === 'number' && typeof endYear === 'number' && endYear < startYear) {
        report(person, `affiliations[${index}].endYear`, `must be ${startYear} (startYear) or later, got ${endYear}`);
      }
    });
  }
}

export const personSeed: SeedRecordType<'people'> = {
  collection: 'people',
  key: 'slug',
  fields: {
    ...seedFieldsOf(personFields),
    affiliations: partsList(
      {
        organization: { type: 'ref', collection: 'organizations', required: true },
        startYear: { type: 'positiveInteger' },
        endYear: { type: 'positiveInteger' },
      },
      100,
    ),
    source: sourceReference,
  },
  checkRecords: checkPeople,
  async write({ manager, ids, sourceId }, person) {
    const orcid = storedOrcid(person.orcid);
    await refuseTakenOrcid(manager, person, orcid);
    const { id, outcome } = await upsertRow(manager, 'person', ['slug'], {
      ...seedColumnValues(personFields, person, ids),
      orcid,
      source_id: sourceId(person.source),
    });
    const changed = await writePositioned(manager, 'person_affiliation', { column: 'person_id', id }, person.affiliations ?? [], (affiliation) => ({
      organization_id: ids.organizations.get(affiliation.organization)!,
      start_year: nullable(affiliation.startYear),
      end_year: nullable(affiliation.endYear),
    }));
    return { id, outcome, changed };
  },
  async readAll(manager) {
    const rows = await selectRows(
      manager,
      `SELECT ${selectedColumns(personFields, 'p')},
              (SELECT json_agg(json_build_object('organization', organization.slug, 'startYear', affiliation.start_year, 'endYear', affiliation.end_year)
                               ORDER BY affiliation.position)
                 FROM public.person_affiliation affiliation JOIN public.organization organization ON organization.id = affiliation.organization_id
                WHERE affiliation.person_id = p.id) AS affiliations,
              source.slug AS source
         FROM public.person p
         LEFT JOIN public.source_document source ON source.id = p.source_id`,
    );
    return bySlug(inSeedOrderOf<PersonRecord>(this.fields, rows));
  },
};
