/**
 * Gives the test run a PostgreSQL server: DATABASE_URL's when set, otherwise an
 * embedded one in a temporary folder (never ./.data). Each test file then creates
 * its own fresh database on it (see test-database.ts). Also finds a Redis to test
 * shared state against, when there is one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';
import { EmbeddedDatabase } from '../../src/database/embedded-postgres';
import { buildExplorerIfStale, chromiumPath, missingChromiumMessage } from './browser';

/** Redis at 127.0.0.1:6379, when one answers: tests of shared state run against it (REQUIRE_REDIS=1 makes its absence an error). */
async function probeRedis(): Promise<void> {
  const url = 'redis://127.0.0.1:6379';
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1000, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
    process.env.BRIEFGRAPH_TEST_REDIS_URL = url;
  } catch {
    if (process.env.REQUIRE_REDIS === '1') throw new Error(`REQUIRE_REDIS=1 but no Redis answers at ${url}`);
  } finally {
    redis.disconnect();
  }
}

/** The explorer's browser tests need its build and a Chromium; without one they are skipped, said in one line. */
function prepareExplorer(): void {
  buildExplorerIfStale();
  if (chromiumPath()) return;
  if (process.env.REQUIRE_CHROMIUM === '1') throw new Error(`REQUIRE_CHROMIUM=1 but ${missingChromiumMessage}`);
  console.log(`\n${missingChromiumMessage}`);
}

export default async function globalSetup(): Promise<void> {
  await probeRedis();
  prepareExplorer();
  if (process.env.DATABASE_URL) {
    process.env.BRIEFGRAPH_TEST_SERVER_URL = process.env.DATABASE_URL;
    return;
  }
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'briefgraph-test-'));
  const database = new EmbeddedDatabase({ dataDirectory: directory, databaseName: 'postgres' });
  process.env.BRIEFGRAPH_TEST_SERVER_URL = await database.start();
  (globalThis as Record<string, unknown>).briefgraphTestDatabase = { database, directory };
}
