/**
 * Rate limiting by cost: each client (API key, else address) has a points budget per
 * window; each operation costs what it may return; over budget is HTTP 429 with
 * Retry-After, and every answer says what is left.
 */
import { ApiKeyRole } from '../src/auth/api-key.entity';
import { startTestServer, type TestServer } from './support/test-server';

describe('rate limits', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer({ server: { rateLimit: { points: 30, windowSeconds: 86_400 } } });
  });
  afterEach(async () => {
    await server.close();
  });

  const budget = (headers: Headers) => ({
    limit: Number(headers.get('x-ratelimit-limit')),
    remaining: Number(headers.get('x-ratelimit-remaining')),
    cost: Number(headers.get('x-ratelimit-cost')),
    reset: Number(headers.get('x-ratelimit-reset')),
  });

  it('charges each query its cost and reports the budget on every answer', async () => {
    const cheap = await server.graphql(`{ themes(first: 5) { nodes { name } } }`);
    expect(budget(cheap.headers)).toMatchObject({ limit: 30, remaining: 29, cost: 1 });
    expect(budget(cheap.headers).reset * 1000).toBeGreaterThan(Date.now());
    // 100 briefs with 10 lessons each may return 1,100 nodes: 11 points.
    const costly = await server.graphql(`{ briefs(first: 100) { nodes { lessons(first: 10) { nodes { statement } } } } }`);
    expect(costly.errors).toBeUndefined();
    expect(budget(costly.headers)).toMatchObject({ remaining: 18, cost: 11 });
  });

  it('refuses an operation it cannot afford with 429 and Retry-After, without running it, then refuses everything until the window resets', async () => {
    await server.graphql(`{ briefs(first: 100) { nodes { lessons(first: 10) { nodes { statement } } } } }`);
    await server.graphql(`{ briefs(first: 100) { nodes { lessons(first: 10) { nodes { statement } } } } }`);
    const refused = await server.graphql(`{ briefs(first: 100) { nodes { lessons(first: 10) { nodes { statement } } } } }`);
    expect(refused.status).toBe(429);
    expect(refused.errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED', cost: 11, remaining: 8 });
    expect(refused.errors![0].message).toMatch(/costs 11 points and 8 of 30 are left/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('x-sql-statements')).toBe('0');
    // Cheap operations still fit until the budget is spent.
    for (let index = 0; index < 8; index++) expect((await server.graphql(`{ __typename }`)).status).toBe(200);
    const spent = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(spent.status).toBe(429);
    expect(spent.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(spent.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(((await spent.json()) as any).errors[0].extensions.code).toBe('RATE_LIMITED');
  });

  it('gives each API key its own budget, apart from the address', async () => {
    const key = await server.createApiKey(ApiKeyRole.EDITOR);
    for (let index = 0; index < 30; index++) await server.graphql(`{ __typename }`);
    expect((await server.graphql(`{ __typename }`)).status).toBe(429);
    const keyed = await server.graphql(`{ __typename }`, undefined, { apiKey: key });
    expect(keyed.status).toBe(200);
    expect(budget(keyed.headers)).toMatchObject({ remaining: 29 });
  });

  it('charges mutations more, and counts malformed requests too', async () => {
    const key = await server.createApiKey(ApiKeyRole.EDITOR);
    const created = await server.graphql(`mutation { themeCreate(input: { slug: "rate-limited", name: "Rate limited" }) { theme { id } } }`, undefined, { apiKey: key });
    expect(budget(created.headers)).toMatchObject({ cost: 10, remaining: 20 });
    const broken = await server.graphql(`{ themes(first: 1) {`, undefined, { apiKey: key });
    expect(broken.status).toBe(400);
    expect(budget(broken.headers)).toMatchObject({ cost: 1, remaining: 19 });
  });

  it('charges refused keys to the address, and stops an address that has spent that budget from trying keys', async () => {
    const bogus = () => fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer bgk_${'x'.repeat(43)}` }, body: JSON.stringify({ query: '{ __typename }' }) });
    const statuses = [];
    for (let attempt = 0; attempt < 32; attempt++) statuses.push((await bogus()).status);
    expect(statuses.slice(0, 30).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
    // Reads without a key draw on the address's other budget.
    expect((await server.graphql(`{ __typename }`)).status).toBe(200);
  });
});

describe('client addresses behind proxies', () => {
  it('take the entry the trusted proxy added, so entries a client invents cannot buy a new budget', async () => {
    const server = await startTestServer({ seed: false, server: { rateLimit: { points: 3, windowSeconds: 86_400 }, trustProxy: 1 } });
    try {
      const send = (forwardedFor: string) =>
        fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor }, body: JSON.stringify({ query: '{ __typename }' }) });
      const statuses = [];
      for (let attempt = 0; attempt < 5; attempt++) statuses.push((await send(`10.0.0.${attempt}, 203.0.113.7`)).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      expect((await send('10.0.0.1, 203.0.113.8')).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
