/**
 * The server process (`node dist/src/main.js`) while its PostgreSQL goes away under a
 * stream of reads and writes: stopped (fast and immediate shutdown) and started again,
 * and its connections terminated one after another. Requests must fail fast with 503
 * SERVICE_UNAVAILABLE rather than hang or crash the process, /readyz must say so, the
 * service must come back by itself, and every write that was acknowledged must be in
 * the database afterwards.
 */
import { Client } from 'pg';
import { generateApiKeySecret } from '../src/auth/api-key-secret';
import { Load, postGraphQL, type Answer } from './support/load';
import { RestartablePostgres, type StopMode } from './support/restartable-postgres';
import { buildIfStale } from './support/run-command';
import { startServerProcess, type ServerProcess } from './support/server-process';
import { TerminatingProxy } from './support/terminating-proxy';
import type { ResponseBody } from './support/test-server';

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

describe('database faults', () => {
  let database: RestartablePostgres;
  let server: ServerProcess;
  let port: number;
  const adminKey = generateApiKeySecret();

  beforeAll(async () => {
    buildIfStale();
    database = await RestartablePostgres.create();
    // The load comes from one address, so the per-client rate limit is off; everything else is as configured by default.
    server = startServerProcess({ DATABASE_URL: database.url, ADMIN_API_KEY: adminKey, RATE_LIMIT_POINTS: '0' });
    port = await server.ready(240_000);
  }, 300_000);
  afterAll(async () => {
    if (server && server.child.exitCode === null) {
      server.child.kill('SIGTERM');
      await server.exited().catch(() => undefined);
    }
    await database?.start().catch(() => undefined);
    await database?.remove();
  });

  async function get(path: string): Promise<{ status: number; body: ResponseBody }> {
    const response = await fetch(`http://127.0.0.1:${port}${path}`);
    return { status: response.status, body: (await response.json()) as ResponseBody };
  }

  /**
   * Every answer must be a success or a fast, clear SERVICE_UNAVAILABLE: never a hang, a dropped
   * connection or an internal error. "Fast" is well under the 10 s request timeout that a hang
   * would run into, with room for a busy machine.
   */
  function unexpectedAnswers(answers: Answer[]): Answer[] {
    return answers.filter(
      (answer) =>
        answer.networkError !== undefined ||
        answer.milliseconds >= 5000 ||
        !((answer.status === 200 && answer.code === undefined) || (answer.status === 503 && answer.code === 'SERVICE_UNAVAILABLE')),
    );
  }

  async function missingAcknowledgedWrites(slugs: string[]): Promise<string[]> {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT slug FROM theme WHERE slug = ANY($1)', [slugs]);
      const present = new Set(rows.map((row) => row.slug as string));
      return slugs.filter((slug) => !present.has(slug));
    } finally {
      await client.end();
    }
  }

  async function waitForReadiness(expected: number, timeoutMilliseconds: number): Promise<number> {
    const startedAt = Date.now();
    while ((await get('/readyz')).status !== expected) {
      if (Date.now() - startedAt > timeoutMilliseconds) throw new Error(`/readyz did not answer ${expected} within ${timeoutMilliseconds} ms`);
      await sleep(50);
    }
    return Date.now();
  }

  it.each<StopMode>(['fast', 'immediate'])(
    'answers 503 SERVICE_UNAVAILABLE at once while the database is down (%s shutdown), and recovers by itself when it returns',
    async (mode) => {
      const load = new Load(port, { clients: 4, apiKey: adminKey, slugPrefix: `outage-${mode}` });
      load.start();
      try {
        await load.waitForSuccesses(20, Date.now(), 15_000);
        await database.stop(mode);
        // Requests in flight at the moment of the stop are answered within moments; then the database is plainly down.
        await sleep(500);
        const outageFrom = Date.now();
        // Both reads and writes are answered during the outage (each client alternates them).
        await load.waitForAnswers(20, outageFrom, 60_000, (answer) => answer.networkError === undefined);
        expect(await get('/readyz')).toEqual({ status: 503, body: { status: 'database unavailable' } });
        expect(await get('/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
        expect(server.child.exitCode).toBeNull();
        const outageTo = Date.now();
        const duringOutage = load.between(outageFrom, outageTo);
        expect(duringOutage.length).toBeGreaterThanOrEqual(20);
        expect(duringOutage.filter((answer) => answer.status !== 503 || answer.code !== 'SERVICE_UNAVAILABLE' || answer.milliseconds >= 5000)).toEqual([]);
        expect(new Set(duringOutage.map((answer) => answer.kind))).toEqual(new Set(['read', 'write']));

        const restartedAt = Date.now();
        await database.start();
        const firstSuccessAt = await load.waitForSuccesses(1, restartedAt, 15_000);
        expect(firstSuccessAt - restartedAt).toBeLessThan(10_000);
        await waitForReadiness(200, 10_000);
        const healthyFrom = Date.now() + 500;
        await sleep(500);
        await load.waitForSuccesses(20, healthyFrom, 60_000);
        const afterRecovery = load.between(healthyFrom, Date.now());
        expect(afterRecovery.length).toBeGreaterThanOrEqual(20);
        expect(afterRecovery.filter((answer) => answer.status !== 200 || answer.code !== undefined)).toEqual([]);
      } finally {
        await load.stop();
      }
      expect(unexpectedAnswers(load.answers)).toEqual([]);
      const acknowledged = load.acknowledgedSlugs();
      expect(acknowledged.length).toBeGreaterThan(10);
      expect(await missingAcknowledgedWrites(acknowledged)).toEqual([]);
    },
  );

  it('keeps serving while its database connections are terminated under load', async () => {
    const load = new Load(port, { clients: 4, apiKey: adminKey, slugPrefix: 'terminated' });
    const administrator = new Client({ connectionString: database.url, application_name: 'briefgraph-test-administrator' });
    await administrator.connect();
    load.start();
    let terminated = 0;
    try {
      await load.waitForSuccesses(20, Date.now(), 15_000);
      const until = Date.now() + 3000;
      while (Date.now() < until) {
        const { rows } = await administrator.query(
          `SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))::int AS terminated FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'briefgraph'`,
        );
        terminated += rows[0].terminated as number;
        await sleep(100);
      }
      expect(server.child.exitCode).toBeNull();
      // New connections replace the terminated ones without anyone's help.
      const calmFrom = Date.now() + 1000;
      await sleep(1000);
      await load.waitForSuccesses(20, calmFrom, 60_000);
      const afterTerminations = load.between(calmFrom, Date.now());
      expect(afterTerminations.length).toBeGreaterThanOrEqual(20);
      expect(afterTerminations.filter((answer) => answer.status !== 200 || answer.code !== undefined)).toEqual([]);
      expect((await get('/readyz')).status).toBe(200);
    } finally {
      await load.stop();
      await administrator.end();
    }
    expect(terminated).toBeGreaterThan(5);
    expect(unexpectedAnswers(load.answers)).toEqual([]);
    const acknowledged = load.acknowledgedSlugs();
    expect(acknowledged.length).toBeGreaterThan(10);
    expect(await missingAcknowledgedWrites(acknowledged)).toEqual([]);
    // The terminations cost a few requests each at most, never the process.
    expect(server.output()).not.toMatch(/uncaught|unhandled/i);
  });
});

describe('a connection terminated the moment the pool hands it over', () => {
  let database: RestartablePostgres;
  let proxy: TerminatingProxy;
  let server: ServerProcess;
  let port: number;

  beforeAll(async () => {
    buildIfStale();
    database = await RestartablePostgres.create();
    proxy = await TerminatingProxy.start(Number(new URL(database.url).port));
    server = startServerProcess({ DATABASE_URL: proxy.urlFor(database.url), RATE_LIMIT_POINTS: '0', CACHE_MAX_AGE_SECONDS: '0' });
    port = await server.ready(240_000);
  }, 300_000);
  afterAll(async () => {
    if (server && server.child.exitCode === null) {
      server.child.kill('SIGTERM');
      await server.exited().catch(() => undefined);
    }
    await proxy?.stop();
    await database?.remove();
  });

  const readMeetings = () => postGraphQL(port, { query: '{ meetings { nodes { number } } }' });

  it('fails those requests with 503 SERVICE_UNAVAILABLE and keeps the process alive', async () => {
    expect((await readMeetings()).status).toBe(200);
    // Every connection from here on is terminated in the same packet that says it is ready:
    // the moment no listener of pg-pool's or TypeORM's is on the client.
    proxy.terminateNewConnectionsWhenReady = true;
    proxy.dropAllConnections();
    const answers = [];
    for (let attempt = 0; attempt < 5; attempt++) answers.push(await readMeetings());
    expect(server.child.exitCode).toBeNull();
    for (const answer of answers) {
      expect(answer.status).toBe(503);
      expect((answer.body as ResponseBody).errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    }
    proxy.terminateNewConnectionsWhenReady = false;
    expect((await readMeetings()).status).toBe(200);
    expect(server.output()).not.toMatch(/uncaught|unhandled|Emitted 'error' event/i);
  });
});
