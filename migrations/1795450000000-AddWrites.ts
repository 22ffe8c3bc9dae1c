import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Writes: API keys, the audit log, idempotency records, brief drafts and record versions.
 *
 * - `version` on every record table, raised by one by a trigger on every real change,
 *   whoever makes it (mutations, imports, the seed loader), for optimistic concurrency.
 * - Schema `published`: views with the same names as the tables that can hold draft
 *   content (briefs, their lessons, links and join rows), leaving drafts out. Requests
 *   without an API key run with `search_path = published, public`, so every read, present
 *   and future, sees published content only, without each query remembering to filter.
 *   The views are `SELECT *` as of this migration: a later migration that adds a column
 *   to one of these tables must recreate its view (tests reading anonymously catch it).
 */
const versionedTables = [
  'source_document', 'organization', 'theme', 'district', 'district_network', 'meeting', 'meeting_material', 'agenda_topic', 'brief', 'lesson', 'lesson_link', 'api_key',
];

/** [view, definition]: in dependency order; each definition reads the views before it. */
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

export class AddWrites1795450000000 implements MigrationInterface {
  name = 'AddWrites1795450000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."api_key_role" AS ENUM('EDITOR', 'ADMIN')`);
    await queryRunner.query(`CREATE TABLE "api_key" ("id" integer GENERATED ALWAYS AS IDENTITY NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "name" text NOT NULL, "prefix" text NOT NULL, "secret_hash" text NOT NULL, "role" "public"."api_key_role" NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_b1bd840641b8acbaad89c3d8d11" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_73c82e6a8ac3a48701b2e77f91" ON "api_key"  ("name") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_b227edd98d489363d65e908e60" ON "api_key"  ("secret_hash") `);
    await queryRunner.query(`CREATE TABLE "audit_entry" ("id" integer GENERATED ALWAYS AS IDENTITY NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_name" text NOT NULL, "actor_key_id" integer, "action" text NOT NULL, "record_type" text NOT NULL, "record_id" integer, "before" jsonb, "after" jsonb, "request_id" text, CONSTRAINT "PK_58a130a4b9da189f46ba2a01801" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_15cd16d652cff9278f9c0f0e93" ON "audit_entry"  ("occurred_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_13c9a9db7a014e81670f351502" ON "audit_entry"  ("record_type", "record_id", "id") `);
    await queryRunner.query(`CREATE TABLE "idempotency_record" ("api_key_id" integer NOT NULL, "idempotency_key" text NOT NULL, "response_key" text NOT NULL, "fingerprint" text NOT NULL, "result" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d23254d82fb56438e201a53a53c" PRIMARY KEY ("api_key_id", "idempotency_key", "response_key"))`);
    await queryRunner.query(`CREATE INDEX "IDX_7e9be864bd21cd6f061f74d9cf" ON "idempotency_record"  ("created_at") `);
    await queryRunner.query(`ALTER TABLE "brief" ADD "version" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`CREATE TYPE "public"."brief_status" AS ENUM('DRAFT', 'PUBLISHED')`);
    await queryRunner.query(`ALTER TABLE "brief" ADD "status" "public"."brief_status" NOT NULL DEFAULT 'PUBLISHED'`);
    await queryRunner.query(`ALTER TABLE "district" ADD "version" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "lesson" ADD "version" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "lesson_link" ADD "version" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "agenda_topic" ADD "version" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "meeting" ADD "version" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "meeting_material" ADD "version" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "district_network" ADD "version" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "organization" ADD "version" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "source_document" ADD "version" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "theme" ADD "version" integer NOT NULL DEFAULT '1'`);

    await queryRunner.query(
      `CREATE FUNCTION public.briefgraph_next_version() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN NEW.version := OLD.version + 1; RETURN NEW; END $$`,
    );
    for (const table of versionedTables) {
      // Named to run first among BEFORE triggers; the WHEN clause skips updates that change nothing.
      await queryRunner.query(
        `CREATE TRIGGER "${table}_0_version" BEFORE UPDATE ON "${table}" FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION public.briefgraph_next_version()`,
      );
    }

    await queryRunner.query(`CREATE SCHEMA published`);
    for (const [view, definition] of publishedViews) {
      await queryRunner.query(`CREATE VIEW published.${view} AS ${definition}`);
    }
    // The edge view again, over the published views: its definition with unqualified names, resolved anew.
    const [{ definition }] = (await queryRunner.query(`SELECT pg_get_viewdef('public.graph_edge'::regclass) AS definition`)) as Array<{ definition: string }>;
    await queryRunner.query(`SET LOCAL search_path = published, public`);
    await queryRunner.query(`CREATE VIEW published.graph_edge AS ${definition}`);
    await queryRunner.query(`SET LOCAL search_path TO DEFAULT`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP SCHEMA published CASCADE`);
    for (const table of versionedTables) await queryRunner.query(`DROP TRIGGER "${table}_0_version" ON "${table}"`);
    await queryRunner.query(`DROP FUNCTION public.briefgraph_next_version()`);
    await queryRunner.query(`ALTER TABLE "theme" DROP COLUMN "version"`);
    await queryRunner.query(`ALTER TABLE "source_document" DROP COLUMN "version"`);
    await queryRunner.query(`ALTER TABLE "organization" DROP COLUMN "version"`);
    await queryRunner.query(`ALTER TABLE "district_network" DROP COLUMN "version"`);
    await queryRunner.query(`ALTER TABLE "meeting_material" DROP COLUMN "version"`);
    await queryRunner.query(`ALTER TABLE "meeting" DROP COLUMN "version"`);
    await queryRunner.query(`ALTER TABLE "agenda_topic" DROP COLUMN "version"`);
    await queryRunner.query(`ALTER TABLE "lesson_link" DROP COLUMN "version"`);
    await queryRunner.query(`ALTER TABLE "lesson" DROP COLUMN "version"`);
    await queryRunner.query(`ALTER TABLE "district" DROP COLUMN "version"`);
    await queryRunner.query(`ALTER TABLE "brief" DROP COLUMN "status"`);
    await queryRunner.query(`DROP TYPE "public"."brief_status"`);
    await queryRunner.query(`ALTER TABLE "brief" DROP COLUMN "version"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7e9be864bd21cd6f061f74d9cf"`);
    await queryRunner.query(`DROP TABLE "idempotency_record"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_13c9a9db7a014e81670f351502"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_15cd16d652cff9278f9c0f0e93"`);
    await queryRunner.query(`DROP TABLE "audit_entry"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b227edd98d489363d65e908e60"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_73c82e6a8ac3a48701b2e77f91"`);
    await queryRunner.query(`DROP TABLE "api_key"`);
    await queryRunner.query(`DROP TYPE "public"."api_key_role"`);
  }
}
