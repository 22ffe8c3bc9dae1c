import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes on join tables led by the parent and followed by the record, so a nested
 * list (a theme's lessons, newest first) reads its page straight off the index,
 * whatever the size of the tables. TypeORM's own join-table indexes cover one column
 * each; the join tables are declared `synchronize: false` so TypeORM leaves these alone.
 */
const indexes: Array<[name: string, table: string, columns: string]> = [
  ['lesson_theme_by_theme', 'lesson_theme', 'theme_id, lesson_id'],
  ['brief_theme_by_theme', 'brief_theme', 'theme_id, brief_id'],
  ['meeting_theme_by_theme', 'meeting_theme', 'theme_id, meeting_id'],
  ['brief_district_by_district', 'brief_district', 'district_id, brief_id'],
  ['lesson_district_by_district', 'lesson_district', 'district_id, lesson_id'],
  ['meeting_district_by_district', 'meeting_district', 'district_id, meeting_id'],
  ['brief_network_by_network', 'brief_network', 'network_id, brief_id'],
  ['brief_builds_on_by_earlier_brief', 'brief_builds_on', 'builds_on_brief_id, brief_id'],
];

export class AddJoinTableOrderIndexes1795446000000 implements MigrationInterface {
  name = 'AddJoinTableOrderIndexes1795446000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [name, table, columns] of indexes) await queryRunner.query(`CREATE INDEX "${name}" ON "${table}" (${columns})`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [name] of [...indexes].reverse()) await queryRunner.query(`DROP INDEX "${name}"`);
  }
}
