import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Replaces the write counters of AddChangeGenerations, which every writer had to lock
 * (so writes took turns), with notifications: a statement-level trigger on every
 * content table sends `NOTIFY briefgraph_change, '<table>'`, which PostgreSQL delivers
 * when the transaction commits (never for one that rolls back, once per table however
 * many statements wrote to it), whoever writes: a mutation, an import from the command
 * line, another server instance, psql. Each server listens and drops cached answers
 * that read a changed table (src/caching/table-changes.ts). The trigger also notes the
 * tables a transaction changed in the setting `briefgraph.changed_tables`, so the
 * server that commits a mutation can drop its own stale answers before it answers.
 */
const contentTables = [
  'source_document', 'organization', 'theme', 'district', 'district_network', 'district_network_member',
  'meeting', 'meeting_theme', 'meeting_district', 'agenda_topic', 'meeting_material',
  'brief', 'brief_theme', 'brief_district', 'brief_network', 'brief_builds_on',
  'lesson', 'lesson_theme', 'lesson_district', 'lesson_link',
  // The search vocabularies, which spelling correction reads (written by row triggers on the tables above).
  'search_term', 'published_search_term',
];
/** The tables AddChangeGenerations counted writes to. */
const countedTables = contentTables.slice(0, -2);

export class AddChangeNotifications1796592651570 implements MigrationInterface {
  name = 'AddChangeNotifications1796592651570';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of countedTables) await queryRunner.query(`DROP TRIGGER "${table}_count_change" ON "${table}"`);
    await queryRunner.query(`DROP FUNCTION public.briefgraph_count_change()`);
    await queryRunner.query(`DROP TABLE public.change_generation`);
    await queryRunner.query(
      `CREATE FUNCTION public.briefgraph_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
       DECLARE
         changed text := coalesce(current_setting('briefgraph.changed_tables', true), '');
       BEGIN
         PERFORM pg_notify('briefgraph_change', TG_TABLE_NAME);
         IF position(' ' || TG_TABLE_NAME || ' ' IN ' ' || changed) = 0 THEN
           PERFORM set_config('briefgraph.changed_tables', changed || TG_TABLE_NAME || ' ', true);
         END IF;
         RETURN NULL;
       END $$`,
    );
    for (const table of contentTables) {
      await queryRunner.query(
        `CREATE TRIGGER "${table}_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION public.briefgraph_notify_change()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of contentTables) await queryRunner.query(`DROP TRIGGER "${table}_notify_change" ON "${table}"`);
    await queryRunner.query(`DROP FUNCTION public.briefgraph_notify_change()`);
    await queryRunner.query(`CREATE TABLE public.change_generation (table_name text PRIMARY KEY, generation bigint NOT NULL)`);
    await queryRunner.query(`INSERT INTO public.change_generation (table_name, generation) SELECT unnest($1::text[]), 1`, [countedTables]);
    await queryRunner.query(
      `CREATE FUNCTION public.briefgraph_count_change() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         UPDATE public.change_generation SET generation = generation + 1 WHERE table_name = TG_TABLE_NAME;
         RETURN NULL;
       END $$`,
    );
    for (const table of countedTables) {
      await queryRunner.query(
        `CREATE TRIGGER "${table}_count_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION public.briefgraph_count_change()`,
      );
    }
  }
}
