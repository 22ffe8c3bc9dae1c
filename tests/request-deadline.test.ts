/**
 * A request that runs out of time cancels its statement in PostgreSQL even when the cancel
 * overtakes the statement: PostgreSQL drops a cancel that reaches an idle backend, so the
 * client sends it again until the statement is answered. A proxy that holds back the
 * statement (but not the cancel) makes the race certain; a lock makes the statement wait
 * for as long as nothing cancels it.
 */
import { Client } from 'pg';
import { DeadlineAwareClient, RequestDeadline, runWithDeadline } from '../src/database/request-deadline';
import { DelayingProxy } from './support/delaying-proxy';
import { createEmptyDatabase, type TestDatabase } from './support/test-database';

describe('cancelling the statements of a request out of time', () => {
  let database: TestDatabase;
  let proxy: DelayingProxy;
  let locker: Client;

  beforeAll(async () => {
    database = await createEmptyDatabase();
    locker = new Client({ connectionString: database.url });
    await locker.connect();
    await locker.query('CREATE TABLE held (id int)');
    proxy = await DelayingProxy.start(Number(new URL(database.url).port), new URL(database.url).hostname);
  });
  afterAll(async () => {
    await locker.end();
    await proxy.stop();
    await database.drop();
  });

  it('cancels a statement that the cancel overtook on its way to the database', async () => {
    const client = new DeadlineAwareClient({ connectionString: proxy.urlFor(database.url) });
    await client.connect();
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE held IN ACCESS EXCLUSIVE MODE');
    try {
      // The statement reaches the backend 300 ms after it is sent; the first cancel goes at once.
      proxy.delayMilliseconds = 300;
      const deadline = new RequestDeadline();
      const statement = runWithDeadline(deadline, () => client.query('SELECT count(*) FROM held')).then(
        () => 'answered',
        (error: { code?: string }) => error.code,
      );
      await deadline.expire();
      // Without a cancel that lands, the statement would wait on the lock for as long as it is held.
      const stillWaiting = new Promise((resolve) => setTimeout(() => resolve('still waiting on the lock'), 20_000).unref());
      expect(await Promise.race([statement, stillWaiting])).toBe('57014');
    } finally {
      proxy.delayMilliseconds = 0;
      await locker.query('ROLLBACK');
      await client.end();
    }
  });
});
