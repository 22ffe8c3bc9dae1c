import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `change_generation`: a counter per content table, raised by a statement-level
 * trigger on every write to it, whoever writes (a mutation, an import from the command
 * line, another server instance, a person with psql). The response cache stores the
 * counters it saw with each answer and serves the answer only while the counters of
 * every table it read are unchanged, so a cached answer is never stale.
 */
const contentTables = [
  'source_document', 'organization', 'theme', 'district', 'district_network', 'district_network_member',
  'meeting', 'meeting_theme', 'meeting_district', 'agenda_topic', 'meeting_material',
  'brief', 'brief_theme', 'brief_district', 'brief_network', 'brief_builds_on',
  'lesson', 'lesson_theme', 'lesson_district', 'lesson_link',
];

export class AddChangeGenerations1795451000000 implements MigrationInterface {
  name = 'AddChangeGenerations1795451000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE change_generation (table_name text PRIMARY KEY, generation bigint NOT NULL)`);
    await queryRunner.query(
      `INSERT INTO change_generation (table_name, generation) SELECT unnest($1::text[]), 1`,
      [contentTables],
    );
    await queryRunner.query(
      `CREATE FUNCTION public.briefgraph_count_change() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         UPDATE public.change_generation SET generation = generation + 1 WHERE table_name = TG_TABLE_NAME;
         RETURN NULL;
       END $$`,
    );
    for (const table of contentTables) {
      await queryRunner.query(
        `CREATE TRIGGER "${table}_count_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION public.briefgraph_count_change()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of contentTables) await queryRunner.query(`DROP TRIGGER "${table}_count_change" ON "${table}"`);
    await queryRunner.query(`DROP FUNCTION public.briefgraph_count_change()`);
    await queryRunner.query(`DROP TABLE change_generation`);
  }
}
