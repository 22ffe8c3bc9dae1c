import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a meeting material contains (issue 14): the sections a source lists for a
 * briefing book, which the seeds used to serve as the meeting's agenda.
 */
export class AddMaterialContents1796602400000 implements MigrationInterface {
  name = 'AddMaterialContents1796602400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "meeting_material" ADD "contents" text array NOT NULL DEFAULT '{}'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "meeting_material" DROP COLUMN "contents"`);
  }
}
