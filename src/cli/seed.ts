/**
 * `npm run db:seed [-- <file or folder>]`: validates and loads seed data (the shipped
 * dataset by default) into DATABASE_URL or the embedded database in DATA_DIR.
 */
import 'reflect-metadata';
import { withDatabase } from './with-database';
import { runPendingMigrations } from '../database/migrate';
import { describeSeedSummary, loadSeedDataset } from '../seed/seed-loader';

withDatabase(async (dataSource, logger, config) => {
  await runPendingMigrations(dataSource, logger);
  const target = process.argv[2] ?? config.seedDirectory;
  const summary = await loadSeedDataset(dataSource, target);
  console.log(`Loaded ${target}: ${describeSeedSummary(summary)}`);
});
