import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The change feed hands out changes only below the oldest transaction of this database still running
 * (briefgraph_change_feed_ready, migration AddRecordChanges). An autovacuum worker analysing a table of this
 * database holds a transaction ID while it writes statistics, and so held the feed back for as long as the
 * analysis ran, though autovacuum never fires triggers and so never writes a change. Its transactions are
 * now set aside like those of other databases.
 */

const readyFunction = (setAside: string) =>
  `CREATE OR REPLACE FUNCTION public.briefgraph_change_feed_ready() RETURNS xid8 LANGUAGE sql STABLE AS $$
     WITH snapshot AS (SELECT pg_current_snapshot() AS taken),
     elsewhere AS (SELECT a.backend_xid::text AS xid FROM pg_stat_activity a
                    WHERE a.backend_xid IS NOT NULL AND (${setAside}))
     SELECT coalesce(
       (SELECT min(running) FROM snapshot, pg_snapshot_xip(snapshot.taken) running
         WHERE (running::text::numeric % 4294967296)::text NOT IN (SELECT xid FROM elsewhere)),
       (SELECT pg_snapshot_xmax(taken) FROM snapshot))
   $$`;

const otherDatabases = `a.datid IS DISTINCT FROM (SELECT oid FROM pg_database WHERE datname = current_database())`;

export class ChangeFeedIgnoresAutovacuum1796605000000 implements MigrationInterface {
  name = 'ChangeFeedIgnoresAutovacuum1796605000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(readyFunction(`${otherDatabases} OR a.backend_type = 'autovacuum worker'`));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(readyFunction(otherDatabases));
  }
}
