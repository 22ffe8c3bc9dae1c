import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Evidence (issue 14): on what each lesson and lesson link rests (`basis`), where in its
 * source a lesson is stated (`locator`, `report_lesson_number`), why a link holds
 * (`explanation`), and the number of lessons a report declares (`declared_lesson_count`).
 *
 * `brief`, `lesson` and `lesson_link` have `published.` views (`SELECT *` as of their
 * creation, migration AddWrites), so those views, the views that read them and
 * `published.graph_edge` are recreated to show the new columns. `graph_edge` gains a
 * `basis` column: a lesson link's basis, null for other relations.
 */
const publishedViews: Array<[string, string]> = [
  ['brief', `SELECT * FROM public.brief WHERE status = 'PUBLISHED'`],
  ['lesson', `SELECT lesson.* FROM public.lesson WHERE EXISTS (SELECT 1 FROM published.brief WHERE brief.id = lesson.brief_id)`],
  ['lesson_link', `SELECT link.* FROM public.lesson_link link
     WHERE EXISTS (SELECT 1 FROM published.lesson WHERE lesson.id = link.from_lesson_id)
       AND EXISTS (SELECT 1 FROM published.lesson WHERE lesson.id = link.to_lesson_id)`],
  ['brief_theme', `SELECT link.* FROM public.brief_theme link WHERE EXISTS (SELECT 1 FROM published.brief WHERE brief.id = link.brief_id)`],
  ['brief_district', `SELECT link.* FROM public.brief_district link WHERE EXISTS (SELECT 1 FROM published.brief WHERE brief.id = link.brief_id)`],
  ['brief_network', `SELECT link.* FROM public.brief_network link WHERE EXISTS (SELECT 1 FROM published.brief WHERE brief.id = link.brief_id)`],
  ['brief_builds_on', `SELECT link.* FROM public.brief_builds_on link
     WHERE EXISTS (SELECT 1 FROM published.brief WHERE brief.id = link.brief_id)
       AND EXISTS (SELECT 1 FROM published.brief WHERE brief.id = link.builds_on_brief_id)`],
  ['lesson_theme', `SELECT link.* FROM public.lesson_theme link WHERE EXISTS (SELECT 1 FROM published.lesson WHERE lesson.id = link.lesson_id)`],
  ['lesson_district', `SELECT link.* FROM public.lesson_district link WHERE EXISTS (SELECT 1 FROM published.lesson WHERE lesson.id = link.lesson_id)`],
];

/** Every relation as typed edges, as migration AddGraphEdgeView made them; lesson links now also carry their basis. */
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

function graphEdgeView(withBasis: boolean): string {
  const branches = edges.map(
    ([fromType, fromKey, toType, toKey, relation, table, detail]) =>
      `SELECT '${fromType}'::text AS from_type, ${fromKey} AS from_key, '${toType}'::text AS to_type, ${toKey} AS to_key, '${relation}'::text AS relation, ${detail ?? 'NULL::text'} AS detail` +
      (withBasis ? `, ${table === 'lesson_link' ? 'basis::text' : 'NULL::text'} AS basis` : '') +
      `
         FROM "${table}" WHERE ${fromKey} IS NOT NULL AND ${toKey} IS NOT NULL`,
  );
  return branches.join('\nUNION ALL\n');
}

/** Drops and recreates the published views (and the published edge view over them), so `SELECT *` takes in the columns as they are now. */
async function recreatePublishedViews(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`DROP VIEW published.graph_edge`);
  for (const [view] of [...publishedViews].reverse()) await queryRunner.query(`DROP VIEW published.${view}`);
  for (const [view, definition] of publishedViews) await queryRunner.query(`CREATE VIEW published.${view} AS ${definition}`);
  const [{ definition }] = (await queryRunner.query(`SELECT pg_get_viewdef('public.graph_edge'::regclass) AS definition`)) as Array<{ definition: string }>;
  await queryRunner.query(`SET LOCAL search_path = published, public`);
  await queryRunner.query(`CREATE VIEW published.graph_edge AS ${definition}`);
  await queryRunner.query(`SET LOCAL search_path TO DEFAULT`);
}

export class AddEvidence1796602100000 implements MigrationInterface {
  name = 'AddEvidence1796602100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "brief" ADD "declared_lesson_count" integer`);
    await queryRunner.query(`CREATE TYPE "public"."evidence_basis" AS ENUM('STATED', 'SUMMARIZED', 'EDITORIAL_INFERENCE')`);
    await queryRunner.query(`ALTER TABLE "lesson" ADD "basis" "public"."evidence_basis" NOT NULL DEFAULT 'EDITORIAL_INFERENCE'`);
    await queryRunner.query(`ALTER TABLE "lesson" ADD "locator" text`);
    await queryRunner.query(`ALTER TABLE "lesson" ADD "report_lesson_number" integer`);
    await queryRunner.query(`ALTER TABLE "lesson_link" ADD "basis" "public"."evidence_basis" NOT NULL DEFAULT 'EDITORIAL_INFERENCE'`);
    await queryRunner.query(`ALTER TABLE "lesson_link" ADD "explanation" text`);
    await queryRunner.query(`CREATE INDEX "IDX_7b2405f69b8e1fc3ad029fc562" ON "lesson"  ("basis") `);
    await queryRunner.query(`ALTER TABLE "brief" ADD CONSTRAINT "brief_declared_lesson_count_is_positive" CHECK (declared_lesson_count > 0)`);
    await queryRunner.query(`ALTER TABLE "lesson" ADD CONSTRAINT "lesson_report_lesson_number_is_positive" CHECK (report_lesson_number > 0)`);
    // A path search weighs a lesson link by its basis without joining lesson_link (a join made the generic plan costly).
    await queryRunner.query(`CREATE OR REPLACE VIEW public.graph_edge AS\n${graphEdgeView(true)}`);
    await recreatePublishedViews(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The views select the columns dropped below: take them out first, and put them back over the narrower tables after.
    await queryRunner.query(`DROP VIEW published.graph_edge`);
    for (const [view] of [...publishedViews].reverse()) await queryRunner.query(`DROP VIEW published.${view}`);
    await queryRunner.query(`DROP VIEW public.graph_edge`);
    await queryRunner.query(`CREATE VIEW public.graph_edge AS\n${graphEdgeView(false)}`);
    await queryRunner.query(`ALTER TABLE "lesson" DROP CONSTRAINT "lesson_report_lesson_number_is_positive"`);
    await queryRunner.query(`ALTER TABLE "brief" DROP CONSTRAINT "brief_declared_lesson_count_is_positive"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7b2405f69b8e1fc3ad029fc562"`);
    await queryRunner.query(`ALTER TABLE "lesson_link" DROP COLUMN "explanation"`);
    await queryRunner.query(`ALTER TABLE "lesson_link" DROP COLUMN "basis"`);
    await queryRunner.query(`ALTER TABLE "lesson" DROP COLUMN "report_lesson_number"`);
    await queryRunner.query(`ALTER TABLE "lesson" DROP COLUMN "locator"`);
    await queryRunner.query(`ALTER TABLE "lesson" DROP COLUMN "basis"`);
    await queryRunner.query(`DROP TYPE "public"."evidence_basis"`);
    await queryRunner.query(`ALTER TABLE "brief" DROP COLUMN "declared_lesson_count"`);
    for (const [view, definition] of publishedViews) await queryRunner.query(`CREATE VIEW published.${view} AS ${definition}`);
    const [{ definition }] = (await queryRunner.query(`SELECT pg_get_viewdef('public.graph_edge'::regclass) AS definition`)) as Array<{ definition: string }>;
    await queryRunner.query(`SET LOCAL search_path = published, public`);
    await queryRunner.query(`CREATE VIEW published.graph_edge AS ${definition}`);
    await queryRunner.query(`SET LOCAL search_path TO DEFAULT`);
  }
}
