/** How districts are written: the shared steps' description of the type. */
import type { RecordTypeSpec } from '../mutation/record-writer';
import { uniqueFieldsOf, writerColumnsOf } from '../shared/record-fields/writer-columns';
import { districtFields } from './district.fields';

export const districtSpec: RecordTypeSpec = {
  typeName: 'District',
  table: 'district',
  columns: writerColumnsOf(districtFields),
  unique: uniqueFieldsOf(districtFields),
  usedBy: [
    { sql: `SELECT count(*)::int AS count FROM public.brief_district WHERE district_id = $1`, what: 'brief(s)' },
    { sql: `SELECT count(*)::int AS count FROM public.lesson_district WHERE district_id = $1`, what: 'lesson(s)' },
    { sql: `SELECT count(*)::int AS count FROM public.meeting_district WHERE district_id = $1`, what: 'meeting(s)' },
    { sql: `SELECT count(*)::int AS count FROM public.district_network_member WHERE district_id = $1`, what: 'district network(s) as a member' },
  ],
};
