/** The real HTTP endpoint, in-process, over a fresh seeded database; queries go over a real socket. */
import path from 'node:path';
import { loadSeedDataset } from '../../src/seed/seed-loader';
import { createServer, type BriefgraphServer } from '../../src/server';
import { createLogger, type LogLevel } from '../../src/shared/logger';
import { createMigratedDatabase, type MigratedDatabase } from './test-database';

export const seedDirectory = path.join(__dirname, '..', '..', 'seeds');

export interface GraphQLResponse<Data = Record<string, any>> {
  status: number;
  data?: Data;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> }>;
}

export interface TestServer {
  database: MigratedDatabase;
  url: string;
  graphql<Data = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<Data>>;
  close(): Promise<void>;
}

export async function startTestServer(options: { seed?: boolean } = {}): Promise<TestServer> {
  const database = await createMigratedDatabase();
  if (options.seed ?? true) await loadSeedDataset(database.dataSource, seedDirectory);
  // TEST_LOG_LEVEL=debug shows the server's logs (unexpected errors in full) while debugging a test.
  const logger = createLogger((process.env.TEST_LOG_LEVEL as LogLevel | undefined) ?? 'silent', 'pretty');
  const server: BriefgraphServer = await createServer({ dataSource: database.dataSource, logger });
  const port = await server.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  return {
    database,
    url,
    async graphql(query, variables) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as GraphQLResponse;
      return { status: response.status, data: body.data as never, errors: body.errors };
    },
    async close() {
      await server.close();
      await database.close();
    },
  };
}
