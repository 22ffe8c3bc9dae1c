import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhooks (src/webhook/): endpoints admins register, and `webhook_delivery`, the outbox
 * and delivery log. A row trigger on `record_change` writes a delivery for every enabled
 * webhook that wants the change, in the transaction that made it: nothing is sent for a
 * write that rolls back, and nothing is lost if a server dies right after a commit.
 * Servers claim due deliveries with FOR UPDATE SKIP LOCKED and a lease (the partial index
 * `webhook_delivery_due` finds them). Webhooks see the changes as editors do.
 */

export class AddWebhooks1796603200000 implements MigrationInterface {
  name = 'AddWebhooks1796603200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "webhook" ("id" integer GENERATED ALWAYS AS IDENTITY NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "url" text NOT NULL, "description" text, "kinds" text array, "record_types" text array, "secret" text NOT NULL, "enabled" boolean NOT NULL DEFAULT true, "disabled_reason" text, "consecutive_failures" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_e6765510c2d078db49632b59020" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TYPE "public"."webhook_delivery_status" AS ENUM('PENDING', 'DELIVERED', 'FAILED')`);
    await queryRunner.query(`CREATE TABLE "webhook_delivery" ("id" integer GENERATED ALWAYS AS IDENTITY NOT NULL, "message_id" text NOT NULL, "event_type" text NOT NULL, "record_table" text NOT NULL, "record_id" integer NOT NULL, "kind" text NOT NULL, "changed_columns" text array NOT NULL DEFAULT '{}', "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" "public"."webhook_delivery_status" NOT NULL DEFAULT 'PENDING', "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "lease_until" TIMESTAMP WITH TIME ZONE, "lease_token" uuid, "last_attempt_at" TIMESTAMP WITH TIME ZONE, "last_response_status" integer, "last_error" text, "delivered_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "webhook_id" integer NOT NULL, CONSTRAINT "PK_b1ae290239a778f12399db91354" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_a9e38e6f50dfd328baca6679b3" ON "webhook_delivery"  ("message_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_72f2e35fb2ff43a511f279c5d1" ON "webhook_delivery"  ("webhook_id", "id") `);
    await queryRunner.query(`ALTER TABLE "webhook_delivery" ADD CONSTRAINT "FK_ef25cc28dcf88ea3dd81f39af2d" FOREIGN KEY ("webhook_id") REFERENCES "webhook"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`CREATE INDEX "webhook_delivery_due" ON "webhook_delivery" (next_attempt_at, id) WHERE status = 'PENDING'`);
    await queryRunner.query(
      `CREATE FUNCTION public.briefgraph_enqueue_webhook_deliveries() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF NEW.kind IS NULL THEN RETURN NULL; END IF;
         INSERT INTO public.webhook_delivery (webhook_id, message_id, event_type, record_table, record_id, kind, changed_columns, occurred_at)
           SELECT w.id, 'msg_' || replace(gen_random_uuid()::text, '-', ''), NEW.record_table || '.' || lower(NEW.kind::text),
                  NEW.record_table, NEW.record_id, NEW.kind::text, NEW.changed_columns, NEW.occurred_at
             FROM public.webhook w
            WHERE w.enabled AND (w.kinds IS NULL OR NEW.kind::text = ANY(w.kinds)) AND (w.record_types IS NULL OR NEW.record_table = ANY(w.record_types))
            ORDER BY w.id;
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(`CREATE TRIGGER "enqueue_webhook_deliveries" AFTER INSERT ON "record_change" FOR EACH ROW EXECUTE FUNCTION public.briefgraph_enqueue_webhook_deliveries()`);
    // Wakes the dispatchers of every instance at commit (src/caching/table-changes.ts hears it).
    await queryRunner.query(`CREATE TRIGGER "webhook_delivery_notify_change" AFTER INSERT ON "webhook_delivery" FOR EACH STATEMENT EXECUTE FUNCTION public.briefgraph_notify_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "webhook_delivery_notify_change" ON "webhook_delivery"`);
    await queryRunner.query(`DROP TRIGGER "enqueue_webhook_deliveries" ON "record_change"`);
    await queryRunner.query(`DROP FUNCTION public.briefgraph_enqueue_webhook_deliveries()`);
    await queryRunner.query(`DROP INDEX "public"."webhook_delivery_due"`);
    await queryRunner.query(`ALTER TABLE "webhook_delivery" DROP CONSTRAINT "FK_ef25cc28dcf88ea3dd81f39af2d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_72f2e35fb2ff43a511f279c5d1"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a9e38e6f50dfd328baca6679b3"`);
    await queryRunner.query(`DROP TABLE "webhook_delivery"`);
    await queryRunner.query(`DROP TYPE "public"."webhook_delivery_status"`);
    await queryRunner.query(`DROP TABLE "webhook"`);
  }
}
