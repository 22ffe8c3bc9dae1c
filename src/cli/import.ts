/**
 * `npm run import -- <file or folder> [--dry-run]`: validates seed-format files and
 * loads them into DATABASE_URL or the embedded database in DATA_DIR, in one
 * transaction. Every problem is reported before anything is written; `--dry-run`
 * stops after validation, without starting or touching a database.
 */
import 'reflect-metadata';
import { withDatabase } from './with-database';
import { runPendingMigrations } from '../database/migrate';
import { readSeedFilesForImport, type ReadResult } from '../seed/seed-reader';
import { importReadDocuments } from '../transfer/import';
import { throttledProgress } from '../transfer/progress';
import { describeDatasetSize, describeImportSummary } from '../transfer/summary';

const usage = 'usage: npm run import -- <file or folder> [--dry-run]';

function parseArguments(argumentsGiven: string[]): { target: string; dryRun: boolean } {
  const flags = argumentsGiven.filter((argument) => argument.startsWith('--'));
  const positional = argumentsGiven.filter((argument) => !argument.startsWith('--'));
  const unknown = flags.filter((flag) => flag !== '--dry-run');
  if (unknown.length > 0 || positional.length !== 1) {
    process.stderr.write(`${unknown.length > 0 ? `unknown option ${unknown.join(', ')}\n` : ''}${usage}\n`);
    process.exit(2);
  }
  return { target: positional[0], dryRun: flags.includes('--dry-run') };
}

const { target, dryRun } = parseArguments(process.argv.slice(2));

// Validation needs no database, so bad files fail fast, before one is started.
let read: ReadResult;
try {
  read = readSeedFilesForImport(target);
} catch (error) {
  process.stderr.write(`briefgraph: ${(error as Error).message}\n`);
  process.exit(1);
}
const { dataset, externalReferences } = read;
console.log(`valid: ${describeDatasetSize(dataset)}`);
if (externalReferences.length > 0) {
  console.log(`${externalReferences.length} reference(s) to records not in these files${dryRun ? ' would be' : ' are'} looked up in the database`);
}

if (dryRun) {
  console.log('dry run: nothing was written');
  process.exit(0);
}

withDatabase(async (dataSource, logger) => {
  await runPendingMigrations(dataSource, logger);
  const startedAt = Date.now();
  const onProgress = throttledProgress((imported, total) => process.stderr.write(`imported ${imported}/${total} records\n`), {
    everyRecords: 500,
    minimumIntervalMilliseconds: 1000,
  });
  const summary = await importReadDocuments(dataSource, read, { onProgress });
  console.log(`Imported ${target} in ${((Date.now() - startedAt) / 1000).toFixed(1)} s:\n${describeImportSummary(summary)}`);
});
