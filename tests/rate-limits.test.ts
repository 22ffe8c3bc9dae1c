/**
 * Rate limiting by cost: each client (API key, else address) has a points budget per
 * window; each operation costs what it may return; over budget is HTTP 429 with
 * Retry-After, and every answer says what is left.
 */
import { ApiKeyRole } from '../src/auth/api-key.entity';
import { getNamedType, getNullableType, isLeafType, isListType, isObjectType } from 'graphql';
import { buildBriefgraphSchema } from '../src/schema';
import { listMaximum } from '../src/shared/query-cost';
import { startTestServer, type ErrorBody, type ResponseBody, type TestServer } from './support/test-server';

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
    const spent = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(spent.status).toBe(429);
    expect(spent.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(spent.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(((await spent.json()) as ErrorBody).errors[0].extensions.code).toBe('RATE_LIMITED');
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
    const created = await server.graphql(`mutation { themeCreate(input: { slug: "rate-limited", name: "Rate limited" }) { theme { id } } }`, undefined, {
      apiKey: key,
    });
    expect(budget(created.headers)).toMatchObject({ cost: 10, remaining: 20 });
    const broken = await server.graphql(`{ themes(first: 1) {`, undefined, { apiKey: key });
    expect(broken.status).toBe(400);
    expect(budget(broken.headers)).toMatchObject({ cost: 1, remaining: 19 });
  });

  it('charges refused keys to the address, refuses its further guesses with 429 once that budget is spent, and still lets a valid key from it through', async () => {
    const bogus = () =>
      fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer bgk_${'x'.repeat(43)}` },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
    const statuses = [];
    for (let attempt = 0; attempt < 32; attempt++) statuses.push((await bogus()).status);
    expect(statuses.slice(0, 30).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
    // Reads without a key draw on the address's other budget.
    expect((await server.graphql(`{ __typename }`)).status).toBe(200);
    // A valid key from the same address is not punished for the guesses.
    const valid = await server.createApiKey(ApiKeyRole.ADMIN);
    expect((await server.graphql(`{ apiKeys { name } }`, undefined, { apiKey: valid })).status).toBe(200);
    expect((await bogus()).status).toBe(429);
  });
});

describe('what a request costs', () => {
  let server: TestServer;
  let editor: string;
  beforeAll(async () => {
    server = await startTestServer({ server: { rateLimit: { points: 100_000, windowSeconds: 86_400 } } });
    editor = await server.createApiKey(ApiKeyRole.EDITOR);
  });
  afterAll(async () => {
    await server.close();
  });

  const costOf = (headers: Headers) => Number(headers.get('x-ratelimit-cost'));
  const remainingOf = (headers: Headers) => Number(headers.get('x-ratelimit-remaining'));
  const post = async (body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as ResponseBody };
  };

  it('counts a plain list as the most it can hold, which writes enforce and reads never exceed', async () => {
    // The query of the issue: accepted at 49,588 counted nodes while it returned 404,936.
    const refused = await server.graphql(`{ briefs(first: 98) { nodes { themes { lessons(first: 100) { nodes { id } } } } } }`);
    expect(refused.status).toBe(400);
    expect(refused.errors![0].extensions).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'nodes', actual: 98 + 98 * 100 + 98 * 100 * 100 });
    // Writes refuse a 101st theme, naming the limit; nothing is written.
    const brief = (await server.graphql(`{ briefs(first: 1) { nodes { id slug themes { id } } } }`)).data!.briefs.nodes[0];
    await server.database.dataSource.query(`INSERT INTO theme (slug, name) SELECT 'many-' || n, 'Many ' || n FROM generate_series(1, 120) AS n`);
    const many = (await server.graphql(`{ themes(first: 100, filter: { search: "many" }) { nodes { id } } }`)).data;
    const themeIds: string[] = many ? many.themes.nodes.map((theme: { id: string }) => theme.id) : [];
    const ids =
      themeIds.length >= 100
        ? themeIds
        : ((await server.database.dataSource.query(`SELECT id FROM theme WHERE slug LIKE 'many-%' ORDER BY id`)) as Array<{ id: number }>).map(({ id }) =>
            Buffer.from(`Theme:${id}`).toString('base64url'),
          );
    const added = await server.graphql(
      `mutation($id: ID!, $themeIds: [ID!]!) { briefAddThemes(id: $id, themeIds: $themeIds) { userErrors { field message code } } }`,
      { id: brief.id, themeIds: ids.slice(0, 110) },
      { apiKey: editor },
    );
    expect(added.data!.briefAddThemes.userErrors).toEqual([
      { field: ['themeIds'], code: 'TOO_MANY', message: expect.stringMatching(/at most 100 themes; this would make 1\d\d/) },
    ]);
    expect((await server.graphql(`{ brief(slug: "${brief.slug}") { themes { id } } }`)).data!.brief.themes).toHaveLength(brief.themes.length);
    // Rows written around the mutations (by SQL here) are still read no further than the limit.
    const [{ id: briefKey }] = (await server.database.dataSource.query(`SELECT id FROM brief WHERE slug = $1`, [brief.slug])) as Array<{ id: number }>;
    await server.database.dataSource.query(
      `INSERT INTO brief_theme (brief_id, theme_id) SELECT $1, id FROM theme WHERE slug LIKE 'many-%' ON CONFLICT DO NOTHING`,
      [briefKey],
    );
    const read = await server.graphql(`{ brief(slug: "${brief.slug}") { themes { id } } }`, undefined, { apiKey: editor });
    expect(read.data!.brief.themes).toHaveLength(100);
  });

  it('charges expensive fields for their work, says so, and refuses an operation over MAX_QUERY_COST before it runs', async () => {
    const [from, to] = (await server.graphql(`{ briefs(first: 2) { nodes { id } } }`)).data!.briefs.nodes.map((brief: { id: string }) => brief.id);
    const paths = (count: number) =>
      `query($from: ID!, $to: ID!) { ${Array.from({ length: count }, (_, index) => `p${index}: connection(from: $from, to: $to, maxHops: 4) { hops steps { relation } }`).join(' ')} }`;
    const one = await post({ query: paths(1), variables: { from, to }, extensions: { cost: true } });
    expect(one.status).toBe(200);
    expect(costOf(one.headers)).toBe(1 + 32);
    expect(one.body.extensions.cost).toMatchObject({ charged: 33, work: 32, limit: 100_000, remaining: remainingOf(one.headers) });
    // 30 aliased paths cost 3.5 s and 187 statements, and 1 point; now 962 (their 120 steps, and 32 points of work each).
    const thirty = await post({ query: paths(30), variables: { from, to } });
    expect({ status: thirty.status, errors: thirty.body.errors }).toEqual({ status: 200, errors: undefined });
    expect(costOf(thirty.headers)).toBe(2 + 30 * 32);
    expect(thirty.body.extensions?.cost).toBeUndefined(); // only when asked for
    const facets = await post({ query: `{ ${Array.from({ length: 15 }, (_, index) => `f${index}: lessonFacets { themes { count } }`).join(' ')} }` });
    expect({ status: facets.status, errors: facets.body.errors }).toEqual({ status: 200, errors: undefined });
    expect(costOf(facets.headers)).toBe(Math.ceil((15 * 50) / 100) + 15 * 60);
    const searches = await server.graphql(`{ briefs(first: 10, search: "district") { totalCount nodes { relatedBriefs(first: 5) { nodes { title } } } } }`);
    expect(costOf(searches.headers)).toBe(1 + 5 + 1 + 10 * 10);
    // Over the per-operation limit: refused before any SQL, and charged a token point, not its cost.
    const before = remainingOf(searches.headers);
    const tooMuch = await post({ query: `{ lessons(first: 100) { nodes { relatedLessons(first: 5) { nodes { id } } } } }` });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.errors[0].extensions).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'cost', maximum: 1000 });
    expect(tooMuch.headers.get('x-sql-statements')).toBe('0');
    expect(costOf(tooMuch.headers)).toBe(1);
    expect(remainingOf(tooMuch.headers)).toBe(before - 1);
  });

  it('knows the most items of every plain list in the schema', () => {
    const schema = buildBriefgraphSchema();
    const unbounded: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__') || type.name.endsWith('Connection')) continue;
      for (const field of Object.values(type.getFields())) {
        const listOfObjects = isListType(getNullableType(field.type)) && !isLeafType(getNamedType(field.type));
        // Lists that take `first` count their page; nodes(ids:) counts the IDs it is given.
        const paged = field.args.some((argument) => argument.name === 'first' || argument.name === 'ids');
        if (listOfObjects && !paged && listMaximum(type.name, field.name) === undefined) unbounded.push(`${type.name}.${field.name}`);
      }
    }
    expect(unbounded).toEqual([]);
  });

  it('charges a query refused for its size one point, not the size it asked for', async () => {
    const huge = await post({ query: `{ briefs(first: 100) { nodes { lessons(first: 100) { nodes { links(first: 100) { nodes { id } } } } } } }` });
    expect(huge.body.errors[0].extensions).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'nodes' });
    expect(costOf(huge.headers)).toBe(1);
  });
});

describe('requests refused before GraphQL', () => {
  it('cost a point each, and a client with nothing left gets 429 before its body is read', async () => {
    const server = await startTestServer({ server: { rateLimit: { points: 3, windowSeconds: 86_400 } } });
    try {
      const send = (body: string) => fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const statuses = [];
      for (let attempt = 0; attempt < 3; attempt++) statuses.push((await send('{"query": "{ __typename }"')).status);
      expect(statuses).toEqual([400, 400, 400]);
      // The finish hook charges once the answer is sent; the next request may overtake it by a tick.
      let spent;
      do spent = await send('{"query": "{ __typename }"');
      while (spent.status === 400);
      expect(spent.status).toBe(429);
      expect(((await spent.json()) as ErrorBody).errors[0].extensions.code).toBe('RATE_LIMITED');
      expect((await send(JSON.stringify([{ query: '{ __typename }' }]))).status).toBe(429);
    } finally {
      await server.close();
    }
  });
});

describe('client addresses behind proxies', () => {
  it('take the entry the trusted proxy added, so entries a client invents cannot buy a new budget', async () => {
    const server = await startTestServer({ seed: false, server: { rateLimit: { points: 3, windowSeconds: 86_400 }, trustProxy: 1 } });
    try {
      const send = (forwardedFor: string) =>
        fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
          body: JSON.stringify({ query: '{ __typename }' }),
        });
      const statuses = [];
      for (let attempt = 0; attempt < 5; attempt++) statuses.push((await send(`10.0.0.${attempt}, 203.0.113.7`)).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      expect((await send('10.0.0.1, 203.0.113.8')).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describe('the answer byte limit behind the node budget', () => {
  it('withholds an answer over the limit in PostgreSQL and says so, for root lists and for records named by other resolvers', async () => {
    const server = await startTestServer({ server: { maximumAnswerBytes: 1500 } });
    try {
      const small = await server.graphql(`{ briefs(first: 2) { nodes { title } } }`);
      expect(small.errors).toBeUndefined();
      const large = await server.graphql(`{ briefs(first: 100) { nodes { title summary } } }`);
      expect(large.errors![0]).toMatchObject({
        message: expect.stringMatching(/over the limit of 1,500; ask for smaller pages/),
        extensions: { code: 'RESPONSE_TOO_LARGE', maximum: 1500 },
      });
      expect(large.data?.briefs ?? null).toBeNull();
      const hits = await server.graphql(
        `{ search(query: "district", first: 50) { nodes { ... on Brief { summary } ... on Lesson { statement explanation } } } }`,
      );
      expect(hits.errors!.map((error) => error.extensions!.code)).toContain('RESPONSE_TOO_LARGE');
    } finally {
      await server.close();
    }
  });
});
