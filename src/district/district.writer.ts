/** How districts are written: the shared steps' description of the type. */
import type { RecordTypeSpec } from '../mutation/record-writer';

export const districtSpec: RecordTypeSpec = {
  typeName: 'District',
  table: 'district',
  columns: {
    slug: { column: 'slug', required: true },
    name: { column: 'name', required: true },
    state: { column: 'state', required: true },
    kind: { column: 'kind', required: true },
  },
  unique: ['slug'],
  usedBy: [
    { sql: `SELECT count(*)::int AS count FROM public.brief_district WHERE district_id = $1`, what: 'brief(s)' },
    { sql: `SELECT count(*)::int AS count FROM public.lesson_district WHERE district_id = $1`, what: 'lesson(s)' },
    { sql: `SELECT count(*)::int AS count FROM public.meeting_district WHERE district_id = $1`, what: 'meeting(s)' },
    { sql: `SELECT count(*)::int AS count FROM public.district_network_member WHERE district_id = $1`, what: 'district network(s) as a member' },
  ],
};
