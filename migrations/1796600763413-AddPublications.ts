import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Publications ready for partner sites: people (with affiliations) as records, a
 * brief's byline as ordered contributors (people or organizations, with a role), a
 * brief's own files and its persistent identifiers (unique per scheme). The new
 * tables get what every content table has: a version raised on each real change
 * (AddWrites) and a change notification at commit (AddChangeNotifications). They
 * hang off briefs and people, and every read reaches them through a brief (which the
 * `published` views filter) or a person, so no published view is needed.
 */
const newTables = ['person', 'person_affiliation', 'brief_contributor', 'brief_file', 'brief_identifier'];
/** The tables search may count (AddSearchTerms' list, with people). */
const searchableTables = ['brief', 'lesson', 'meeting', 'theme', 'district', 'organization', 'person'];
/** What a person's search document, spelling vocabulary and autocomplete read. */
const personWords = `coalesce(NEW.name, '') || ' ' || coalesce(NEW.sort_name, '')`;

export class AddPublications1796600763413 implements MigrationInterface {
  name = 'AddPublications1796600763413';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."contributor_role" AS ENUM('AUTHOR', 'EDITOR', 'CONTRIBUTOR')`);
    await queryRunner.query(`CREATE TABLE "brief_contributor" ("id" integer GENERATED ALWAYS AS IDENTITY NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "brief_id" integer NOT NULL, "position" integer NOT NULL, "role" "public"."contributor_role" NOT NULL, "person_id" integer, "organization_id" integer, CONSTRAINT "brief_contributor_is_person_or_organization" CHECK ((person_id IS NULL) <> (organization_id IS NULL)), CONSTRAINT "brief_contributor_position_is_positive" CHECK (position > 0), CONSTRAINT "PK_7094d8b7a47e23464a161287d6c" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_13131491d03d04d2911ee74839" ON "brief_contributor"  ("person_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_968f9bf831c633c4141bacb0fd" ON "brief_contributor"  ("organization_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "brief_contributor_organization_once" ON "brief_contributor"  ("brief_id", "organization_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "brief_contributor_person_once" ON "brief_contributor"  ("brief_id", "person_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_fbeb14f5e874cddeb28c90377e" ON "brief_contributor"  ("brief_id", "position") `);
    await queryRunner.query(`CREATE TYPE "public"."brief_file_kind" AS ENUM('FULL_TEXT', 'SUMMARY', 'APPENDIX', 'LANDING_PAGE', 'OTHER')`);
    await queryRunner.query(`CREATE TABLE "brief_file" ("id" integer GENERATED ALWAYS AS IDENTITY NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "source_id" integer, "brief_id" integer NOT NULL, "position" integer NOT NULL, "kind" "public"."brief_file_kind" NOT NULL, "title" text NOT NULL, "url" text NOT NULL, "media_type" text, "size_kilobytes" numeric(10,1), "language" text, CONSTRAINT "brief_file_url_is_http" CHECK (url ~ '^https?://'), CONSTRAINT "brief_file_size_is_positive" CHECK (size_kilobytes IS NULL OR size_kilobytes > 0), CONSTRAINT "brief_file_position_is_positive" CHECK (position > 0), CONSTRAINT "PK_fe1ff895b92948bb7408e365ebf" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_c4519cd59ee1b7c02f9c64f519" ON "brief_file"  ("source_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_e51ad3594dd069ac38b6bdf9fe" ON "brief_file"  ("brief_id", "position") `);
    await queryRunner.query(`CREATE TYPE "public"."identifier_scheme" AS ENUM('DOI', 'ERIC', 'ISBN', 'HANDLE', 'URL', 'ORCID')`);
    await queryRunner.query(`CREATE TABLE "brief_identifier" ("id" integer GENERATED ALWAYS AS IDENTITY NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "source_id" integer, "brief_id" integer NOT NULL, "position" integer NOT NULL, "scheme" "public"."identifier_scheme" NOT NULL, "value" text NOT NULL, CONSTRAINT "brief_identifier_position_is_positive" CHECK (position > 0), CONSTRAINT "PK_4e3ef3736f699c6ff375576048d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_b183b7d8e99dd1bb90e363a5cc" ON "brief_identifier"  ("source_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_c64ac627e7038d320bd61112ba" ON "brief_identifier"  ("scheme", "value") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_adda2ba257b50d6ddc4850efb5" ON "brief_identifier"  ("brief_id", "position") `);
    await queryRunner.query(`CREATE TABLE "person_affiliation" ("id" integer GENERATED ALWAYS AS IDENTITY NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "person_id" integer NOT NULL, "position" integer NOT NULL, "organization_id" integer NOT NULL, "start_year" integer, "end_year" integer, CONSTRAINT "person_affiliation_years_in_order" CHECK (start_year IS NULL OR end_year IS NULL OR start_year <= end_year), CONSTRAINT "person_affiliation_position_is_positive" CHECK (position > 0), CONSTRAINT "PK_11bb6be5614e1c2a75589353c27" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_ce75fe3b2aa4b33ac98f78cd34" ON "person_affiliation"  ("organization_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_263fc85936db438aabef0d79a2" ON "person_affiliation"  ("person_id", "position") `);
    await queryRunner.query(`CREATE TABLE "person" ("id" integer GENERATED ALWAYS AS IDENTITY NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "source_id" integer, "slug" text NOT NULL, "name" text NOT NULL, "sort_name" text NOT NULL, "orcid" text, CONSTRAINT "PK_5fdaf670315c4b7e70cce85daa3" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_36de15470a95172a4fb7eddd17" ON "person"  ("source_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_48e444390904f250a3b20e4d57" ON "person"  ("slug") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_5adf9298a6d47ec23f8f8e65f8" ON "person"  ("orcid") WHERE orcid IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "person_sort_name_order" ON "person"  ("sort_name", "id") `);
    await queryRunner.query(`ALTER TABLE "brief_contributor" ADD CONSTRAINT "FK_327ab7fa44c387085a6d66d1023" FOREIGN KEY ("brief_id") REFERENCES "brief"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "brief_contributor" ADD CONSTRAINT "FK_13131491d03d04d2911ee74839a" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "brief_contributor" ADD CONSTRAINT "FK_968f9bf831c633c4141bacb0fd4" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "brief_file" ADD CONSTRAINT "FK_c4519cd59ee1b7c02f9c64f5192" FOREIGN KEY ("source_id") REFERENCES "source_document"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "brief_file" ADD CONSTRAINT "FK_600809d54d33db2a7ac284e6a08" FOREIGN KEY ("brief_id") REFERENCES "brief"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "brief_identifier" ADD CONSTRAINT "FK_b183b7d8e99dd1bb90e363a5ccf" FOREIGN KEY ("source_id") REFERENCES "source_document"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "brief_identifier" ADD CONSTRAINT "FK_d61ab58b0a7f3d1c2967e79eba4" FOREIGN KEY ("brief_id") REFERENCES "brief"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "person_affiliation" ADD CONSTRAINT "FK_4a113c0b17f2a9fb6628508632f" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "person_affiliation" ADD CONSTRAINT "FK_ce75fe3b2aa4b33ac98f78cd34a" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "person" ADD CONSTRAINT "FK_36de15470a95172a4fb7eddd177" FOREIGN KEY ("source_id") REFERENCES "source_document"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    for (const table of newTables) {
      await queryRunner.query(
        `CREATE TRIGGER "${table}_0_version" BEFORE UPDATE ON "${table}" FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION public.briefgraph_next_version()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER "${table}_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION public.briefgraph_notify_change()`,
      );
    }
    // People are searchable and autocompleted like organizations (migrations AddSearch, AddSearchTerms, AddPublishedSearchTerms).
    await queryRunner.query(`ALTER TABLE "person" ADD "search_document" tsvector`);
    await queryRunner.query(
      `CREATE FUNCTION person_search_document() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN NEW.search_document := setweight(to_tsvector('public.briefgraph', ${personWords}), 'A'); RETURN NEW; END $$`,
    );
    await queryRunner.query(`CREATE TRIGGER person_search_document BEFORE INSERT OR UPDATE OF name, sort_name ON "person" FOR EACH ROW EXECUTE FUNCTION person_search_document()`);
    await queryRunner.query(`CREATE INDEX "person_search" ON "person" USING gin (search_document)`);
    await queryRunner.query(
      `CREATE FUNCTION person_search_terms() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         INSERT INTO public.search_term (term) SELECT public.briefgraph_words(${personWords}) ON CONFLICT DO NOTHING;
         INSERT INTO public.published_search_term (term) SELECT public.briefgraph_words(${personWords}) ON CONFLICT DO NOTHING;
         RETURN NEW;
       END $$`,
    );
    await queryRunner.query(`CREATE TRIGGER person_search_terms AFTER INSERT OR UPDATE ON "person" FOR EACH ROW EXECUTE FUNCTION person_search_terms()`);
    await queryRunner.query(`CREATE INDEX "person_name_words" ON "person" USING gin (to_tsvector('simple'::regconfig, public.briefgraph_fold(name)))`);
    await queryRunner.query(`CREATE INDEX "person_name_words_prefix" ON "person" (public.briefgraph_fold(name) text_pattern_ops)`);
    await queryRunner.query(estimatedMatchesFunction(searchableTables));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(estimatedMatchesFunction(searchableTables.filter((table) => table !== 'person')));
    await queryRunner.query(`DROP INDEX "person_name_words_prefix"`);
    await queryRunner.query(`DROP INDEX "person_name_words"`);
    await queryRunner.query(`DROP TRIGGER person_search_terms ON "person"`);
    await queryRunner.query(`DROP FUNCTION person_search_terms()`);
    await queryRunner.query(`DROP INDEX "person_search"`);
    await queryRunner.query(`DROP TRIGGER person_search_document ON "person"`);
    await queryRunner.query(`DROP FUNCTION person_search_document()`);
    await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "search_document"`);
    for (const table of newTables) {
      await queryRunner.query(`DROP TRIGGER "${table}_notify_change" ON "${table}"`);
      await queryRunner.query(`DROP TRIGGER "${table}_0_version" ON "${table}"`);
    }
    await queryRunner.query(`ALTER TABLE "person" DROP CONSTRAINT "FK_36de15470a95172a4fb7eddd177"`);
    await queryRunner.query(`ALTER TABLE "person_affiliation" DROP CONSTRAINT "FK_ce75fe3b2aa4b33ac98f78cd34a"`);
    await queryRunner.query(`ALTER TABLE "person_affiliation" DROP CONSTRAINT "FK_4a113c0b17f2a9fb6628508632f"`);
    await queryRunner.query(`ALTER TABLE "brief_identifier" DROP CONSTRAINT "FK_d61ab58b0a7f3d1c2967e79eba4"`);
    await queryRunner.query(`ALTER TABLE "brief_identifier" DROP CONSTRAINT "FK_b183b7d8e99dd1bb90e363a5ccf"`);
    await queryRunner.query(`ALTER TABLE "brief_file" DROP CONSTRAINT "FK_600809d54d33db2a7ac284e6a08"`);
    await queryRunner.query(`ALTER TABLE "brief_file" DROP CONSTRAINT "FK_c4519cd59ee1b7c02f9c64f5192"`);
    await queryRunner.query(`ALTER TABLE "brief_contributor" DROP CONSTRAINT "FK_968f9bf831c633c4141bacb0fd4"`);
    await queryRunner.query(`ALTER TABLE "brief_contributor" DROP CONSTRAINT "FK_13131491d03d04d2911ee74839a"`);
    await queryRunner.query(`ALTER TABLE "brief_contributor" DROP CONSTRAINT "FK_327ab7fa44c387085a6d66d1023"`);
    await queryRunner.query(`DROP INDEX "public"."person_sort_name_order"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5adf9298a6d47ec23f8f8e65f8"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_48e444390904f250a3b20e4d57"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_36de15470a95172a4fb7eddd17"`);
    await queryRunner.query(`DROP TABLE "person"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_263fc85936db438aabef0d79a2"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ce75fe3b2aa4b33ac98f78cd34"`);
    await queryRunner.query(`DROP TABLE "person_affiliation"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_adda2ba257b50d6ddc4850efb5"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c64ac627e7038d320bd61112ba"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b183b7d8e99dd1bb90e363a5cc"`);
    await queryRunner.query(`DROP TABLE "brief_identifier"`);
    await queryRunner.query(`DROP TYPE "public"."identifier_scheme"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e51ad3594dd069ac38b6bdf9fe"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c4519cd59ee1b7c02f9c64f519"`);
    await queryRunner.query(`DROP TABLE "brief_file"`);
    await queryRunner.query(`DROP TYPE "public"."brief_file_kind"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fbeb14f5e874cddeb28c90377e"`);
    await queryRunner.query(`DROP INDEX "public"."brief_contributor_person_once"`);
    await queryRunner.query(`DROP INDEX "public"."brief_contributor_organization_once"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_968f9bf831c633c4141bacb0fd"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_13131491d03d04d2911ee74839"`);
    await queryRunner.query(`DROP TABLE "brief_contributor"`);
    await queryRunner.query(`DROP TYPE "public"."contributor_role"`);
  }
}

/** The planner's estimate of a search's matches in one of `tables` (AddSearchTerms), refusing any other table. */
function estimatedMatchesFunction(tables: string[]): string {
  return `CREATE OR REPLACE FUNCTION public.briefgraph_estimated_matches(table_name text, search text) RETURNS bigint LANGUAGE plpgsql AS $$
     DECLARE plan json;
     BEGIN
       IF table_name NOT IN (${tables.map((table) => `'${table}'`).join(', ')}) THEN RAISE EXCEPTION 'not a searchable table: %', table_name; END IF;
       EXECUTE format('EXPLAIN (FORMAT JSON) SELECT 1 FROM %I WHERE search_document @@ websearch_to_tsquery(''public.briefgraph'', $1)', table_name) INTO plan USING search;
       RETURN (plan -> 0 -> 'Plan' ->> 'Plan Rows')::bigint;
     END $$`;
}
