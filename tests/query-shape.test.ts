/**
 * Speed by construction: the SQL statements a request issues depend on the shape
 * of the query only, never on page sizes or on how much data there is; and
 * queries too deep or too large are refused before any SQL runs.
 */
import { loadSeedDataset } from '../src/seed/seed-loader';
import { createServer } from '../src/server';
import { writeSyntheticData } from '../src/synthetic/synthetic-data';
import { createMigratedDatabase, type MigratedDatabase } from './support/test-database';
import { seedDirectory, startTestServer, type TestServer, type UntypedData } from './support/test-server';

interface CountedResponse {
  status: number;
  statements: number;
  body: { data: UntypedData; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
}

async function post(url: string, query: string, variables?: Record<string, unknown>): Promise<CountedResponse> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, statements: Number(response.headers.get('x-sql-statements')), body: (await response.json()) as CountedResponse['body'] };
}

/** A researcher's three-level query: themes → their lessons → each lesson's brief and that brief's lessons and links. */
const nestedQuery = `query($size: Int!) {
  themes(first: $size) {
    totalCount
    nodes {
      name
      children { name }
      lessons(first: $size, includeSubthemes: true) {
        totalCount
        nodes {
          statement
          brief {
            title
            publicationDate { text }
            publisher { name }
            lessons(first: 1) { nodes { position links(first: 1) { nodes { kind to { statement } } } } }
          }
        }
      }
    }
  }
}`;

describe('statements per request', () => {
  let small: TestServer;
  let large: { url: string; database: MigratedDatabase; close(): Promise<void> };
  beforeAll(async () => {
    small = await startTestServer();
    const database = await createMigratedDatabase();
    await loadSeedDataset(database.dataSource, seedDirectory);
    await database.dataSource.transaction((manager) => writeSyntheticData(manager, 3000));
    // As the small server (tests/support/test-server.ts): no response cache, no rate limit.
    const server = await createServer({ dataSource: database.dataSource, cacheMaxAgeSeconds: 0, rateLimit: { points: 0, windowSeconds: 3600 } });
    const port = await server.listen(0, '127.0.0.1');
    large = {
      url: `http://127.0.0.1:${port}`,
      database,
      close: async () => {
        await server.close();
        await database.close();
      },
    };
  });
  afterAll(async () => {
    await small.close();
    await large.close();
  });

  it('are the same for page sizes 5 and 100, on a small and a larger dataset', async () => {
    const runs = {
      smallFive: await post(small.url, nestedQuery, { size: 5 }),
      smallHundred: await post(small.url, nestedQuery, { size: 100 }),
      largeFive: await post(large.url, nestedQuery, { size: 5 }),
      largeHundred: await post(large.url, nestedQuery, { size: 100 }),
    };
    for (const run of Object.values(runs)) {
      expect(run.body.errors).toBeUndefined();
      expect(run.status).toBe(200);
    }
    // The larger dataset really returns more: 100 themes' worth of lessons, not 5.
    const lessonsReturned = (run: CountedResponse) =>
      run.body.data.themes.nodes.reduce((sum: number, theme: { lessons: { nodes: unknown[] } }) => sum + theme.lessons.nodes.length, 0);
    expect(lessonsReturned(runs.largeHundred)).toBeGreaterThan(10 * lessonsReturned(runs.largeFive));
    const counts = Object.fromEntries(Object.entries(runs).map(([name, run]) => [name, run.statements]));
    // The read engine compiles the whole three-level query into one statement.
    expect(counts.smallFive).toBe(1);
    expect(counts).toEqual({ smallFive: counts.smallFive, smallHundred: counts.smallFive, largeFive: counts.smallFive, largeHundred: counts.smallFive });
  });

  it('are one per relation level, however many parents there are', async () => {
    const one = await post(large.url, `{ briefs(first: 1) { nodes { publisher { name } themes { name } lessons(first: 5) { nodes { statement } } } } }`);
    const hundred = await post(large.url, `{ briefs(first: 100) { nodes { publisher { name } themes { name } lessons(first: 5) { nodes { statement } } } } }`);
    expect(hundred.body.data.briefs.nodes).toHaveLength(100);
    expect(hundred.statements).toBe(one.statements);
  });

  it('stay one for a page of briefs with their bylines, citations and JSON-LD, whatever its size', async () => {
    const query = (size: number) =>
      `{ briefs(first: ${size}) { nodes { contributors { name person { sortName } } files { url } identifiers { value url } citation(style: "vancouver") bibtex: citationData(format: BIBTEX) jsonLd } } }`;
    const one = await post(large.url, query(1));
    const hundred = await post(large.url, query(100));
    expect(hundred.body.errors).toBeUndefined();
    expect(hundred.body.data.briefs.nodes).toHaveLength(100);
    expect(one.statements).toBe(1);
    expect(hundred.statements).toBe(1);
  });

  it('estimate the search total only beyond the exact-count limit, from the planner', async () => {
    const [{ estimate }] = await large.database.dataSource.query(`SELECT public.briefgraph_estimated_matches('lesson', 'leaders') AS estimate`);
    const [{ exact }] = await large.database.dataSource.query(
      `SELECT count(*)::int AS exact FROM lesson WHERE search_document @@ websearch_to_tsquery('public.briefgraph', 'leaders')`,
    );
    expect(Number(estimate)).toBeGreaterThan(exact / 3);
    expect(Number(estimate)).toBeLessThan(exact * 3);
    await expect(large.database.dataSource.query(`SELECT public.briefgraph_estimated_matches('pg_user; --', 'x')`)).rejects.toThrow(/not a searchable table/);
  });

  it('do not grow with the depth of the page asked for', async () => {
    const firstPage = await post(large.url, `{ lessons(first: 20, orderBy: NEWEST_FIRST) { pageInfo { endCursor } nodes { statement } } }`);
    let cursor = firstPage.body.data.lessons.pageInfo.endCursor;
    for (let page = 0; page < 20; page++) {
      cursor = (
        await post(large.url, `query($after: String) { lessons(first: 100, after: $after, orderBy: NEWEST_FIRST) { pageInfo { endCursor } } }`, {
          after: cursor,
        })
      ).body.data.lessons.pageInfo.endCursor;
    }
    const deepPage = await post(
      large.url,
      `query($after: String) { lessons(first: 20, after: $after, orderBy: NEWEST_FIRST) { pageInfo { endCursor } nodes { statement } } }`,
      { after: cursor },
    );
    expect(deepPage.body.data.lessons.nodes).toHaveLength(20);
    expect(deepPage.statements).toBe(firstPage.statements);
  });
});

describe('query limits', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('refuse a query deeper than the limit before any SQL runs, saying by how much', async () => {
    // lesson → brief → lessons → brief → … : the graph's cycles cannot be followed forever.
    let selection = 'statement';
    for (let level = 0; level < 8; level++) selection = `brief { lessons(first: 1) { nodes { ${selection} } } }`;
    const response = await post(server.url, `{ lessons(first: 1) { nodes { ${selection} } } }`);
    expect(response.status).toBe(400);
    expect(response.statements).toBe(0);
    expect(response.body.errors![0]).toMatchObject({
      message: 'Query is 27 levels deep, over the depth limit of 20 (by 7). Nest fewer fields.',
      extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit: 'depth', maximum: 20, actual: 27 },
    });
  });

  it('refuse a query that could return too many nodes, counting page sizes through the nesting', async () => {
    const response = await post(
      server.url,
      `query($size: Int) { briefs(first: 100) { nodes { lessons(first: 100) { nodes { links(first: $size) { nodes { id } } } } } } }`,
      { size: 100 },
    );
    expect(response.status).toBe(400);
    expect(response.statements).toBe(0);
    expect(response.body.errors![0]).toMatchObject({
      message:
        'Query could return up to 1,010,100 nodes, over the limit of 50,000 (by 960,100). Ask for smaller pages (first/last) or fewer nested connections.',
      extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit: 'nodes', maximum: 50000, actual: 1010100 },
    });
  });

  it('count fragments, and counts default page sizes of 20 where none is given', async () => {
    const response = await post(
      server.url,
      `
      query { themes { nodes { ...ThemeLessons } } }
      fragment ThemeLessons on Theme { lessons { nodes { brief { lessons { nodes { links { nodes { id } } } } } } } }`,
    );
    expect(response.status).toBe(400);
    expect(response.body.errors![0].message).toMatch(/^Query could return up to 168,420 nodes/);
  });

  it('count the defaults an operation declares for its variables, and list variables by their length', async () => {
    const withDefault = await post(
      server.url,
      `query($size: Int = 100) { briefs(first: $size) { nodes { lessons(first: $size) { nodes { links(first: $size) { nodes { id } } } } } } }`,
    );
    expect(withDefault.status).toBe(400);
    expect(withDefault.body.errors![0].extensions).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', actual: 1010100 });
    const ids = Array.from({ length: 100 }, (_, index) => Buffer.from(`Brief:${index + 1}`).toString('base64url'));
    const nodes = await post(
      server.url,
      `query($ids: [ID!]!) { nodes(ids: $ids) { ...on Brief { lessons(first: 100) { nodes { links(first: 10) { nodes { id } } } } } } }`,
      { ids },
    );
    expect(nodes.body.errors![0].extensions).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', actual: 100 + 10_000 + 100_000 });
  });

  it('count introspection like any other field, and let the standard introspection query through', async () => {
    const { getIntrospectionQuery } = await import('graphql');
    const introspection = await post(server.url, getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }));
    expect(introspection.status).toBe(200);
    expect(introspection.body.data.__schema.queryType.name).toBe('Query');
    let nested = 'name';
    for (let level = 0; level < 20; level++) nested = `ofType { ${nested} }`;
    const tooDeep = await post(server.url, `query __schema { __schema { types { fields { type { ${nested} } } } } }`);
    expect(tooDeep.status).toBe(400);
    expect(tooDeep.body.errors![0].extensions).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'depth' });
  });

  it('let a reasonable query through', async () => {
    const response = await post(server.url, nestedQuery, { size: 10 });
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
  });
});
