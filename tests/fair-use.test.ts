/**
 * Fair use of the database pool (src/traffic/database-share.ts): one client's requests,
 * however many and however large, hold only its share of the pool, so other clients'
 * small requests are still served; and a request whose client went away stops its
 * database work. Slow requests are made by holding a lock from another connection.
 */
import { Client } from 'pg';
import { ApiKeyRole } from '../src/auth/api-key.entity';
import { defaultDatabaseShare } from '../src/traffic/database-share';
import { startTestServer, type TestServer } from './support/test-server';
import { waitUntil } from './support/wait-until';

const { perClient, perRequest } = defaultDatabaseShare;

describe('fair use of the database', () => {
  let server: TestServer;
  let locker: Client;
  let observer: Client;
  let heavyClient: string;

  beforeAll(async () => {
    // A test database's pool (4 connections, tests/support/test-database.ts) and the default shares (src/traffic/database-share.ts).
    server = await startTestServer();
    heavyClient = await server.createApiKey(ApiKeyRole.EDITOR);
    locker = new Client({ connectionString: server.database.url, application_name: 'briefgraph-test-locker' });
    await locker.connect();
    observer = new Client({ connectionString: server.database.url, application_name: 'briefgraph-test-observer' });
    await observer.connect();
  });
  // A test that failed while holding the lock must not leave the next one waiting on it.
  afterEach(async () => {
    await locker.query('ROLLBACK');
  });
  afterAll(async () => {
    await locker.end();
    await observer.end();
    await server.close();
  });

  /** The server's statements waiting on the locker's lock. */
  async function waitingOnLock(): Promise<number> {
    const { rows } = await observer.query(
      `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'briefgraph' AND wait_event_type = 'Lock'`,
    );
    return rows[0].waiting as number;
  }

  /** What this database's sessions are doing and which table locks they hold or wait for: the story of a failed wait. */
  async function databaseActivity(): Promise<string> {
    const { rows } = await observer.query(
      `SELECT a.pid, a.application_name, a.state, a.wait_event_type, a.wait_event, left(a.query, 80) AS query,
              (SELECT string_agg(l.relation::regclass || ' ' || l.mode || CASE WHEN l.granted THEN '' ELSE ' (waiting)' END, ', ')
                 FROM pg_locks l WHERE l.pid = a.pid AND l.relation IS NOT NULL AND l.relation >= 16384) AS table_locks
         FROM pg_stat_activity a WHERE a.datname = current_database() AND a.pid <> pg_backend_pid()`,
    );
    return `The database's sessions: ${JSON.stringify(rows, null, 1)}`;
  }

  /**
   * Resolves once `count` of the server's statements wait on the lock (polling PostgreSQL, which says when they do).
   * Fails, saying what the database was doing, if one of `requests` is answered first (it never reached the lock)
   * or after a minute: a guard against a hang, not a speed limit.
   */
  async function untilWaiting(count: number, requests: Array<Promise<unknown>>): Promise<void> {
    let answered: { answer: unknown } | undefined;
    for (const request of requests)
      request.then(
        (answer) => (answered ??= { answer }),
        (error: unknown) => (answered ??= { answer: String(error) }),
      );
    await waitUntil(async () => (await waitingOnLock()) >= count, `${count} statement(s) waiting on the lock`, {
      hopeless: () => (answered ? `a request was answered first: ${JSON.stringify(answered.answer)}` : undefined),
      explain: databaseActivity,
    });
  }

  async function withLock(table: string, work: () => Promise<void>): Promise<void> {
    await locker.query('BEGIN');
    try {
      // Not held up by another session's lock for long without saying whose.
      await locker.query(`SET LOCAL lock_timeout = '60s'`);
      await locker.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`).catch(async (error: Error) => {
        throw new Error(`could not lock ${table}: ${error.message}. ${await databaseActivity()}`);
      });
      await work();
    } finally {
      await locker.query('ROLLBACK');
    }
  }

  it("holds ten concurrent requests of one client to its share of the pool, and serves other clients' small requests meanwhile", async () => {
    await withLock('theme', async () => {
      const heavy = Array.from({ length: 10 }, () => server.graphql(`{ themes(first: 5) { nodes { name } } }`, undefined, { apiKey: heavyClient }));
      await untilWaiting(perClient, heavy);
      // Another client (no key: its address) reads something else at once, several times.
      for (let attempt = 0; attempt < 5; attempt++) {
        const small = await server.graphql(`{ meetings(first: 2) { nodes { number } } }`);
        expect(small.status).toBe(200);
        expect(small.errors).toBeUndefined();
      }
      // Only the client's share reached the database; the rest wait for it, not for the pool.
      expect(await waitingOnLock()).toBe(perClient);
      await locker.query('ROLLBACK');
      await locker.query('BEGIN');
      for (const answer of await Promise.all(heavy)) expect(answer.status).toBe(200);
    });
  });

  it('gives one request (fifteen aliased facet counts) no more than its share of connections at once', async () => {
    await withLock('lesson', async () => {
      const aliases = Array.from({ length: 15 }, (_, index) => `f${index}: lessonFacets { themes { count } }`).join(' ');
      const facets = server.graphql(`{ ${aliases} }`);
      await untilWaiting(perRequest, [facets]);
      const small = await server.graphql(`{ meetings(first: 2) { nodes { number } } }`, undefined, { apiKey: heavyClient });
      expect(small.status).toBe(200);
      expect(await waitingOnLock()).toBe(perRequest);
      await locker.query('ROLLBACK');
      await locker.query('BEGIN');
      const answer = await facets;
      expect(answer.errors).toBeUndefined();
      expect(Object.keys(answer.data!)).toHaveLength(15);
    });
  });

  it('refuses a client more requests in flight than REQUESTS_IN_FLIGHT_PER_CLIENT at once, and no other client', async () => {
    // The client's database share is as large as its requests in flight, so every one of them shows in PostgreSQL,
    // waiting on the lock: only then are they all in flight for sure. (Waiting for fewer raced the others' arrival:
    // a fourth request admitted early waits for the share behind the lock, and the test hung.)
    const limited = await startTestServer({
      database: server.database,
      server: { requestsInFlightPerClient: 2, databaseShare: { perClient: 2, perRequest: 1 } },
    });
    try {
      await withLock('theme', async () => {
        const waiting = Array.from({ length: 2 }, () => limited.graphql(`{ themes(first: 2) { nodes { name } } }`, undefined, { apiKey: heavyClient }));
        await untilWaiting(2, waiting);
        const refused = await limited.graphql(`{ meetings(first: 1) { nodes { number } } }`, undefined, { apiKey: heavyClient });
        expect(refused.status).toBe(429);
        expect(refused.headers.get('retry-after')).toBe('1');
        expect(refused.errors![0]).toMatchObject({
          message: expect.stringMatching(/already has 2 requests in flight/),
          extensions: { code: 'TOO_MANY_REQUESTS_IN_FLIGHT' },
        });
        expect((await limited.graphql(`{ meetings(first: 1) { nodes { number } } }`)).status).toBe(200);
        await locker.query('ROLLBACK');
        await locker.query('BEGIN');
        for (const answer of await Promise.all(waiting)) expect(answer.status).toBe(200);
      });
      expect((await limited.graphql(`{ meetings(first: 1) { nodes { number } } }`, undefined, { apiKey: heavyClient })).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('stops the database work of a request whose client went away', async () => {
    await withLock('theme', async () => {
      const abandoned = new AbortController();
      const request = fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ themes(first: 3) { nodes { name } } }' }),
        signal: abandoned.signal,
      }).catch((error: Error) => error);
      await untilWaiting(1, [request]);
      abandoned.abort();
      expect(((await request) as Error).name).toBe('AbortError');
      // Cancelled in PostgreSQL while the lock is still held, not left waiting for it.
      await waitUntil(async () => (await waitingOnLock()) === 0, 'the abandoned statement to stop waiting on the lock', { explain: databaseActivity });
      expect(await waitingOnLock()).toBe(0);
    });
    expect((await server.graphql(`{ themes(first: 1) { totalCount } }`)).status).toBe(200);
  });
});
