/** A fresh database per test file, migrated from scratch, on the run's PostgreSQL server. */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { connectDataSource } from '../../src/database/connect';
import { createDataSource } from '../../src/database/data-source';
import { runPendingMigrations } from '../../src/database/migrate';
import { silentLogger } from '../../src/shared/logger';

function serverUrl(): string {
  const url = process.env.BRIEFGRAPH_TEST_SERVER_URL;
  if (!url) throw new Error('BRIEFGRAPH_TEST_SERVER_URL is not set: run the tests through jest (globalSetup starts the database)');
  return url;
}

function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function onServer<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

export async function createEmptyDatabase(): Promise<TestDatabase> {
  const name = `briefgraph_test_${randomBytes(6).toString('hex')}`;
  await onServer((client) => client.query(`CREATE DATABASE ${name}`));
  return {
    url: withDatabaseName(serverUrl(), name),
    name,
    drop: () => onServer((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

export interface MigratedDatabase extends TestDatabase {
  dataSource: DataSource;
  close(): Promise<void>;
}

/** A new database with every migration applied, and an open data source on it. */
export async function createMigratedDatabase(): Promise<MigratedDatabase> {
  const database = await createEmptyDatabase();
  const dataSource = await connectDataSource(createDataSource(database.url, { poolSize: 4 }), database.url);
  await runPendingMigrations(dataSource, silentLogger);
  return {
    ...database,
    dataSource,
    async close() {
      await dataSource.destroy();
      await database.drop();
    },
  };
}
