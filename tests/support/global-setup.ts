/**
 * Gives the test run a PostgreSQL server: DATABASE_URL's when set, otherwise an
 * embedded one in a temporary folder (never ./.data). Each test file then creates
 * its own fresh database on it (see test-database.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedDatabase } from '../../src/database/embedded-postgres';

export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) {
    process.env.BRIEFGRAPH_TEST_SERVER_URL = process.env.DATABASE_URL;
    return;
  }
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'briefgraph-test-'));
  const database = new EmbeddedDatabase({ dataDirectory: directory, databaseName: 'postgres' });
  process.env.BRIEFGRAPH_TEST_SERVER_URL = await database.start();
  (globalThis as Record<string, unknown>).briefgraphTestDatabase = { database, directory };
}
