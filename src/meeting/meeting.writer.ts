/** How meetings are written: the shared steps' description of the type, and its agenda and materials. */
import type { MutationResult } from '../mutation/mutation-runner';
import { createRecord, updateRecord } from '../mutation/record-mutations';
import type { RecordTypeSpec } from '../mutation/record-writer';
import { userError, type UserError } from '../mutation/user-error';
import type { WriteTransaction } from '../mutation/write-transaction';
import { uniqueFieldsOf, writerColumnsOf } from '../shared/record-fields/writer-columns';
import { meetingFields } from './meeting.fields';
import type { MeetingCreateInput, MeetingUpdateInput } from './meeting.mutation-inputs';

export const meetingSpec: RecordTypeSpec = {
  typeName: 'Meeting',
  table: 'meeting',
  columns: writerColumnsOf(meetingFields),
  unique: uniqueFieldsOf(meetingFields),
  joins: {
    themeIds: { table: 'meeting_theme', ownerColumn: 'meeting_id', targetColumn: 'theme_id', targetType: 'Theme' },
    districtIds: { table: 'meeting_district', ownerColumn: 'meeting_id', targetColumn: 'district_id', targetType: 'District' },
  },
  usedBy: [{ sql: `SELECT count(*)::int AS count FROM public.brief WHERE follows_up_meeting_id = $1`, what: 'brief(s) that follow it up' }],
};

/**
 * Makes the agenda and materials what the input gives, position by position: rows whose
 * content is the same are left alone (their IDs stay valid), changed ones are updated,
 * and those past the new end are removed.
 */
async function replaceChildren(transaction: WriteTransaction, key: number, input: MeetingUpdateInput): Promise<UserError[]> {
  const { manager } = transaction;
  if (input.agenda) {
    await manager.query(
      `INSERT INTO public.agenda_topic (meeting_id, position, title) SELECT $1, position, title FROM unnest($2::text[]) WITH ORDINALITY AS topic(title, position)
       ON CONFLICT (meeting_id, position) DO UPDATE SET title = EXCLUDED.title, updated_at = now() WHERE agenda_topic.title IS DISTINCT FROM EXCLUDED.title`,
      [key, input.agenda],
    );
    await manager.query(`DELETE FROM public.agenda_topic WHERE meeting_id = $1 AND position > $2`, [key, input.agenda.length]);
  }
  if (input.materials) {
    for (const [index, material] of input.materials.entries()) {
      await manager.query(
        `INSERT INTO public.meeting_material (meeting_id, position, kind, title, file_format, size_kilobytes, url, contents) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (meeting_id, position) DO UPDATE
           SET kind = EXCLUDED.kind, title = EXCLUDED.title, file_format = EXCLUDED.file_format, size_kilobytes = EXCLUDED.size_kilobytes, url = EXCLUDED.url,
               contents = EXCLUDED.contents, updated_at = now()
           WHERE ROW(meeting_material.kind, meeting_material.title, meeting_material.file_format, meeting_material.size_kilobytes, meeting_material.url, meeting_material.contents)
                 IS DISTINCT FROM ROW(EXCLUDED.kind, EXCLUDED.title, EXCLUDED.file_format, EXCLUDED.size_kilobytes, EXCLUDED.url, EXCLUDED.contents)`,
        [
          key,
          index + 1,
          material.kind,
          material.title,
          material.fileFormat ?? null,
          material.sizeInKilobytes ?? null,
          material.url ?? null,
          material.contents ?? [],
        ],
      );
    }
    await manager.query(`DELETE FROM public.meeting_material WHERE meeting_id = $1 AND position > $2`, [key, input.materials.length]);
  }
  return [];
}

export function createMeeting(transaction: WriteTransaction, input: MeetingCreateInput): Promise<MutationResult> {
  return createRecord(transaction, meetingSpec, input, { afterInsert: (inner, key) => replaceChildren(inner, key, input) });
}

/** The dates are checked against each other as they will be: one given, the other as stored. */
async function datesInOrder(
  _transaction: WriteTransaction,
  _key: number,
  before: Record<string, unknown>,
  values: Record<string, unknown>,
): Promise<UserError[]> {
  const startsOn = (values.starts_on ?? before.starts_on) as string;
  const endsOn = (values.ends_on ?? before.ends_on) as string;
  if (endsOn >= startsOn) return [];
  return [userError(['input', values.ends_on ? 'endsOn' : 'startsOn'], `The meeting would end (${endsOn}) before it starts (${startsOn})`)];
}

export function updateMeeting(
  transaction: WriteTransaction,
  id: string,
  input: MeetingUpdateInput,
  expectedVersion: number | null | undefined,
): Promise<MutationResult> {
  return updateRecord(transaction, meetingSpec, id, input, expectedVersion, {
    check: datesInOrder,
    afterUpdate: (inner, key) => replaceChildren(inner, key, input),
  });
}
