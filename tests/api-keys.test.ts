/**
 * API keys: created, listed and revoked by admins through the API and from the command
 * line (`npm run keys`), stored hashed, and a fresh install's first admin key from
 * ADMIN_API_KEY.
 */
import { ApiKeyRole } from '../src/auth/api-key.entity';
import { startServerProcess } from './support/server-process';
import { buildIfStale, runCommand } from './support/run-command';
import { createMigratedDatabase, type MigratedDatabase } from './support/test-database';
import { startTestServer, type TestServer } from './support/test-server';

const keyPattern = /^bgk_[A-Za-z0-9_-]{43}$/;
const canWrite = `mutation { themeCreate(input: { slug: "probe-theme", name: "Probe" }) { theme { id } userErrors { code } } }`;

describe('API keys through the API', () => {
  let server: TestServer;
  let admin: string;
  beforeAll(async () => {
    server = await startTestServer({ seed: false });
    admin = await server.createApiKey(ApiKeyRole.ADMIN, 'first-admin');
  });
  afterAll(async () => {
    await server.close();
  });

  it('creates a key whose secret works at once, is shown once, and is stored only as a hash', async () => {
    const created = (
      await server.graphql(
        `mutation { apiKeyCreate(input: { name: "importer", role: EDITOR }) { secret apiKey { id name prefix role revokedAt } userErrors { field code } } }`,
        undefined,
        { apiKey: admin },
      )
    ).data!.apiKeyCreate;
    expect(created.secret).toMatch(keyPattern);
    expect(created.apiKey).toMatchObject({ name: 'importer', role: 'EDITOR', revokedAt: null, prefix: created.secret.slice(0, 12) });
    expect((await server.graphql(`{ apiKeys { name prefix role } }`, undefined, { apiKey: admin })).data!.apiKeys).toContainEqual({
      name: 'importer',
      prefix: created.secret.slice(0, 12),
      role: 'EDITOR',
    });
    const stored = JSON.stringify(await server.database.dataSource.query(`SELECT * FROM api_key`));
    expect(stored).not.toContain(created.secret);
    expect((await server.graphql(canWrite, undefined, { apiKey: created.secret })).data!.themeCreate.userErrors).toEqual([]);
  });

  it('refuses a duplicate or malformed name as user errors', async () => {
    const create = `mutation($name: String!) { apiKeyCreate(input: { name: $name, role: ADMIN }) { secret userErrors { field code } } }`;
    expect((await server.graphql(create, { name: 'first-admin' }, { apiKey: admin })).data!.apiKeyCreate).toEqual({
      secret: null,
      userErrors: [{ field: ['input', 'name'], code: 'TAKEN' }],
    });
    expect((await server.graphql(create, { name: '../../etc' }, { apiKey: admin })).data!.apiKeyCreate).toEqual({
      secret: null,
      userErrors: [{ field: ['input', 'name'], code: 'INVALID' }],
    });
  });

  it('revokes a key: from then on it is refused with 401', async () => {
    const created = (
      await server.graphql(`mutation { apiKeyCreate(input: { name: "short-lived", role: EDITOR }) { secret apiKey { id } } }`, undefined, { apiKey: admin })
    ).data!.apiKeyCreate;
    const revoked = (
      await server.graphql(
        `mutation($id: ID!) { apiKeyRevoke(id: $id) { apiKey { revokedAt } userErrors { code } } }`,
        { id: created.apiKey.id },
        { apiKey: admin },
      )
    ).data!.apiKeyRevoke;
    expect(revoked.apiKey.revokedAt).not.toBeNull();
    const response = await server.graphql(canWrite, undefined, { apiKey: created.secret });
    expect(response.status).toBe(401);
  });
});

describe('API keys from the command line', () => {
  let database: MigratedDatabase;
  beforeAll(async () => {
    buildIfStale();
    database = await createMigratedDatabase();
  }, 180_000);
  afterAll(async () => {
    await database.close();
  });

  it('generates a secret without a database', async () => {
    const result = await runCommand('keys', ['generate']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toMatch(keyPattern);
  });

  it('creates, lists and revokes keys, recording each in the audit log', async () => {
    const created = await runCommand('keys', ['create', '--name', 'ops admin', '--role', 'ADMIN'], database.url);
    expect(created.code).toBe(0);
    const secret = created.stdout.trim();
    expect(secret).toMatch(keyPattern);
    const listed = await runCommand('keys', ['list'], database.url);
    expect(listed.stdout).toContain(`ops admin\t${secret.slice(0, 12)}…\tADMIN\tactive`);
    expect(listed.stdout).not.toContain(secret);
    const duplicate = await runCommand('keys', ['create', '--name', 'ops admin', '--role', 'EDITOR'], database.url);
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toMatch(/already exists/);
    const revoked = await runCommand('keys', ['revoke', '--name', 'ops admin'], database.url);
    expect(revoked.code).toBe(0);
    expect((await runCommand('keys', ['list'], database.url)).stdout).toMatch(/ops admin\t.*\tADMIN\trevoked /);
    const audit = await database.dataSource.query(`SELECT actor_name, action FROM audit_entry ORDER BY id`);
    expect(audit).toEqual([
      { actor_name: 'command line', action: 'keys create' },
      { actor_name: 'command line', action: 'keys revoke' },
    ]);
  });

  it('explains wrong arguments with the usage and exit code 2', async () => {
    const result = await runCommand('keys', ['create', '--name', 'x', '--role', 'OWNER']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--role must be EDITOR or ADMIN/);
    expect(result.stderr).toMatch(/usage: npm run keys/);
  });
});

describe('the bootstrap admin key', () => {
  it('makes ADMIN_API_KEY a working admin key on a fresh install', async () => {
    const database = await createMigratedDatabase();
    const secret = (await runCommand('keys', ['generate'])).stdout.trim();
    try {
      const server = startServerProcess({ DATABASE_URL: database.url, ADMIN_API_KEY: secret });
      const port = await server.ready();
      expect(server.output()).not.toContain(secret);
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
        body: JSON.stringify({ query: `mutation { apiKeyCreate(input: { name: "second", role: EDITOR }) { secret userErrors { code } } }` }),
      });
      const body = (await response.json()) as { data: { apiKeyCreate: { secret: string } } };
      expect(body.data.apiKeyCreate.secret).toMatch(keyPattern);
      server.child.kill('SIGTERM');
      expect((await server.exited()).code).toBe(0);
    } finally {
      await database.close();
    }
  });

  it('refuses a malformed ADMIN_API_KEY at start-up without printing it', async () => {
    const server = startServerProcess({ ADMIN_API_KEY: 'hunter2-not-a-key' });
    const exit = await server.exited();
    expect(exit.code).not.toBe(0);
    expect(server.output()).toMatch(/ADMIN_API_KEY must be a key/);
    expect(server.output()).not.toContain('hunter2');
  });
});
