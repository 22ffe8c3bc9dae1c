import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * District networks become searchable (issue 14: "search finds everything a user can
 * see"), with `aliases`, the other names and acronyms their sources use ("CIC"): a
 * weighted `search_document` (name and aliases A, description B) kept by a trigger, with
 * a GIN index; their words join the spelling vocabulary (`search_term` and, networks
 * being always public, `published_search_term`), so "Learning Partnership" is found
 * rather than "corrected"; word and prefix indexes on names serve autocomplete; and
 * the match estimate for large totals accepts the table.
 */
const text = (row: string) => `coalesce(${row}.name, '') || ' ' || array_to_string(${row}.aliases, ' ') || ' ' || coalesce(${row}.description, '')`;

export class AddNetworkSearch1796602200000 implements MigrationInterface {
  name = 'AddNetworkSearch1796602200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "district_network" ADD "aliases" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "district_network" ADD "search_document" tsvector`);
    await queryRunner.query(
      `CREATE FUNCTION district_network_search_document() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         NEW.search_document := setweight(to_tsvector('public.briefgraph', coalesce(NEW.name, '') || ' ' || array_to_string(NEW.aliases, ' ')), 'A')
           || setweight(to_tsvector('public.briefgraph', coalesce(NEW.description, '')), 'B');
         RETURN NEW;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER district_network_search_document BEFORE INSERT OR UPDATE OF name, aliases, description ON "district_network"
       FOR EACH ROW EXECUTE FUNCTION district_network_search_document()`,
    );
    // Filled without touching the rows' versions (the version trigger would count this as a change).
    await queryRunner.query(`ALTER TABLE "district_network" DISABLE TRIGGER "district_network_0_version"`);
    await queryRunner.query(`UPDATE "district_network" SET name = name`);
    await queryRunner.query(`ALTER TABLE "district_network" ENABLE TRIGGER "district_network_0_version"`);
    await queryRunner.query(`CREATE INDEX "district_network_search" ON "district_network" USING gin (search_document)`);

    await queryRunner.query(
      `CREATE FUNCTION district_network_search_terms() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         INSERT INTO public.search_term (term) SELECT public.briefgraph_words(${text('NEW')}) ON CONFLICT DO NOTHING;
         INSERT INTO public.published_search_term (term) SELECT public.briefgraph_words(${text('NEW')}) ON CONFLICT DO NOTHING;
         RETURN NEW;
       END $$`,
    );
    await queryRunner.query(`CREATE TRIGGER district_network_search_terms AFTER INSERT OR UPDATE ON "district_network" FOR EACH ROW EXECUTE FUNCTION district_network_search_terms()`);
    await queryRunner.query(`INSERT INTO search_term (term) SELECT DISTINCT public.briefgraph_words(${text('n')}) FROM "district_network" n ON CONFLICT DO NOTHING`);
    await queryRunner.query(`INSERT INTO published_search_term (term) SELECT DISTINCT public.briefgraph_words(${text('n')}) FROM "district_network" n ON CONFLICT DO NOTHING`);

    await queryRunner.query(`CREATE INDEX "district_network_name_words" ON "district_network" USING gin (to_tsvector('simple'::regconfig, public.briefgraph_fold(name)))`);
    await queryRunner.query(`CREATE INDEX "district_network_name_words_prefix" ON "district_network" (public.briefgraph_fold(name) text_pattern_ops)`);

    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION public.briefgraph_estimated_matches(table_name text, search text) RETURNS bigint LANGUAGE plpgsql AS $$
       DECLARE plan json;
       BEGIN
         IF table_name NOT IN ('brief', 'lesson', 'meeting', 'theme', 'district', 'organization', 'person', 'district_network') THEN RAISE EXCEPTION 'not a searchable table: %', table_name; END IF;
         EXECUTE format('EXPLAIN (FORMAT JSON) SELECT 1 FROM %I WHERE search_document @@ websearch_to_tsquery(''public.briefgraph'', $1)', table_name) INTO plan USING search;
         RETURN (plan -> 0 -> 'Plan' ->> 'Plan Rows')::bigint;
       END $$`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION public.briefgraph_estimated_matches(table_name text, search text) RETURNS bigint LANGUAGE plpgsql AS $$
       DECLARE plan json;
       BEGIN
         IF table_name NOT IN ('brief', 'lesson', 'meeting', 'theme', 'district', 'organization', 'person') THEN RAISE EXCEPTION 'not a searchable table: %', table_name; END IF;
         EXECUTE format('EXPLAIN (FORMAT JSON) SELECT 1 FROM %I WHERE search_document @@ websearch_to_tsquery(''public.briefgraph'', $1)', table_name) INTO plan USING search;
         RETURN (plan -> 0 -> 'Plan' ->> 'Plan Rows')::bigint;
       END $$`,
    );
    await queryRunner.query(`DROP INDEX "district_network_name_words_prefix"`);
    await queryRunner.query(`DROP INDEX "district_network_name_words"`);
    await queryRunner.query(`DROP TRIGGER district_network_search_terms ON "district_network"`);
    await queryRunner.query(`DROP FUNCTION district_network_search_terms()`);
    await queryRunner.query(`DROP INDEX "district_network_search"`);
    await queryRunner.query(`DROP TRIGGER district_network_search_document ON "district_network"`);
    await queryRunner.query(`DROP FUNCTION district_network_search_document()`);
    await queryRunner.query(`ALTER TABLE "district_network" DROP COLUMN "search_document"`);
    await queryRunner.query(`ALTER TABLE "district_network" DROP COLUMN "aliases"`);
  }
}
