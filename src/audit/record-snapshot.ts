/**
 * A record as the audit log keeps it: its stored row (database column names, without
 * the derived search document) with the IDs of its themes, districts and other
 * relations, for meetings their agenda and materials, for briefs their byline, files and
 * identifiers, and for people their affiliations.
 */
import type { EntityManager } from 'typeorm';

const relations: Record<string, string> = {
  brief: `'themeKeys', ARRAY(SELECT theme_id FROM public.brief_theme WHERE brief_id = record.id ORDER BY 1),
          'districtKeys', ARRAY(SELECT district_id FROM public.brief_district WHERE brief_id = record.id ORDER BY 1),
          'networkKeys', ARRAY(SELECT network_id FROM public.brief_network WHERE brief_id = record.id ORDER BY 1),
          'buildsOnKeys', ARRAY(SELECT builds_on_brief_id FROM public.brief_builds_on WHERE brief_id = record.id ORDER BY 1),
          'contributors', (SELECT coalesce(jsonb_agg(jsonb_build_object('role', part.role, 'personKey', part.person_id, 'organizationKey', part.organization_id) ORDER BY position), '[]')
                             FROM public.brief_contributor part WHERE brief_id = record.id),
          'files', (SELECT coalesce(jsonb_agg(to_jsonb(part) - 'id' - 'brief_id' - 'created_at' - 'updated_at' - 'version' ORDER BY position), '[]')
                      FROM public.brief_file part WHERE brief_id = record.id),
          'identifiers', (SELECT coalesce(jsonb_agg(jsonb_build_object('scheme', part.scheme, 'value', part.value) ORDER BY position), '[]')
                            FROM public.brief_identifier part WHERE brief_id = record.id)`,
  person: `'affiliations', (SELECT coalesce(jsonb_agg(jsonb_build_object('organizationKey', part.organization_id, 'startYear', part.start_year, 'endYear', part.end_year) ORDER BY position), '[]')
                            FROM public.person_affiliation part WHERE person_id = record.id)`,
  lesson: `'themeKeys', ARRAY(SELECT theme_id FROM public.lesson_theme WHERE lesson_id = record.id ORDER BY 1),
           'districtKeys', ARRAY(SELECT district_id FROM public.lesson_district WHERE lesson_id = record.id ORDER BY 1)`,
  meeting: `'themeKeys', ARRAY(SELECT theme_id FROM public.meeting_theme WHERE meeting_id = record.id ORDER BY 1),
            'districtKeys', ARRAY(SELECT district_id FROM public.meeting_district WHERE meeting_id = record.id ORDER BY 1),
            'agenda', ARRAY(SELECT title FROM public.agenda_topic WHERE meeting_id = record.id ORDER BY position),
            'materials', (SELECT coalesce(jsonb_agg(to_jsonb(material) - 'id' - 'meeting_id' - 'created_at' - 'updated_at' - 'version' ORDER BY position), '[]')
                            FROM public.meeting_material material WHERE meeting_id = record.id)`,
  district_network: `'memberKeys', ARRAY(SELECT district_id FROM public.district_network_member WHERE network_id = record.id ORDER BY 1)`,
};

/** Null when no row has the key. `table` is one of the application's own table names, never client input. */
export async function snapshotRecord(manager: EntityManager, table: string, key: number): Promise<Record<string, unknown> | null> {
  const extra = relations[table] ? ` || jsonb_build_object(${relations[table]})` : '';
  const rows = (await manager.query(
    `SELECT (to_jsonb(record) - 'search_document' - 'secret_hash' - 'secret')${extra} AS snapshot FROM public."${table}" record WHERE id = $1`,
    [key],
  )) as Array<{
    snapshot: Record<string, unknown>;
  }>;
  return rows[0]?.snapshot ?? null;
}
