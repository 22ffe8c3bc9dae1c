/** How people are written: the shared steps' description of the type, and its affiliations. */
import type { MutationResult } from '../mutation/mutation-runner';
import { createRecord, updateRecord } from '../mutation/record-mutations';
import { resolveReference, type RecordTypeSpec } from '../mutation/record-writer';
import { userError, type UserError } from '../mutation/user-error';
import type { WriteTransaction } from '../mutation/write-transaction';
import { uniqueFieldsOf, writerColumnsOf } from '../shared/record-fields/writer-columns';
import { personFields } from './person.fields';
import type { PersonCreateInput, PersonUpdateInput } from './person.mutation-inputs';

export const personSpec: RecordTypeSpec = {
  typeName: 'Person',
  table: 'person',
  columns: writerColumnsOf(personFields),
  unique: uniqueFieldsOf(personFields),
  usedBy: [{ sql: `SELECT count(*)::int AS count FROM public.brief_contributor WHERE person_id = $1`, what: 'brief byline(s)' }],
};

/** Makes the affiliations what the input gives, position by position, removing those past the new end. */
async function replaceAffiliations(transaction: WriteTransaction, key: number, input: PersonUpdateInput): Promise<UserError[]> {
  if (!input.affiliations) return [];
  const errors: UserError[] = [];
  const organizations: number[] = [];
  for (const [index, affiliation] of input.affiliations.entries()) {
    const path = ['input', 'affiliations', index];
    const organization = await resolveReference(transaction.manager, 'Organization', affiliation.organizationId, [...path, 'organizationId']);
    if (typeof organization !== 'number') errors.push(organization);
    else organizations.push(organization);
    if (affiliation.startYear != null && affiliation.endYear != null && affiliation.endYear < affiliation.startYear) {
      errors.push(userError([...path, 'endYear'], `endYear (${affiliation.endYear}) must not be before startYear (${affiliation.startYear})`));
    }
  }
  if (errors.length > 0) return errors;
  for (const [index, affiliation] of input.affiliations.entries()) {
    await transaction.manager.query(
      `INSERT INTO public.person_affiliation (person_id, position, organization_id, start_year, end_year) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (person_id, position) DO UPDATE
         SET organization_id = EXCLUDED.organization_id, start_year = EXCLUDED.start_year, end_year = EXCLUDED.end_year, updated_at = now()
         WHERE ROW(person_affiliation.organization_id, person_affiliation.start_year, person_affiliation.end_year)
               IS DISTINCT FROM ROW(EXCLUDED.organization_id, EXCLUDED.start_year, EXCLUDED.end_year)`,
      [key, index + 1, organizations[index], affiliation.startYear ?? null, affiliation.endYear ?? null],
    );
  }
  await transaction.manager.query(`DELETE FROM public.person_affiliation WHERE person_id = $1 AND position > $2`, [key, input.affiliations.length]);
  return [];
}

export function createPerson(transaction: WriteTransaction, input: PersonCreateInput): Promise<MutationResult> {
  return createRecord(transaction, personSpec, input, { afterInsert: (inner, key) => replaceAffiliations(inner, key, input) });
}

export function updatePerson(
  transaction: WriteTransaction,
  id: string,
  input: PersonUpdateInput,
  expectedVersion: number | null | undefined,
): Promise<MutationResult> {
  return updateRecord(transaction, personSpec, id, input, expectedVersion, { afterUpdate: (inner, key) => replaceAffiliations(inner, key, input) });
}
