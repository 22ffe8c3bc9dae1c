/**
 * `npm run export -- <folder> [--force]`: writes the whole knowledge base of
 * DATABASE_URL, or of the embedded database in DATA_DIR, as seed-format YAML files,
 * one per collection group. The same data always gives the same bytes.
 */
import 'reflect-metadata';
import { withDatabase } from './with-database';
import { readSeedDocuments, SeedValidationError } from '../seed/seed-reader';
import { checkExportFolder, writeExportFolder } from '../transfer/export-folder';
import { exportKnowledgeBase } from '../transfer/export';
import { describeDatasetSize } from '../transfer/summary';

const usage = 'usage: npm run export -- <folder> [--force]';

function parseArguments(argumentsGiven: string[]): { folder: string; force: boolean } {
  const flags = argumentsGiven.filter((argument) => argument.startsWith('--'));
  const positional = argumentsGiven.filter((argument) => !argument.startsWith('--'));
  const unknown = flags.filter((flag) => flag !== '--force');
  if (unknown.length > 0 || positional.length !== 1) {
    process.stderr.write(`${unknown.length > 0 ? `unknown option ${unknown.join(', ')}\n` : ''}${usage}\n`);
    process.exit(2);
  }
  return { folder: positional[0], force: flags.includes('--force') };
}

const { folder, force } = parseArguments(process.argv.slice(2));

// Checked before a database is started, and again just before writing.
try {
  checkExportFolder(folder, { force });
} catch (error) {
  process.stderr.write(`briefgraph: ${(error as Error).message}\n`);
  process.exit(1);
}

withDatabase(async (dataSource) => {
  if (await dataSource.showMigrations()) {
    throw new Error('the database has migrations that are not applied yet; run `npm run db:migrate` first (export only reads)');
  }
  const files = await exportKnowledgeBase(dataSource);
  const { otherSeedFiles } = writeExportFolder(folder, files, { force });
  // Records created through the API are not bound by the seed format's limits; say so rather than write a folder that silently fails to import.
  try {
    console.log(`Exported ${describeDatasetSize(readSeedDocuments(files))} to ${folder}: ${files.map((file) => file.name).join(', ')}`);
  } catch (error) {
    if (!(error instanceof SeedValidationError)) throw error;
    console.log(`Exported to ${folder}: ${files.map((file) => file.name).join(', ')}`);
    process.stderr.write(`briefgraph: warning: the export is complete, but importing it would be refused until these are fixed: ${error.message}\n`);
  }
  if (otherSeedFiles.length > 0) {
    process.stderr.write(`briefgraph: warning: ${folder} also holds ${otherSeedFiles.join(', ')}, which an import of the folder would read too\n`);
  }
});
