/** `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded database in DATA_DIR. */
import 'reflect-metadata';
import { withDatabase } from './with-database';
import { runPendingMigrations } from '../database/migrate';

withDatabase(async (dataSource, logger) => {
  const applied = await runPendingMigrations(dataSource, logger);
  console.log(applied.length === 0 ? 'The database is up to date.' : `Applied ${applied.length} migration(s): ${applied.join(', ')}`);
});
