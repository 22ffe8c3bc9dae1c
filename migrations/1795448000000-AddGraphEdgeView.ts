import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `graph_edge`: every relation of the knowledge base as typed edges, in both
 * directions, for finding how two records are connected. A filter on from_key or
 * to_key reaches each branch's own foreign-key index, so one hop of a search costs
 * index lookups for the frontier only.
 */
const edges: Array<[fromType: string, fromKey: string, toType: string, toKey: string, relation: string, table: string, detail?: string]> = [
  ['Brief', 'id', 'Organization', 'publisher_id', 'PUBLISHED_BY', 'brief'],
  ['Organization', 'publisher_id', 'Brief', 'id', 'PUBLISHED', 'brief'],
  ['Brief', 'id', 'Meeting', 'follows_up_meeting_id', 'FOLLOWS_UP', 'brief'],
  ['Meeting', 'follows_up_meeting_id', 'Brief', 'id', 'FOLLOWED_UP_BY', 'brief'],
  ['Lesson', 'id', 'Brief', 'brief_id', 'DRAWN_IN', 'lesson'],
  ['Brief', 'brief_id', 'Lesson', 'id', 'DRAWS', 'lesson'],
  ['Meeting', 'id', 'Organization', 'convener_id', 'CONVENED_BY', 'meeting'],
  ['Organization', 'convener_id', 'Meeting', 'id', 'CONVENED', 'meeting'],
  ['Theme', 'id', 'Theme', 'parent_id', 'SUBTHEME_OF', 'theme'],
  ['Theme', 'parent_id', 'Theme', 'id', 'HAS_SUBTHEME', 'theme'],
  ['Organization', 'id', 'Organization', 'housed_by_id', 'HOUSED_BY', 'organization'],
  ['Organization', 'housed_by_id', 'Organization', 'id', 'HOUSES', 'organization'],
  ['DistrictNetwork', 'id', 'Organization', 'coordinator_id', 'COORDINATED_BY', 'district_network'],
  ['Organization', 'coordinator_id', 'DistrictNetwork', 'id', 'COORDINATES', 'district_network'],
  ['Brief', 'brief_id', 'Theme', 'theme_id', 'HAS_THEME', 'brief_theme'],
  ['Theme', 'theme_id', 'Brief', 'brief_id', 'THEME_OF', 'brief_theme'],
  ['Lesson', 'lesson_id', 'Theme', 'theme_id', 'HAS_THEME', 'lesson_theme'],
  ['Theme', 'theme_id', 'Lesson', 'lesson_id', 'THEME_OF', 'lesson_theme'],
  ['Meeting', 'meeting_id', 'Theme', 'theme_id', 'HAS_THEME', 'meeting_theme'],
  ['Theme', 'theme_id', 'Meeting', 'meeting_id', 'THEME_OF', 'meeting_theme'],
  ['Brief', 'brief_id', 'District', 'district_id', 'STUDIES', 'brief_district'],
  ['District', 'district_id', 'Brief', 'brief_id', 'STUDIED_IN', 'brief_district'],
  ['Brief', 'brief_id', 'DistrictNetwork', 'network_id', 'STUDIES', 'brief_network'],
  ['DistrictNetwork', 'network_id', 'Brief', 'brief_id', 'STUDIED_IN', 'brief_network'],
  ['Lesson', 'lesson_id', 'District', 'district_id', 'ABOUT', 'lesson_district'],
  ['District', 'district_id', 'Lesson', 'lesson_id', 'SUBJECT_OF', 'lesson_district'],
  ['Meeting', 'meeting_id', 'District', 'district_id', 'ABOUT', 'meeting_district'],
  ['District', 'district_id', 'Meeting', 'meeting_id', 'SUBJECT_OF', 'meeting_district'],
  ['District', 'district_id', 'DistrictNetwork', 'network_id', 'MEMBER_OF', 'district_network_member'],
  ['DistrictNetwork', 'network_id', 'District', 'district_id', 'HAS_MEMBER', 'district_network_member'],
  ['Brief', 'brief_id', 'Brief', 'builds_on_brief_id', 'BUILDS_ON', 'brief_builds_on'],
  ['Brief', 'builds_on_brief_id', 'Brief', 'brief_id', 'BUILT_ON_BY', 'brief_builds_on'],
  ['Lesson', 'from_lesson_id', 'Lesson', 'to_lesson_id', 'LINKS_TO', 'lesson_link', 'kind::text'],
  ['Lesson', 'to_lesson_id', 'Lesson', 'from_lesson_id', 'LINKED_FROM', 'lesson_link', 'kind::text'],
];

export class AddGraphEdgeView1795448000000 implements MigrationInterface {
  name = 'AddGraphEdgeView1795448000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const branches = edges.map(
      ([fromType, fromKey, toType, toKey, relation, table, detail]) =>
        `SELECT '${fromType}'::text AS from_type, ${fromKey} AS from_key, '${toType}'::text AS to_type, ${toKey} AS to_key, '${relation}'::text AS relation, ${detail ?? 'NULL::text'} AS detail
         FROM "${table}" WHERE ${fromKey} IS NOT NULL AND ${toKey} IS NOT NULL`,
    );
    await queryRunner.query(`CREATE VIEW graph_edge AS\n${branches.join('\nUNION ALL\n')}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW graph_edge`);
  }
}
