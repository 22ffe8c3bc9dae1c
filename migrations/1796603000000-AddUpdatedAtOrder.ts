import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "Changed since" on every list (src/shared/updated-at.ts): an (updated_at, id) index
 * per listed table, serving both the `updatedSince`/`updatedBefore` filters and the
 * UPDATED_AT keyset orderings; the entities name them with `synchronize: false`.
 * The version trigger now also keeps `updated_at` when a row really changes and the
 * statement left `updated_at` alone (writes from psql or other tools), so the filter
 * sees every change, whoever made it; a statement that sets it keeps its value.
 */
const listedTables = ['brief', 'lesson', 'lesson_link', 'meeting', 'district', 'district_network', 'organization', 'theme', 'person'];

export class AddUpdatedAtOrder1796603000000 implements MigrationInterface {
  name = 'AddUpdatedAtOrder1796603000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of listedTables) await queryRunner.query(`CREATE INDEX "${table}_updated_order" ON "${table}" (updated_at, id)`);
    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION public.briefgraph_next_version() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         -- A search document recomputed from other rows is not a change of the record (migration AddMeetingContentsSearch).
         IF (to_jsonb(OLD) - 'search_document') = (to_jsonb(NEW) - 'search_document') THEN RETURN NEW; END IF;
         NEW.version := OLD.version + 1;
         IF NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at THEN NEW.updated_at := now(); END IF;
         RETURN NEW;
       END $$`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION public.briefgraph_next_version() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF (to_jsonb(OLD) - 'search_document') = (to_jsonb(NEW) - 'search_document') THEN RETURN NEW; END IF;
         NEW.version := OLD.version + 1;
         RETURN NEW;
       END $$`,
    );
    for (const table of listedTables) await queryRunner.query(`DROP INDEX "${table}_updated_order"`);
  }
}
