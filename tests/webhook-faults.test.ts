/**
 * Webhook deliveries while PostgreSQL restarts (a crash: immediate shutdown) in the middle
 * of them: every change committed before is delivered, and a message sent twice (its
 * result could not be recorded) carries the same webhook-id, which receivers discard.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { connectDataSource } from '../src/database/connect';
import { createDataSource } from '../src/database/data-source';
import { runPendingMigrations } from '../src/database/migrate';
import { loadSeedDataset } from '../src/seed/seed-loader';
import { silentLogger } from '../src/shared/logger';
import { RestartablePostgres } from './support/restartable-postgres';
import { buildIfStale } from './support/run-command';
import type { MigratedDatabase } from './support/test-database';
import { seedDirectory, startTestServer, type TestServer } from './support/test-server';
import { waitUntil } from './support/wait-until';

describe('webhook deliveries across a PostgreSQL restart', () => {
  let postgres: RestartablePostgres;
  let server: TestServer | undefined;
  const received: string[] = [];
  const receiver = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      received.push(String(request.headers['webhook-id']));
      response.writeHead(204).end();
    });
  });

  beforeAll(async () => {
    buildIfStale();
    postgres = await RestartablePostgres.create();
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  }, 300_000);
  afterAll(async () => {
    await server?.close().catch(() => undefined);
    receiver.closeAllConnections();
    await new Promise((resolve) => receiver.close(resolve));
    await postgres?.start().catch(() => undefined);
    await postgres?.remove();
  });

  it('delivers every change committed before the crash, repeats only with the same webhook-id', async () => {
    const dataSource = await connectDataSource(createDataSource(postgres.url, { poolSize: 4 }), postgres.url);
    await runPendingMigrations(dataSource, silentLogger);
    await loadSeedDataset(dataSource, seedDirectory);
    const database = { url: postgres.url, name: 'briefgraph', dataSource, drop: async () => undefined, close: () => dataSource.destroy() } as MigratedDatabase;
    server = await startTestServer({
      database,
      server: {
        webhooks: {
          allowPrivateTargets: true,
          pollMilliseconds: 50,
          retryBaseMilliseconds: 50,
          timeoutMilliseconds: 500,
          maximumAttempts: 50,
          failuresBeforeDisabling: 1000,
        },
      },
    });
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
    await dataSource.query(`INSERT INTO webhook (url, secret, record_types) VALUES ($1, 'whsec_c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0', '{organization}')`, [url]);
    const changes = 40;
    await dataSource.query(
      `INSERT INTO organization (slug, name, kind) SELECT 'crash-' || n, 'Crash ' || n, 'RESEARCH_INSTITUTE' FROM generate_series(1, $1) n`,
      [changes],
    );
    // Crash while the dispatcher is at work, then come back.
    await postgres.stop('immediate');
    await postgres.start();
    const delivered = () =>
      dataSource
        .query(`SELECT count(*)::int AS count FROM webhook_delivery WHERE status = 'DELIVERED'`)
        .then((rows: Array<{ count: number }>) => rows[0].count)
        .catch(() => 0);
    await waitUntil(async () => (await delivered()) >= changes, `all ${changes} deliveries`, {
      timeoutMilliseconds: 90_000,
      explain: async () =>
        `Deliveries by status: ${JSON.stringify(await dataSource.query(`SELECT status, count(*)::int AS count FROM webhook_delivery GROUP BY status`))}`,
    });
    const messageIds = ((await dataSource.query(`SELECT message_id FROM webhook_delivery`)) as Array<{ message_id: string }>)
      .map((row) => row.message_id)
      .sort();
    expect(messageIds).toHaveLength(changes);
    expect([...new Set(received)].sort()).toEqual(messageIds);
    await server.close();
    server = undefined;
    await dataSource.destroy();
  }, 120_000);
});
