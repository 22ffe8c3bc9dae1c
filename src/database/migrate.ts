/** Applies the committed migrations that the database has not seen yet, each in its own transaction. */
import type { DataSource } from 'typeorm';
import type { Logger } from '../shared/logger';

export async function runPendingMigrations(dataSource: DataSource, logger: Logger): Promise<string[]> {
  // One migrator at a time, so that servers started together on one database do not race.
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`SELECT pg_advisory_lock(hashtext('briefgraph:migrate'))`);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    for (const migration of applied) logger.info('applied migration', { migration: migration.name });
    return applied.map((migration) => migration.name);
  } finally {
    await runner.query(`SELECT pg_advisory_unlock(hashtext('briefgraph:migrate'))`).catch(() => undefined);
    await runner.release();
  }
}
