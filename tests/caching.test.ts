/**
 * Caching: HTTP Cache-Control for CDNs, the server-side cache of anonymous answers
 * (never stale: a write by anyone is visible on the next read), automatic persisted
 * queries and safelist mode, and all of it shared through Redis by several instances.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { ApiKeyRole } from '../src/auth/api-key.entity';
import { readSafelist, sha256Hex, SafelistError } from '../src/caching/safelist';
import { loadSeedDataset } from '../src/seed/seed-loader';
import { createMigratedDatabase } from './support/test-database';
import { seedDirectory, startTestServer, type ResponseBody, type TestServer } from './support/test-server';

const briefTitle = `{ brief(slug: "always-room-for-improvement") { title } }`;

describe('HTTP caching headers', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ server: { cacheMaxAgeSeconds: 60 } });
  });
  afterAll(async () => {
    await server.close();
  });

  it('lets anonymous answers be cached publicly, varying by Authorization', async () => {
    const response = await server.graphql(briefTitle);
    expect(response.headers.get('cache-control')).toBe('max-age=60, public');
    expect(response.headers.get('vary')).toMatch(/Authorization/);
  });

  it('serves queries over GET (what a CDN caches), with the same headers', async () => {
    const response = await fetch(`${server.url}/graphql?query=${encodeURIComponent(briefTitle)}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('max-age=60, public');
    expect(((await response.json()) as ResponseBody<{ brief: { title: string } }>).data.brief.title).toBeTruthy();
  });

  it('never lets answers to keyed requests, mutations, errors or admin data be stored', async () => {
    const admin = await server.createApiKey(ApiKeyRole.ADMIN);
    expect((await server.graphql(briefTitle, undefined, { apiKey: admin })).headers.get('cache-control')).toBe('no-store');
    expect(
      (await server.graphql(`mutation { themeCreate(input: { slug: "x-y", name: "X" }) { theme { id } } }`, undefined, { apiKey: admin })).headers.get(
        'cache-control',
      ),
    ).toBe('no-store');
    expect((await server.graphql(`{ brief(slug: 7) { title } }`)).headers.get('cache-control')).toBe('no-store');
    expect((await server.graphql(`{ auditLog(first: 1) { totalCount } }`, undefined, { apiKey: admin })).headers.get('cache-control')).toBe('no-store');
  });
});

describe('the response cache', () => {
  let server: TestServer;
  let editor: string;
  beforeAll(async () => {
    server = await startTestServer({ server: { cacheMaxAgeSeconds: 60 } });
    editor = await server.createApiKey(ApiKeyRole.EDITOR);
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers a repeated anonymous query from the cache without touching the database, the same answer', async () => {
    const query = `{ briefs(first: 3, orderBy: TITLE_ASC) { totalCount nodes { title lessons(first: 2) { nodes { statement } } } } }`;
    const first = await server.graphql(query);
    const second = await server.graphql(query);
    expect(first.headers.get('x-cache')).toBe('MISS');
    expect(second.headers.get('x-cache')).toBe('HIT');
    expect(second.data).toEqual(first.data);
    expect(first.headers.get('x-sql-statements')).toBe('1');
    expect(second.headers.get('x-sql-statements')).toBe('0');
    expect(second.headers.get('cache-control')).toMatch(/^max-age=\d+, public$/);
  });

  it('shows a write through the API on the very next read', async () => {
    // A query text of its own: other tests in this file cache briefTitle, and this one must see its own first MISS.
    const query = `query NextReadAfterWrite { brief(slug: "always-room-for-improvement") { title } }`;
    expect((await server.graphql(query)).headers.get('x-cache')).toBe('MISS');
    expect((await server.graphql(query)).headers.get('x-cache')).toBe('HIT');
    const { id } = (await server.graphql(`{ brief(slug: "always-room-for-improvement") { id } }`)).data!.brief;
    await server.graphql(
      `mutation($id: ID!) { briefUpdate(id: $id, input: { title: "Retitled by an editor" }) { userErrors { message } } }`,
      { id },
      { apiKey: editor },
    );
    const after = await server.graphql(query);
    expect(after.headers.get('x-cache')).toBe('MISS');
    expect(after.data!.brief.title).toBe('Retitled by an editor');
  });

  it('shows a write made outside the API (the import command, psql) as soon as the server hears of it', async () => {
    const query = `{ theme(slug: "data-use") { name } }`;
    await server.graphql(query);
    expect((await server.graphql(query)).headers.get('x-cache')).toBe('HIT');
    const heard = server.changeHeard('theme');
    await server.database.dataSource.query(`UPDATE theme SET name = 'Data use, renamed in psql' WHERE slug = 'data-use'`);
    await heard;
    const after = await server.graphql(query);
    expect(after.data!.theme.name).toBe('Data use, renamed in psql');
  });

  it('drops answers whose filters read what changed (a theme moved under another counts for it)', async () => {
    const { id: parent } = (await server.graphql(`{ theme(slug: "school-turnaround") { id } }`)).data!.theme;
    const query = `query($parent: ID!) { briefs(filter: { themes: { anyOf: [$parent] } }) { totalCount } }`;
    const before = (await server.graphql(query, { parent })).data!.briefs.totalCount;
    expect((await server.graphql(query, { parent })).headers.get('x-cache')).toBe('HIT');
    const { id: moved } = (await server.graphql(`{ theme(slug: "accountability") { id } }`)).data!.theme;
    await server.graphql(
      `mutation($id: ID!, $parent: ID!) { themeUpdate(id: $id, input: { parentId: $parent }) { userErrors { message } } }`,
      { id: moved, parent },
      { apiKey: editor },
    );
    const after = await server.graphql(query, { parent });
    expect(after.headers.get('x-cache')).toBe('MISS');
    const keyed = await server.graphql(query, { parent }, { apiKey: editor });
    expect(after.data!.briefs.totalCount).toBe(keyed.data!.briefs.totalCount);
    expect(after.data!.briefs.totalCount).toBeGreaterThan(before);
  });

  it('keeps answers that a write cannot have changed', async () => {
    const query = `{ meetings(first: 3) { nodes { number } } }`;
    await server.graphql(query);
    await server.graphql(
      `mutation { districtCreate(input: { slug: "unrelated-district", name: "Unrelated", state: "OR", kind: SCHOOL_DISTRICT }) { userErrors { message } } }`,
      undefined,
      { apiKey: editor },
    );
    expect((await server.graphql(query)).headers.get('x-cache')).toBe('HIT');
  });

  it('drops lists when a draft is published, and answers in search depend on everything', async () => {
    const count = `{ lessons(first: 1) { totalCount } }`;
    const before = (await server.graphql(count)).data!.lessons.totalCount;
    const { id: publisherId } = (await server.graphql(`{ organization(slug: "core-districts") { id } }`)).data!.organization;
    const created = await server.graphql(
      `mutation($input: BriefCreateInput!) { briefCreate(input: $input) { brief { id } } }`,
      { input: { slug: 'cached-draft', title: 'Quokka draft', kind: 'REPORT', summary: 'S', publisherId, lessons: [{ statement: 'Quokka lesson' }] } },
      { apiKey: editor },
    );
    expect((await server.graphql(count)).data!.lessons.totalCount).toBe(before);
    const search = `{ search(query: "quokka") { totalCount } }`;
    expect((await server.graphql(search)).data!.search.totalCount).toBe(0);
    await server.graphql(
      `mutation($id: ID!) { briefPublish(id: $id) { userErrors { message } } }`,
      { id: created.data!.briefCreate.brief.id },
      { apiKey: editor },
    );
    expect((await server.graphql(count)).data!.lessons.totalCount).toBe(before + 1);
    expect((await server.graphql(search)).data!.search.totalCount).toBe(2);
  });

  it('serves nothing from the cache while it cannot hear of changes, and starts afresh once it can', async () => {
    const query = `{ organizations(first: 2) { nodes { slug } } }`;
    await server.graphql(query);
    expect((await server.graphql(query)).headers.get('x-cache')).toBe('HIT');
    const listening: boolean[] = [];
    const stopped = new Promise<void>((resolve) => server.changes.onListeningChange((now) => (listening.push(now), now ? undefined : resolve())));
    await server.database.dataSource.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'briefgraph changes'`,
    );
    await stopped;
    expect((await server.graphql(query)).headers.get('x-cache')).toBe('BYPASS');
    await new Promise<void>((resolve) => server.changes.onListeningChange((now) => now && resolve()));
    // Whatever was cached before the gap might be stale: it is never served again.
    expect((await server.graphql(query)).headers.get('x-cache')).toBe('MISS');
    expect((await server.graphql(query)).headers.get('x-cache')).toBe('HIT');
  });

  it('is never used for requests with a key (they may see drafts)', async () => {
    await server.graphql(briefTitle);
    const keyed = await server.graphql(briefTitle, undefined, { apiKey: editor });
    expect(keyed.headers.get('x-cache')).toBeNull();
  });
});

describe('two instances, each with a cache of its own', () => {
  let first: TestServer;
  let second: TestServer;
  beforeAll(async () => {
    first = await startTestServer({ server: { cacheMaxAgeSeconds: 60 } });
    second = await startTestServer({ database: first.database, server: { cacheMaxAgeSeconds: 60 } });
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it('drop an answer when the other instance writes, as soon as they hear of the write', async () => {
    const editor = await first.createApiKey(ApiKeyRole.EDITOR);
    await second.graphql(briefTitle);
    expect((await second.graphql(briefTitle)).headers.get('x-cache')).toBe('HIT');
    const { id } = (await first.graphql(`{ brief(slug: "always-room-for-improvement") { id } }`)).data!.brief;
    const heard = second.changeHeard('brief');
    await first.graphql(
      `mutation($id: ID!) { briefUpdate(id: $id, input: { title: "Written through the first instance" }) { userErrors { message } } }`,
      { id },
      { apiKey: editor },
    );
    await heard;
    const after = await second.graphql(briefTitle);
    expect(after.headers.get('x-cache')).toBe('MISS');
    expect(after.data!.brief.title).toBe('Written through the first instance');
  });
});

describe('persisted queries', () => {
  const registered = `query ThemeNames { themes(first: 3) { nodes { name } } }`;
  let manifestFile: string;
  beforeAll(() => {
    manifestFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'briefgraph-safelist-')), 'manifest.json');
    fs.writeFileSync(
      manifestFile,
      JSON.stringify({
        format: 'apollo-persisted-query-manifest',
        version: 1,
        operations: [{ id: sha256Hex(registered), name: 'ThemeNames', type: 'query', body: registered }],
      }),
    );
  });

  const byHash = (server: TestServer, query: string, withText: boolean) =>
    fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...(withText ? { query } : {}), extensions: { persistedQuery: { version: 1, sha256Hash: sha256Hex(query) } } }),
    }).then(async (response) => ({ status: response.status, body: (await response.json()) as ResponseBody }));

  it('registers a query sent with its hash, then runs it by hash alone (automatic persisted queries)', async () => {
    const server = await startTestServer({ seed: false });
    try {
      const query = `{ themes(first: 1) { totalCount } }`;
      expect((await byHash(server, query, false)).body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
      expect((await byHash(server, query, true)).body.data.themes.totalCount).toBe(0);
      expect((await byHash(server, query, false)).body.data.themes.totalCount).toBe(0);
    } finally {
      await server.close();
    }
  });

  it('in safelist-only mode runs registered operations (by text or hash) and refuses others, except with a key', async () => {
    const server = await startTestServer({ server: { safelist: readSafelist(manifestFile), safelistOnly: true } });
    try {
      expect((await server.graphql(registered)).data!.themes.nodes).toHaveLength(3);
      expect((await byHash(server, registered, false)).body.data.themes.nodes).toHaveLength(3);
      const other = await server.graphql(`{ themes(first: 1) { totalCount } }`);
      expect(other.status).toBe(400);
      expect(other.errors![0].extensions!.code).toBe('OPERATION_NOT_IN_SAFELIST');
      expect((await byHash(server, `{ __typename }`, true)).body.errors[0].extensions.code).toBe('OPERATION_NOT_IN_SAFELIST');
      const editor = await server.createApiKey(ApiKeyRole.EDITOR);
      expect((await server.graphql(`{ themes(first: 1) { totalCount } }`, undefined, { apiKey: editor })).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('refuses a manifest whose ids do not match their bodies, naming the file and entry', () => {
    const bad = path.join(path.dirname(manifestFile), 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations: [{ id: 'abc', body: '{ __typename }' }] }));
    expect(() => readSafelist(bad)).toThrow(SafelistError);
    expect(() => readSafelist(bad)).toThrow(/bad\.json: operations\[0\] has id abc/);
  });
});

/** Found by tests/support/global-setup.ts; on a machine without Redis these tests are reported as skipped. */
const redisUrl = process.env.BRIEFGRAPH_TEST_REDIS_URL;
const describeWithRedis = redisUrl ? describe : describe.skip;

/** Two servers on one database sharing a Redis under a key prefix of their own, so no test sees another's state. */
async function startInstancesSharingRedis(redis: Redis, database?: TestServer['database']): Promise<[TestServer, TestServer]> {
  const shared = {
    redis,
    redisKeyPrefix: `briefgraph-test-${randomBytes(4).toString('hex')}:`,
    cacheMaxAgeSeconds: 60,
    rateLimit: { points: 40, windowSeconds: 86_400 },
  };
  const first = await startTestServer({ database, server: shared });
  const second = await startTestServer({ database: first.database, server: shared });
  return [first, second];
}

describeWithRedis('two instances sharing Redis', () => {
  let redis: Redis;
  let database: TestServer['database'];
  let first: TestServer;
  let second: TestServer;
  beforeAll(async () => {
    redis = new Redis(redisUrl!);
    database = await createMigratedDatabase();
    await loadSeedDataset(database.dataSource, seedDirectory);
  });
  beforeEach(async () => {
    [first, second] = await startInstancesSharingRedis(redis, database);
  });
  afterEach(async () => {
    await second?.close();
    await first?.close();
  });
  afterAll(async () => {
    await database?.close();
    redis?.disconnect();
  });

  it('serve from one cache: an answer stored by one instance is a hit on the other', async () => {
    const query = `{ themes(first: 4) { nodes { slug } } }`;
    expect((await first.graphql(query)).headers.get('x-cache')).toBe('MISS');
    const fromSecond = await second.graphql(query);
    expect(fromSecond.headers.get('x-cache')).toBe('HIT');
  });

  it('show a write through one instance on the next read through the other', async () => {
    await second.graphql(briefTitle);
    expect((await second.graphql(briefTitle)).headers.get('x-cache')).toBe('HIT');
    const editor = await first.createApiKey(ApiKeyRole.EDITOR);
    const { id } = (await first.graphql(`{ brief(slug: "always-room-for-improvement") { id } }`)).data!.brief;
    await first.graphql(
      `mutation($id: ID!) { briefUpdate(id: $id, input: { title: "Written through the first" }) { userErrors { message } } }`,
      { id },
      { apiKey: editor },
    );
    expect((await second.graphql(briefTitle)).data!.brief.title).toBe('Written through the first');
  });

  it('share persisted queries', async () => {
    const query = `{ districts(first: 2) { totalCount } }`;
    const send = (server: TestServer, withText: boolean) =>
      fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...(withText ? { query } : {}), extensions: { persistedQuery: { version: 1, sha256Hash: sha256Hex(query) } } }),
      }).then((response) => response.json() as Promise<ResponseBody<{ districts: { totalCount: number } }>>);
    await send(first, true);
    expect((await send(second, false)).data.districts.totalCount).toBeGreaterThan(0);
  });

  it('share rate-limit budgets', async () => {
    const spend = async (server: TestServer) => server.graphql(`{ __typename }`);
    let remaining = Number((await spend(first)).headers.get('x-ratelimit-remaining'));
    while (remaining > 0) remaining = Number((await spend(remaining % 2 ? first : second)).headers.get('x-ratelimit-remaining'));
    expect((await spend(second)).status).toBe(429);
    expect((await spend(first)).status).toBe(429);
  });
});
