import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Evidence (issue 14): on what each lesson and lesson link rests (`basis`), where in its
 * source a lesson is stated (`locator`, `report_lesson_number`), why a link holds
 * (`explanation`), and the number of lessons a report declares (`declared_lesson_count`).
 *
 * `brief`, `lesson` and `lesson_link` have `published.` views (`SELECT *` as of their
 * creation, migration AddWrites), so those views, the views that read them and
 * `published.graph_edge` are recreated to show the new columns.
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

export class AddEvidence1796600153764 implements MigrationInterface {
  name = 'AddEvidence1796600153764';

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
    await recreatePublishedViews(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The views select the columns dropped below: take them out first, and put them back over the narrower tables after.
    await queryRunner.query(`DROP VIEW published.graph_edge`);
    for (const [view] of [...publishedViews].reverse()) await queryRunner.query(`DROP VIEW published.${view}`);
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
