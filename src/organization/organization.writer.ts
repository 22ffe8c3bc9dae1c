/** How organizations are written: the shared steps' description of the type, and its own rules. */
import type { RecordTypeSpec } from '../mutation/record-writer';
import { userError, type UserError } from '../mutation/user-error';
import type { WriteTransaction } from '../mutation/write-transaction';
import { uniqueFieldsOf, writerColumnsOf } from '../shared/record-fields/writer-columns';
import { organizationFields } from './organization.fields';

export const organizationSpec: RecordTypeSpec = {
  typeName: 'Organization',
  table: 'organization',
  columns: writerColumnsOf(organizationFields),
  unique: uniqueFieldsOf(organizationFields),
  usedBy: [
    { sql: `SELECT count(*)::int AS count FROM public.brief WHERE publisher_id = $1`, what: 'brief(s) as their publisher' },
    { sql: `SELECT count(*)::int AS count FROM public.meeting WHERE convener_id = $1`, what: 'meeting(s) as their convener' },
    { sql: `SELECT count(*)::int AS count FROM public.district_network WHERE coordinator_id = $1`, what: 'district network(s) as their coordinator' },
    { sql: `SELECT count(*)::int AS count FROM public.organization WHERE housed_by_id = $1`, what: 'organization(s) it houses' },
  ],
};

/** An organization cannot house itself (directly or through others). */
export async function housingCycleErrors(transaction: WriteTransaction, key: number, _before: unknown, values: Record<string, unknown>): Promise<UserError[]> {
  const housedBy = values.housed_by_id;
  if (typeof housedBy !== 'number') return [];
  const rows = (await transaction.manager.query(
    `WITH RECURSIVE chain(id) AS (SELECT $1::int UNION SELECT organization.housed_by_id FROM public.organization JOIN chain ON organization.id = chain.id WHERE organization.housed_by_id IS NOT NULL)
     SELECT 1 FROM chain WHERE id = $2`,
    [housedBy, key],
  )) as unknown[];
  return rows.length > 0 ? [userError(['input', 'housedById'], 'An organization cannot be housed by itself or by an organization it houses')] : [];
}
