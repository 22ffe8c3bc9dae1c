/** The real HTTP endpoint, in-process, over a fresh seeded database; queries go over a real socket. */
import path from 'node:path';
import type { ApiKeyRole } from '../../src/auth/api-key.entity';
import { createApiKey } from '../../src/auth/api-key.service';
import { loadSeedDataset } from '../../src/seed/seed-loader';
import { createServer, type BriefgraphServer, type ServerOptions } from '../../src/server';
import { createLogger, type LogLevel } from '../../src/shared/logger';
import { createMigratedDatabase, type MigratedDatabase } from './test-database';

export const seedDirectory = path.join(__dirname, '..', '..', 'seeds');

/**
 * The data of a request whose result type a test does not give (`server.graphql<Data>(...)` types it): tests
 * read a few fields of many differently shaped answers, and the assertions check what is there.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the one untyped default; a test passes Data to type an answer
export type UntypedData = Record<string, any>;

export interface GraphQLResponse<Data = UntypedData> {
  status: number;
  headers: Headers;
  data?: Data;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> }>;
}

/** The JSON body of a refused request (read with fetch), as the tests read it. */
export interface ErrorBody {
  errors: Array<{ message: string; path?: string[]; extensions: { code: string; [key: string]: unknown } }>;
}

/** A GraphQL answer's JSON body read with fetch, as a test expects it (the assertions check which parts are there). */
export interface ResponseBody<Data = UntypedData> {
  data: Data;
  errors: ErrorBody['errors'];
  extensions: { cost?: Record<string, unknown>; [key: string]: unknown };
}

export interface TestServer {
  database: MigratedDatabase;
  url: string;
  /** Sends one GraphQL request; `apiKey` goes out as "Authorization: Bearer <apiKey>". */
  graphql<Data = UntypedData>(query: string, variables?: Record<string, unknown>, options?: RequestOptions): Promise<GraphQLResponse<Data>>;
  /** Hears of committed writes for the response cache. */
  changes: BriefgraphServer['changes'];
  /** Prunes the change feed to the server's retention period now. */
  pruneRecordChanges(): Promise<number>;
  /**
   * Resolves once the server serves exactly `count` subscriptions (start waiting after subscribing, before writing),
   * or once `unless` settles (a subscription refused instead), whichever comes first.
   */
  subscriptionsActive(count: number, unless?: Promise<unknown>): Promise<void>;
  /** Resolves once the server hears that `table` changed (a write committed anywhere); start waiting before the write. */
  changeHeard(table: string): Promise<void>;
  /** Creates an API key directly in the database and returns its secret. */
  createApiKey(role: ApiKeyRole, name?: string): Promise<string>;
  close(): Promise<void>;
}

export interface RequestOptions {
  apiKey?: string;
  headers?: Record<string, string>;
}

let keyCounter = 0;

export interface TestServerOptions {
  seed?: boolean;
  /** Server options besides the database and logger (limits, modes, caches). */
  server?: Partial<ServerOptions>;
  /** Use this database (migrated) instead of a fresh one; it is not closed with the server. */
  database?: MigratedDatabase;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const ownDatabase = !options.database;
  const database = options.database ?? (await createMigratedDatabase());
  if (ownDatabase && (options.seed ?? true)) await loadSeedDataset(database.dataSource, seedDirectory);
  // TEST_LOG_LEVEL=debug shows the server's logs (unexpected errors in full) while debugging a test.
  const logger = createLogger((process.env.TEST_LOG_LEVEL as LogLevel | undefined) ?? 'silent', 'pretty');
  // Every test request comes from one address: rate limiting is off unless a test turns it on. The
  // response cache is off too, so statement counts measure execution; tests/caching.test.ts turns it on.
  // The request deadline is far beyond the default 10 s, which would be an upper time bound on every test request
  // (heavy ones hit it on a busy machine); tests of deadlines set their own.
  const server: BriefgraphServer = await createServer({
    rateLimit: { points: 0, windowSeconds: 3600 },
    cacheMaxAgeSeconds: 0,
    requestTimeoutMilliseconds: 300_000,
    ...options.server,
    dataSource: database.dataSource,
    logger: options.server?.logger ?? logger,
  });
  const port = await server.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  return {
    database,
    url,
    async graphql(query, variables, options = {}) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        // What current clients send (Apollo Client 4): request errors are answered 400, not 200 as for plain application/json.
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json;q=0.9',
          ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
          ...options.headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as GraphQLResponse;
      return { status: response.status, headers: response.headers, data: body.data as never, errors: body.errors };
    },
    changes: server.changes,
    pruneRecordChanges: () => server.pruneRecordChanges(),
    async subscriptionsActive(count, unless) {
      let settled = false;
      unless?.then(
        () => (settled = true),
        () => (settled = true),
      );
      // A short timer, not setImmediate: spinning would keep a core busy that the server and PostgreSQL need on a 2-core box.
      while (!settled && server.subscriptionCount() !== count) await new Promise((resolve) => setTimeout(resolve, 5));
    },
    changeHeard(table) {
      return new Promise((resolve) => {
        const stop = server.changes.onChange((changed) => {
          if (changed !== table) return;
          stop();
          resolve();
        });
      });
    },
    async createApiKey(role, name = `${role.toLowerCase()}-${++keyCounter}`) {
      return (await createApiKey(database.dataSource.manager, name, role)).secret;
    },
    async close() {
      await server.close();
      if (ownDatabase) await database.close();
    },
  };
}
