/**
 * Time limits through the HTTP endpoint on a real PostgreSQL: PostgreSQL's own
 * statement_timeout on every pooled connection (both pools), and the overall request
 * timeout, which answers at once and cancels the request's work in the database
 * rather than abandoning it there. Slow statements are made by holding a lock on the
 * `theme` table from another connection.
 */
import { Client } from 'pg';
import { ApiKeyRole } from '../src/auth/api-key.entity';
import { ConfigurationError, loadConfig } from '../src/config';
import { connectDataSource } from '../src/database/connect';
import { createDataSource } from '../src/database/data-source';
import { loadSeedDataset } from '../src/seed/seed-loader';
import { createMigratedDatabase, type MigratedDatabase } from './support/test-database';
import { seedDirectory, startTestServer, type TestServer } from './support/test-server';

const readThemes = `{ themes(first: 5) { nodes { name } } }`;
const createTheme = `mutation($input: ThemeCreateInput!) { themeCreate(input: $input) { theme { id } userErrors { code } } }`;

describe('time limits', () => {
  let database: MigratedDatabase;
  let locker: Client;
  /** Reads pg_stat_activity outside the locker's transaction, whose view of it would stay frozen at first look. */
  let observer: Client;

  beforeAll(async () => {
    database = await createMigratedDatabase();
    await loadSeedDataset(database.dataSource, seedDirectory);
    locker = new Client({ connectionString: database.url, application_name: 'briefgraph-test-locker' });
    await locker.connect();
    observer = new Client({ connectionString: database.url, application_name: 'briefgraph-test-observer' });
    await observer.connect();
  });
  /** Servers started by the test under way; closed after it, whatever happened. */
  const servers: TestServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });
  afterAll(async () => {
    await locker.end();
    await observer.end();
    await database.close();
  });

  /** A server on the shared database whose data source has the given statement timeout. */
  async function startServer(
    statementTimeoutMilliseconds: number,
    requestTimeoutMilliseconds: number,
    pool: { poolSize?: number; connectTimeoutMilliseconds?: number } = {},
  ): Promise<TestServer> {
    const dataSource = await connectDataSource(
      createDataSource(database.url, { statementTimeoutMilliseconds, connectTimeoutMilliseconds: 2000, ...pool }),
      database.url,
    );
    // Every test request comes from one address: its fair share (tests/fair-use.test.ts) would otherwise hold it back before the pool does.
    const databaseShare = { perClient: 100, perRequest: 100 };
    const server = await startTestServer({ database: { ...database, dataSource }, server: { requestTimeoutMilliseconds, databaseShare } });
    const close = server.close;
    server.close = async () => {
      await close();
      await dataSource.destroy();
    };
    servers.push(server);
    return server;
  }

  async function lockThemes(): Promise<void> {
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE theme IN ACCESS EXCLUSIVE MODE');
  }
  async function unlockThemes(): Promise<void> {
    await locker.query('ROLLBACK');
  }

  /** Statements of the server's pools still running (or waiting on a lock) in the database. */
  async function serverStatementsRunning(): Promise<number> {
    const { rows } = await observer.query(
      `SELECT count(*)::int AS running FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'briefgraph' AND state = 'active'`,
    );
    return rows[0].running as number;
  }

  /**
   * The server's statements still running once they have had time to end: polled until none is
   * left (or 10 s pass). Even a statement PostgreSQL cancelled itself shows as active for a moment
   * after its error reaches the client, until the backend reports itself idle; a statement left
   * to wait on the lock, the failure these tests look for, stays active as long as the lock is held.
   */
  async function serverStatementsRunningOnceSettled(): Promise<number> {
    const deadline = Date.now() + 10_000;
    let running = await serverStatementsRunning();
    while (running > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      running = await serverStatementsRunning();
    }
    return running;
  }

  async function timed<T>(work: () => Promise<T>): Promise<{ result: T; milliseconds: number }> {
    const startedAt = Date.now();
    const result = await work();
    return { result, milliseconds: Date.now() - startedAt };
  }

  it('has PostgreSQL cancel a slow statement after STATEMENT_TIMEOUT_MS, on both pools, answering 504 TIMEOUT', async () => {
    const server = await startServer(500, 10_000);
    const editor = await server.createApiKey(ApiKeyRole.EDITOR);
    await lockThemes();
    try {
      // Without a key the published-reader pool serves the read; with one, the writer pool.
      for (const apiKey of [undefined, editor]) {
        const { result, milliseconds } = await timed(() => server.graphql(readThemes, undefined, { apiKey }));
        expect(result.status).toBe(504);
        expect(result.errors).toEqual([expect.objectContaining({ message: expect.stringContaining('took too long'), extensions: { code: 'TIMEOUT' } })]);
        // The lock is held throughout, so only a limit can have ended the request; the message says it
        // was the statement timeout, and it came long before the 10 s request timeout could.
        expect(milliseconds).toBeGreaterThanOrEqual(400);
        expect(milliseconds).toBeLessThan(9000);
        expect(await serverStatementsRunningOnceSettled()).toBe(0);
      }
    } finally {
      await unlockThemes();
    }
    // The connections whose statements were cancelled serve the next requests.
    for (let attempt = 0; attempt < 12; attempt++) {
      const response = await server.graphql(readThemes);
      expect(response.status).toBe(200);
      expect(response.data!.themes.nodes).toHaveLength(5);
    }
  });

  it('answers 504 TIMEOUT at REQUEST_TIMEOUT_MS and cancels the statement in the database instead of leaving it to run', async () => {
    // A statement timeout far beyond the request timeout: only the request deadline can stop the statement early.
    const server = await startServer(20_000, 700);
    await lockThemes();
    try {
      const { result, milliseconds } = await timed(() => server.graphql(readThemes));
      expect(result.status).toBe(504);
      expect(result.errors).toEqual([{ message: expect.stringContaining('longer than the limit of 700 ms'), extensions: { code: 'TIMEOUT' } }]);
      // The message names the request limit; the lock still held means nothing else could have ended it,
      // and the 20 s statement timeout is far off.
      expect(milliseconds).toBeGreaterThanOrEqual(600);
      expect(milliseconds).toBeLessThan(15_000);
      // The cancel request reaches PostgreSQL within moments, long before the 20 s statement timeout.
      expect(await serverStatementsRunningOnceSettled()).toBe(0);
    } finally {
      await unlockThemes();
    }
    for (let attempt = 0; attempt < 12; attempt++) expect((await server.graphql(readThemes)).status).toBe(200);
  });

  it('rolls back a mutation that runs out of time, so a retry applies it once', async () => {
    const server = await startServer(20_000, 700);
    const editor = await server.createApiKey(ApiKeyRole.EDITOR);
    const input = { input: { slug: 'written-under-lock', name: 'Written under lock' } };
    await lockThemes();
    try {
      const { result, milliseconds } = await timed(() => server.graphql(createTheme, input, { apiKey: editor }));
      expect(result.status).toBe(504);
      expect(result.errors![0].extensions).toEqual({ code: 'TIMEOUT' });
      expect(result.errors![0].message).toContain('longer than the limit of 700 ms');
      expect(milliseconds).toBeLessThan(15_000);
      expect(await serverStatementsRunningOnceSettled()).toBe(0);
    } finally {
      await unlockThemes();
    }
    expect((await locker.query(`SELECT 1 FROM theme WHERE slug = 'written-under-lock'`)).rowCount).toBe(0);
    const retried = await server.graphql(createTheme, input, { apiKey: editor });
    expect(retried.status).toBe(200);
    expect(retried.data!.themeCreate.userErrors).toEqual([]);
    expect((await locker.query(`SELECT 1 FROM theme WHERE slug = 'written-under-lock'`)).rowCount).toBe(1);
  });

  it('answers 503 SERVICE_OVERLOADED (not "unavailable") when no database connection frees up within the pool timeout', async () => {
    const server = await startServer(20_000, 10_000, { poolSize: 2, connectTimeoutMilliseconds: 500 });
    await lockThemes();
    try {
      // Both connections of the anonymous readers' pool wait on the lock.
      const blocked = [server.graphql(readThemes), server.graphql(readThemes)];
      const deadline = Date.now() + 10_000;
      while ((await serverStatementsRunning()) < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      const { result, milliseconds } = await timed(() => server.graphql('{ meetings { nodes { number } } }'));
      expect(result.status).toBe(503);
      expect(result.headers.get('retry-after')).toBe('1');
      expect(result.errors).toEqual([
        expect.objectContaining({ message: expect.stringMatching(/^The server is busy/), extensions: { code: 'SERVICE_OVERLOADED' } }),
      ]);
      // The pool timeout (500 ms) answered, not the request timeout (10 s), which would say TIMEOUT.
      expect(milliseconds).toBeGreaterThanOrEqual(400);
      expect(milliseconds).toBeLessThan(9000);
      await unlockThemes();
      for (const answer of await Promise.all(blocked)) expect(answer.status).toBe(200);
    } finally {
      await locker.query('ROLLBACK');
    }
  });

  it('reads the limits from the environment; a statement may not outlive its request', () => {
    expect(loadConfig({})).toMatchObject({ requestTimeoutMilliseconds: 10_000, statementTimeoutMilliseconds: 5000, databasePoolTimeoutMilliseconds: 2000 });
    expect(loadConfig({ REQUEST_TIMEOUT_MS: '3000' })).toMatchObject({ requestTimeoutMilliseconds: 3000, statementTimeoutMilliseconds: 3000 });
    expect(loadConfig({ STATEMENT_TIMEOUT_MS: '250', DATABASE_POOL_TIMEOUT_MS: '500' })).toMatchObject({
      statementTimeoutMilliseconds: 250,
      databasePoolTimeoutMilliseconds: 500,
    });
    expect(() => loadConfig({ REQUEST_TIMEOUT_MS: '2000', STATEMENT_TIMEOUT_MS: '5000' })).toThrow(
      new ConfigurationError('STATEMENT_TIMEOUT_MS (5000) must not be larger than REQUEST_TIMEOUT_MS (2000)'),
    );
    expect(() => loadConfig({ REQUEST_TIMEOUT_MS: 'soon' })).toThrow(/REQUEST_TIMEOUT_MS must be a whole number/);
  });
});
