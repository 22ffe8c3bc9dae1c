/**
 * `npm run seed:synthetic -- --lessons N`: adds deterministic synthetic data for N
 * lessons (with briefs, meetings, districts, themes and links in proportion) to
 * DATABASE_URL or the embedded database in DATA_DIR.
 */
import 'reflect-metadata';
import { withDatabase } from './with-database';
import { runPendingMigrations } from '../database/migrate';
import { writeSyntheticData } from '../synthetic/synthetic-data';

function lessonsArgument(): number {
  const index = process.argv.indexOf('--lessons');
  const value = index >= 0 ? Number(process.argv[index + 1]) : NaN;
  if (!Number.isInteger(value) || value < 1 || value > 5_000_000) {
    process.stderr.write('usage: npm run seed:synthetic -- --lessons N   (N a whole number from 1 to 5,000,000)\n');
    process.exit(2);
  }
  return value;
}

const lessons = lessonsArgument();
withDatabase(async (dataSource, logger) => {
  await runPendingMigrations(dataSource, logger);
  const startedAt = Date.now();
  const summary = await dataSource.transaction((manager) => writeSyntheticData(manager, lessons));
  console.log(`Added synthetic data in ${((Date.now() - startedAt) / 1000).toFixed(1)} s: ${JSON.stringify(summary)}`);
});
