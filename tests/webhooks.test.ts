/**
 * Webhooks through HTTP with a real local receiver: Standard Webhooks signatures checked
 * with the library's own verifier, retries against a failing receiver, disabling after
 * repeated failures, the outbox surviving a server that never sent, nothing sent for a
 * rolled-back write, one delivery per change with two instances, and targets refused.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { ApiKeyRole } from '../src/auth/api-key.entity';
import { loadSeedDataset } from '../src/seed/seed-loader';
import type { WebhookSettings } from '../src/webhook/webhook-dispatcher';
import { createMigratedDatabase, type MigratedDatabase } from './support/test-database';
import { seedDirectory, startTestServer, type TestServer } from './support/test-server';

interface Received {
  headers: Record<string, string>;
  body: string;
}

/** A local endpoint that records every request and answers as `respond` says (a status, 'hang' or 'close' the connection). */
class Receiver {
  readonly received: Received[] = [];
  respond: (request: Received) => number | 'hang' | 'close' = () => 200;
  private readonly waiters: Array<{ count: number; resolve: () => void }> = [];
  private readonly server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const entry = { headers: request.headers as Record<string, string>, body: Buffer.concat(chunks).toString('utf8') };
      this.received.push(entry);
      const answer = this.respond(entry);
      if (answer === 'close') request.socket.destroy();
      else if (answer !== 'hang') response.writeHead(answer).end();
      for (const waiter of [...this.waiters]) {
        if (this.received.length >= waiter.count) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve();
        }
      }
    });
  });
  url = '';

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
  }

  /** Resolves once `count` requests have arrived in all. */
  receivedCount(count: number): Promise<void> {
    if (this.received.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const fastRetries: Partial<WebhookSettings> = {
  allowPrivateTargets: true,
  pollMilliseconds: 50,
  retryBaseMilliseconds: 50,
  timeoutMilliseconds: 2000,
  failuresBeforeDisabling: 4,
  maximumAttempts: 3,
};

describe('webhooks', () => {
  let database: MigratedDatabase;
  let server: TestServer;
  let receiver: Receiver;
  let admin: string;

  beforeAll(async () => {
    database = await createMigratedDatabase();
    await loadSeedDataset(database.dataSource, seedDirectory);
  });
  afterAll(async () => {
    await database.close();
  });
  beforeEach(async () => {
    receiver = new Receiver();
    await receiver.start();
    server = await startTestServer({ database, server: { webhooks: fastRetries } });
    admin = await server.createApiKey(ApiKeyRole.ADMIN);
    // Each test starts with no webhooks.
    await database.dataSource.query('DELETE FROM webhook');
  });
  afterEach(async () => {
    await server.close();
    await receiver.close();
  });

  async function call(document: string, variables: Record<string, unknown>, on: TestServer = server) {
    const response = await on.graphql(document, variables, { apiKey: admin });
    expect(response.errors).toBeUndefined();
    return response.data!;
  }

  async function createWebhook(input: Record<string, unknown>, on: TestServer = server): Promise<{ id: string; secret: string }> {
    const data = await call(
      `mutation($input: WebhookCreateInput!) { webhookCreate(input: $input) { webhook { id url enabled kinds types } secret userErrors { field message code } } }`,
      { input },
      on,
    );
    expect(data.webhookCreate.userErrors).toEqual([]);
    expect(data.webhookCreate.secret).toMatch(/^whsec_/);
    return { id: data.webhookCreate.webhook.id, secret: data.webhookCreate.secret };
  }

  const createOrganization = (slug: string, on: TestServer = server) =>
    call(
      `mutation($input: OrganizationCreateInput!) { organizationCreate(input: $input) { organization { id } userErrors { code } } }`,
      { input: { slug, name: `Organization ${slug}`, kind: 'RESEARCH_INSTITUTE' } },
      on,
    ).then((data) => data.organizationCreate);

  /** Reads the delivery log until `done` holds (the dispatcher works in the background). */
  interface Delivery {
    messageId: string;
    eventType: string;
    status: string;
    attempts: number;
    lastResponseStatus: number | null;
    lastError: string | null;
    webhook: { id: string };
  }

  async function deliveriesWhen(done: (nodes: Delivery[]) => boolean): Promise<Delivery[]> {
    for (;;) {
      const data = await call(
        `{ webhookDeliveries(first: 100) { nodes { messageId eventType status: deliveryStatus attempts lastResponseStatus lastError webhook { id } } } }`,
        {},
      );
      if (done(data.webhookDeliveries.nodes)) return data.webhookDeliveries.nodes;
      await new Promise((resolve) => setTimeout(resolve, 10)); // polled, not spun: the dispatcher needs the cores
    }
  }

  it('signs each delivery as Standard Webhooks specifies, verified by the library', async () => {
    const { secret } = await createWebhook({ url: receiver.url, types: ['ORGANIZATION'], kinds: ['CREATED'] });
    const created = await createOrganization('webhook-signed');
    await receiver.receivedCount(1);
    const [delivery] = receiver.received;
    const payload = new StandardWebhook(secret).verify(delivery.body, delivery.headers);
    expect(payload).toMatchObject({
      type: 'organization.created',
      data: { kind: 'CREATED', recordType: 'ORGANIZATION', recordId: created.organization.id, changedFields: [] },
    });
    expect(delivery.headers['webhook-id']).toMatch(/^msg_/);
    // A forged or altered message fails the same verification.
    expect(() => new StandardWebhook(secret).verify(delivery.body.replace('organization', 'brief'), delivery.headers)).toThrow();
    const log = await deliveriesWhen((nodes) => nodes.some((node) => node.status === 'DELIVERED'));
    expect(log).toEqual([expect.objectContaining({ messageId: delivery.headers['webhook-id'], status: 'DELIVERED', attempts: 1, lastResponseStatus: 200 })]);
  });

  it('retries a failing receiver with the same webhook-id, and gives up after the last attempt', async () => {
    await createWebhook({ url: receiver.url, types: ['ORGANIZATION'] });
    let answered = 0;
    receiver.respond = () => (++answered < 3 ? 500 : 200);
    await createOrganization('webhook-retried');
    await receiver.receivedCount(3);
    expect(new Set(receiver.received.map((entry) => entry.headers['webhook-id'])).size).toBe(1);
    const [retried] = await deliveriesWhen((nodes) => nodes[0]?.status === 'DELIVERED');
    expect(retried).toMatchObject({ attempts: 3, lastResponseStatus: 200 });

    receiver.respond = () => 503;
    await createOrganization('webhook-given-up');
    const log = await deliveriesWhen((nodes) => nodes[0]?.status === 'FAILED');
    expect(log[0]).toMatchObject({ attempts: 3, lastResponseStatus: 503, lastError: 'HTTP 503' });
  });

  it('retries after a receiver that hangs or closes the connection', async () => {
    await createWebhook({ url: receiver.url, types: ['ORGANIZATION'] });
    const answers: Array<'hang' | 'close' | number> = ['hang', 'close', 204];
    receiver.respond = () => answers.shift() ?? 204;
    await createOrganization('webhook-hung');
    const [delivery] = await deliveriesWhen((nodes) => nodes[0]?.status === 'DELIVERED');
    expect(delivery).toMatchObject({ attempts: 3, lastResponseStatus: 204 });
    expect(receiver.received).toHaveLength(3);
  });

  it('disables an endpoint that keeps failing, saying why, and resumes when enabled again', async () => {
    const { id } = await createWebhook({ url: receiver.url, types: ['ORGANIZATION'] });
    receiver.respond = () => 500;
    for (const index of [1, 2]) await createOrganization(`webhook-failing-${index}`);
    let webhook: { id: string; enabled: boolean; disabledReason: string | null; consecutiveFailures: number };
    for (;;) {
      webhook = (await call(`{ webhooks { id enabled disabledReason consecutiveFailures } }`, {})).webhooks[0];
      if (!webhook.enabled) break;
      await new Promise((resolve) => setTimeout(resolve, 10)); // polled, not spun: the dispatcher needs the cores
    }
    // Both organizations' deliveries are attempted side by side: one already under way when the fourth failure
    // disables the endpoint still fails after it, and counts (the run of failures is then 5 long).
    expect(webhook.id).toBe(id);
    expect(webhook.consecutiveFailures).toBeGreaterThanOrEqual(4);
    expect(webhook.disabledReason).toMatch(/4 failed delivery attempts in a row; the last: HTTP 500/);
    receiver.respond = () => 200;
    const enabled = await call(
      `mutation($id: ID!) { webhookUpdate(id: $id, input: { enabled: true }) { webhook { enabled disabledReason consecutiveFailures } userErrors { code } } }`,
      { id },
    );
    expect(enabled.webhookUpdate.webhook).toEqual({ enabled: true, disabledReason: null, consecutiveFailures: 0 });
    await deliveriesWhen((nodes) => nodes.every((node) => node.status !== 'PENDING'));
  });

  it('keeps in the outbox what a server committed but never sent, and sends nothing for a rolled-back write', async () => {
    await createWebhook({ url: receiver.url, types: ['ORGANIZATION'] });
    // A server without a dispatcher stands for one that died right after committing (and no other is running).
    await server.close();
    const silent = await startTestServer({ database, server: { webhooks: false } });
    await createOrganization('webhook-outbox', silent);
    const rolledBack = await createOrganization('webhook-outbox', silent); // the slug is taken: nothing is written
    expect(rolledBack.userErrors).toEqual([{ code: 'TAKEN' }]);
    await silent.close();
    expect(receiver.received).toEqual([]);
    const pending = (await database.dataSource.query(`SELECT count(*)::int AS count FROM webhook_delivery WHERE status = 'PENDING'`)) as Array<{
      count: number;
    }>;
    expect(pending[0].count).toBe(1);

    server = await startTestServer({ database, server: { webhooks: fastRetries } });
    await receiver.receivedCount(1);
    await deliveriesWhen((nodes) => nodes.length === 1 && nodes[0].status === 'DELIVERED');
    expect(receiver.received).toHaveLength(1);
  });

  it('sends each change once with two instances sharing the outbox', async () => {
    await createWebhook({ url: receiver.url, types: ['ORGANIZATION'] });
    const second = await startTestServer({ database, server: { webhooks: fastRetries } });
    try {
      const changes = 12;
      await Promise.all(Array.from({ length: changes }, (_, index) => createOrganization(`webhook-twice-${index}`, index % 2 ? second : server)));
      const log = await deliveriesWhen((nodes) => nodes.length === changes && nodes.every((node) => node.status === 'DELIVERED'));
      expect(log.every((node) => node.attempts === 1)).toBe(true);
      expect(receiver.received).toHaveLength(changes);
      expect(new Set(receiver.received.map((entry) => entry.headers['webhook-id'])).size).toBe(changes);
    } finally {
      await second.close();
    }
  });

  it('refuses to connect to a private address at sending time too, unless allowed', async () => {
    // As if saved while allowed (or before its name moved to a private address): only a strict dispatcher runs.
    await server.close();
    const strict = await startTestServer({ database, server: { webhooks: { ...fastRetries, allowPrivateTargets: false } } });
    try {
      await database.dataSource.query(
        `INSERT INTO webhook (url, secret, record_types) VALUES ($1, 'whsec_c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0', '{organization}')`,
        [receiver.url.replace('127.0.0.1', 'localhost')],
      );
      await createOrganization('webhook-private-target', strict);
      for (;;) {
        const [delivery] = (await database.dataSource.query(`SELECT attempts, last_error FROM webhook_delivery ORDER BY id DESC LIMIT 1`)) as Array<{
          attempts: number;
          last_error: string | null;
        }>;
        if (delivery?.last_error) {
          expect(delivery.last_error).toMatch(/refused: localhost resolves to a private address/);
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 10)); // polled, not spun: the dispatcher needs the cores
      }
      expect(receiver.received).toEqual([]);
    } finally {
      await strict.close();
      server = await startTestServer({ database, server: { webhooks: fastRetries } });
    }
  });

  it('refuses targets that are not http(s) or that are private, unless allowed', async () => {
    const strict = await startTestServer({ database, server: { webhooks: false } });
    try {
      const create = `mutation($input: WebhookCreateInput!) { webhookCreate(input: $input) { webhook { id } secret userErrors { field message code } } }`;
      for (const url of [
        'ftp://example.org/hook',
        'http://127.0.0.1:9/hook',
        'http://[::1]:9/hook',
        'http://169.254.169.254/latest',
        'http://10.1.2.3/hook',
        'http://localhost:9/hook',
        'not a url',
      ]) {
        const data = await call(create, { input: { url } }, strict);
        expect(data.webhookCreate).toMatchObject({ webhook: null, secret: null, userErrors: [{ field: ['input', 'url'], code: 'INVALID' }] });
      }
      const editor = await strict.createApiKey(ApiKeyRole.EDITOR);
      const forbidden = await strict.graphql(create, { input: { url: 'https://example.org/hook' } }, { apiKey: editor });
      expect(forbidden.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    } finally {
      await strict.close();
    }
  });
});
