import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Dated, sourced network memberships (issue 14): a district's membership of a network says when it began and
 * ended, as precisely as a source dates them, and which source says so. `district_network_member` has no
 * `published.` view (it holds no draft content), so no view is recreated; the graph_edge view names its columns.
 */

export class AddDatedNetworkMemberships1796604761166 implements MigrationInterface {
  name = 'AddDatedNetworkMemberships1796604761166';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "district_network_member" ADD "joined_on" date`);
    await queryRunner.query(`ALTER TABLE "district_network_member" ADD "joined_on_precision" "public"."date_precision"`);
    await queryRunner.query(`ALTER TABLE "district_network_member" ADD "left_on" date`);
    await queryRunner.query(`ALTER TABLE "district_network_member" ADD "left_on_precision" "public"."date_precision"`);
    await queryRunner.query(`ALTER TABLE "district_network_member" ADD "source_id" integer`);
    await queryRunner.query(`CREATE INDEX "IDX_f23b4063e268e6b20020049456" ON "district_network_member"  ("source_id") `);
    await queryRunner.query(`ALTER TABLE "district_network_member" ADD CONSTRAINT "district_network_member_leaves_after_joining" CHECK (left_on IS NULL OR joined_on IS NULL OR left_on >= date_trunc('year', joined_on)::date)`);
    await queryRunner.query(`ALTER TABLE "district_network_member" ADD CONSTRAINT "district_network_member_left_on_has_precision" CHECK ((left_on IS NULL) = (left_on_precision IS NULL))`);
    await queryRunner.query(`ALTER TABLE "district_network_member" ADD CONSTRAINT "district_network_member_joined_on_has_precision" CHECK ((joined_on IS NULL) = (joined_on_precision IS NULL))`);
    await queryRunner.query(`ALTER TABLE "district_network_member" ADD CONSTRAINT "FK_f23b4063e268e6b20020049456b" FOREIGN KEY ("source_id") REFERENCES "source_document"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "district_network_member" DROP CONSTRAINT "FK_f23b4063e268e6b20020049456b"`);
    await queryRunner.query(`ALTER TABLE "district_network_member" DROP CONSTRAINT "district_network_member_joined_on_has_precision"`);
    await queryRunner.query(`ALTER TABLE "district_network_member" DROP CONSTRAINT "district_network_member_left_on_has_precision"`);
    await queryRunner.query(`ALTER TABLE "district_network_member" DROP CONSTRAINT "district_network_member_leaves_after_joining"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f23b4063e268e6b20020049456"`);
    await queryRunner.query(`ALTER TABLE "district_network_member" DROP COLUMN "source_id"`);
    await queryRunner.query(`ALTER TABLE "district_network_member" DROP COLUMN "left_on_precision"`);
    await queryRunner.query(`ALTER TABLE "district_network_member" DROP COLUMN "left_on"`);
    await queryRunner.query(`ALTER TABLE "district_network_member" DROP COLUMN "joined_on_precision"`);
    await queryRunner.query(`ALTER TABLE "district_network_member" DROP COLUMN "joined_on"`);
  }
}
