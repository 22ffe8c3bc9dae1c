/** How themes are written: the shared steps' description of the type, and its own rules. */
import type { RecordTypeSpec } from '../mutation/record-writer';
import { userError, type UserError } from '../mutation/user-error';
import type { WriteTransaction } from '../mutation/write-transaction';
import { uniqueFieldsOf, writerColumnsOf } from '../shared/record-fields/writer-columns';
import { themeFields } from './theme.fields';

export const themeSpec: RecordTypeSpec = {
  typeName: 'Theme',
  table: 'theme',
  columns: writerColumnsOf(themeFields),
  unique: uniqueFieldsOf(themeFields),
  usedBy: [
    { sql: `SELECT count(*)::int AS count FROM public.brief_theme WHERE theme_id = $1`, what: 'brief(s)' },
    { sql: `SELECT count(*)::int AS count FROM public.lesson_theme WHERE theme_id = $1`, what: 'lesson(s)' },
    { sql: `SELECT count(*)::int AS count FROM public.meeting_theme WHERE theme_id = $1`, what: 'meeting(s)' },
    { sql: `SELECT count(*)::int AS count FROM public.theme WHERE parent_id = $1`, what: 'sub-theme(s)' },
  ],
};

/** A theme cannot be its own parent, directly or through its sub-themes. */
export async function themeCycleErrors(transaction: WriteTransaction, key: number, _before: unknown, values: Record<string, unknown>): Promise<UserError[]> {
  const parent = values.parent_id;
  if (typeof parent !== 'number') return [];
  const rows = (await transaction.manager.query(
    `WITH RECURSIVE ancestry(id) AS (SELECT $1::int UNION SELECT theme.parent_id FROM public.theme JOIN ancestry ON theme.id = ancestry.id WHERE theme.parent_id IS NOT NULL)
     SELECT 1 FROM ancestry WHERE id = $2`,
    [parent, key],
  )) as unknown[];
  return rows.length > 0 ? [userError(['input', 'parentId'], 'A theme cannot be its own parent or a parent of one of its ancestors')] : [];
}
