import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The change feed (src/change/): a row trigger on every record table appends each
 * create, update, delete, publish and unpublish to `record_change` in the writing
 * transaction, whoever writes (a mutation, an import, psql), with the columns an
 * update changed. Each row says what editors see (`kind`) and what anonymous readers
 * see (`published_kind`, the published view): a draft brief appears there as created
 * when published and deleted when unpublished, and its lessons and lesson links with
 * it; rows visible to only one side leave the other kind null.
 *
 * Readers page by (transaction_id, id) and only below the oldest transaction of this
 * database still running (briefgraph_change_feed_ready), so no row can ever commit
 * behind a reader's cursor.
 * `record_change_horizon` holds the position up to which old rows were pruned, so a
 * cursor from before it is refused as expired rather than silently skipping changes.
 *
 * The row triggers are named "0_record_change" so that they run before the foreign
 * keys' cascades (AFTER triggers run in name order): a brief's deletion is noted before
 * its lessons', which then know they were public.
 */
const recordTables = ['source_document', 'organization', 'theme', 'district', 'district_network', 'meeting', 'brief', 'lesson', 'lesson_link', 'person'];

export class AddRecordChanges1796603100000 implements MigrationInterface {
  name = 'AddRecordChanges1796603100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."record_change_kind" AS ENUM('CREATED', 'UPDATED', 'DELETED', 'PUBLISHED', 'UNPUBLISHED')`);
    await queryRunner.query(
      `CREATE TABLE "record_change" (
        "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
        "transaction_id" xid8 NOT NULL DEFAULT pg_current_xact_id(),
        "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(),
        "record_table" text NOT NULL,
        "record_id" integer NOT NULL,
        "kind" "public"."record_change_kind",
        "published_kind" "public"."record_change_kind",
        "changed_columns" text array NOT NULL DEFAULT '{}',
        CONSTRAINT "record_change_is_seen_by_someone" CHECK (kind IS NOT NULL OR published_kind IS NOT NULL),
        CONSTRAINT "PK_record_change" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "record_change_order" ON "record_change" (transaction_id, id)`);
    await queryRunner.query(`CREATE INDEX "record_change_published_order" ON "record_change" (transaction_id, id) WHERE published_kind IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "record_change_occurred_at" ON "record_change" (occurred_at)`);
    await queryRunner.query(
      `CREATE TABLE "record_change_horizon" ("only_row" boolean PRIMARY KEY DEFAULT true CHECK (only_row), "transaction_id" xid8 NOT NULL, "id" bigint NOT NULL)`,
    );
    await queryRunner.query(`INSERT INTO record_change_horizon (transaction_id, id) VALUES ('0'::xid8, 0)`);

    // The feed's bound: the oldest transaction of this database still running in the caller's snapshot
    // (the snapshot's xmax when none is), so that other databases of the cluster never hold it back.
    // STABLE, so it sees the calling statement's snapshot; a transaction elsewhere that ends before
    // pg_stat_activity is read only holds the bound back, never lets it pass one of ours.
    await queryRunner.query(
      `CREATE FUNCTION public.briefgraph_change_feed_ready() RETURNS xid8 LANGUAGE sql STABLE AS $$
         WITH snapshot AS (SELECT pg_current_snapshot() AS taken),
         elsewhere AS (SELECT a.backend_xid::text AS xid FROM pg_stat_activity a
                        WHERE a.backend_xid IS NOT NULL AND a.datid IS DISTINCT FROM (SELECT oid FROM pg_database WHERE datname = current_database()))
         SELECT coalesce(
           (SELECT min(running) FROM snapshot, pg_snapshot_xip(snapshot.taken) running
             WHERE (running::text::numeric % 4294967296)::text NOT IN (SELECT xid FROM elsewhere)),
           (SELECT pg_snapshot_xmax(taken) FROM snapshot))
       $$`,
    );
    // Whether a record is in the published view now, or was until deleted earlier in this transaction.
    await queryRunner.query(
      `CREATE FUNCTION public.briefgraph_deleted_publicly(record_table text, record_id integer) RETURNS boolean LANGUAGE sql STABLE AS $$
         SELECT EXISTS (SELECT 1 FROM public.record_change c WHERE c.transaction_id = pg_current_xact_id()
                         AND c.record_table = $1 AND c.record_id = $2 AND c.published_kind = 'DELETED')
       $$`,
    );
    await queryRunner.query(
      `CREATE FUNCTION public.briefgraph_brief_is_public(brief_id integer) RETURNS boolean LANGUAGE sql STABLE AS $$
         SELECT CASE WHEN EXISTS (SELECT 1 FROM public.brief WHERE id = $1)
                     THEN EXISTS (SELECT 1 FROM public.brief WHERE id = $1 AND status = 'PUBLISHED')
                     ELSE public.briefgraph_deleted_publicly('brief', $1) END
       $$`,
    );
    await queryRunner.query(
      `CREATE FUNCTION public.briefgraph_lesson_is_public(lesson_id integer) RETURNS boolean LANGUAGE sql STABLE AS $$
         SELECT coalesce((SELECT public.briefgraph_brief_is_public(brief_id) FROM public.lesson WHERE id = $1), public.briefgraph_deleted_publicly('lesson', $1))
       $$`,
    );
    await queryRunner.query(
      `CREATE FUNCTION public.briefgraph_record_change() RETURNS trigger LANGUAGE plpgsql AS $$
       DECLARE
         old_row jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
         new_row jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
         row_id integer := (coalesce(new_row, old_row) ->> 'id')::integer;
         columns text[] := '{}';
         was_public boolean := false;
         is_public boolean := false;
         change public.record_change_kind;
         public_change public.record_change_kind;
       BEGIN
         IF TG_OP = 'UPDATE' THEN
           IF old_row = new_row THEN RETURN NULL; END IF;
           SELECT coalesce(array_agg(n.key ORDER BY n.key), '{}') INTO columns FROM jsonb_each(new_row) n
            WHERE n.key NOT IN ('id', 'created_at', 'updated_at', 'version', 'search_document') AND n.value IS DISTINCT FROM old_row -> n.key;
         END IF;
         -- Whether the row was, and is, in the published view.
         IF TG_TABLE_NAME = 'brief' THEN
           was_public := coalesce(old_row ->> 'status' = 'PUBLISHED', false);
           is_public := coalesce(new_row ->> 'status' = 'PUBLISHED', false);
         ELSIF TG_TABLE_NAME = 'lesson' THEN
           was_public := TG_OP <> 'INSERT' AND public.briefgraph_brief_is_public((old_row ->> 'brief_id')::integer);
           is_public := TG_OP <> 'DELETE' AND public.briefgraph_brief_is_public((new_row ->> 'brief_id')::integer);
         ELSIF TG_TABLE_NAME = 'lesson_link' THEN
           was_public := TG_OP <> 'INSERT' AND public.briefgraph_lesson_is_public((old_row ->> 'from_lesson_id')::integer)
                                          AND public.briefgraph_lesson_is_public((old_row ->> 'to_lesson_id')::integer);
           is_public := TG_OP <> 'DELETE' AND public.briefgraph_lesson_is_public((new_row ->> 'from_lesson_id')::integer)
                                          AND public.briefgraph_lesson_is_public((new_row ->> 'to_lesson_id')::integer);
         ELSE
           was_public := TG_OP <> 'INSERT';
           is_public := TG_OP <> 'DELETE';
         END IF;
         change := CASE
           WHEN TG_OP = 'INSERT' THEN 'CREATED'
           WHEN TG_OP = 'DELETE' THEN 'DELETED'
           WHEN TG_TABLE_NAME = 'brief' AND was_public AND NOT is_public THEN 'UNPUBLISHED'
           WHEN TG_TABLE_NAME = 'brief' AND is_public AND NOT was_public THEN 'PUBLISHED'
           ELSE 'UPDATED' END;
         public_change := CASE
           WHEN was_public AND is_public THEN 'UPDATED'
           WHEN was_public THEN 'DELETED'
           WHEN is_public THEN 'CREATED' END;
         INSERT INTO public.record_change (record_table, record_id, kind, published_kind, changed_columns)
           VALUES (TG_TABLE_NAME, row_id, change, public_change, columns);
         -- A brief entering or leaving the published view takes its lessons and their links with it.
         IF TG_TABLE_NAME = 'brief' AND TG_OP = 'UPDATE' AND was_public <> is_public THEN
           public_change := CASE WHEN is_public THEN 'CREATED' ELSE 'DELETED' END;
           INSERT INTO public.record_change (record_table, record_id, kind, published_kind)
             SELECT 'lesson', l.id, NULL, public_change FROM public.lesson l WHERE l.brief_id = row_id ORDER BY l.id;
           INSERT INTO public.record_change (record_table, record_id, kind, published_kind)
             SELECT 'lesson_link', k.id, NULL, public_change FROM public.lesson_link k
               JOIN public.lesson a ON a.id = k.from_lesson_id JOIN public.lesson b ON b.id = k.to_lesson_id
              WHERE (a.brief_id = row_id OR b.brief_id = row_id)
                AND (a.brief_id = row_id OR public.briefgraph_brief_is_public(a.brief_id))
                AND (b.brief_id = row_id OR public.briefgraph_brief_is_public(b.brief_id))
              ORDER BY k.id;
         END IF;
         RETURN NULL;
       END $$`,
    );
    for (const table of recordTables) {
      await queryRunner.query(`CREATE TRIGGER "0_record_change" AFTER INSERT OR UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION public.briefgraph_record_change()`);
    }
    // Tells every server at commit that the feed grew (subscriptions follow it; src/caching/table-changes.ts hears it).
    await queryRunner.query(`CREATE TRIGGER "record_change_notify_change" AFTER INSERT ON "record_change" FOR EACH STATEMENT EXECUTE FUNCTION public.briefgraph_notify_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "record_change_notify_change" ON "record_change"`);
    for (const table of recordTables) await queryRunner.query(`DROP TRIGGER "0_record_change" ON "${table}"`);
    await queryRunner.query(`DROP FUNCTION public.briefgraph_record_change()`);
    await queryRunner.query(`DROP FUNCTION public.briefgraph_lesson_is_public(integer)`);
    await queryRunner.query(`DROP FUNCTION public.briefgraph_brief_is_public(integer)`);
    await queryRunner.query(`DROP FUNCTION public.briefgraph_deleted_publicly(text, integer)`);
    await queryRunner.query(`DROP FUNCTION public.briefgraph_change_feed_ready()`);
    await queryRunner.query(`DROP TABLE "record_change_horizon"`);
    await queryRunner.query(`DROP TABLE "record_change"`);
    await queryRunner.query(`DROP TYPE "public"."record_change_kind"`);
  }
}
