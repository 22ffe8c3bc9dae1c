import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes that serve the keyset orderings of the lists (sort columns, then the key),
 * so a page deep in a list is found by an index seek. The publication-date one is an
 * expression index (unknown dates sort as the oldest), which TypeORM cannot declare;
 * the entities name these indexes with `synchronize: false`.
 */
export class AddListOrderIndexes1795445000000 implements MigrationInterface {
  name = 'AddListOrderIndexes1795445000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "brief_published_order" ON "brief" ((coalesce(published_on, '0001-01-01'::date)), id)`);
    await queryRunner.query(`CREATE INDEX "brief_title_order" ON "brief" (title, id)`);
    await queryRunner.query(`CREATE INDEX "meeting_starts_on_order" ON "meeting" (starts_on, id)`);
    await queryRunner.query(`CREATE INDEX "district_name_order" ON "district" (name, id)`);
    await queryRunner.query(`CREATE INDEX "theme_name_order" ON "theme" (name, id)`);
    await queryRunner.query(`CREATE INDEX "organization_name_order" ON "organization" (name, id)`);
    await queryRunner.query(`CREATE INDEX "district_network_name_order" ON "district_network" (name, id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of ['district_network_name_order', 'organization_name_order', 'theme_name_order', 'district_name_order', 'meeting_starts_on_order', 'brief_title_order', 'brief_published_order']) {
      await queryRunner.query(`DROP INDEX "${index}"`);
    }
  }
}
