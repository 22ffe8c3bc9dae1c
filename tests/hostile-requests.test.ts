/**
 * Hostile and careless requests (src/benchmark/hostile-requests.ts) are refused with
 * an error naming the limit, as JSON, before any SQL runs. How fast they are refused is
 * measured by `npm run bench -- --only hostile` (docs/benchmarks.md), not here.
 */
import { ApiKeyRole } from '../src/auth/api-key.entity';
import { hostileRequests, sendHostileRequest, type HostileRequest } from '../src/benchmark/hostile-requests';
import { startTestServer, type TestServer } from './support/test-server';

async function send(server: TestServer, request: HostileRequest, apiKey?: string): Promise<{ status: number; headers: Headers; body: any; text: string }> {
  const response = await sendHostileRequest(`${server.url}/graphql`, request, apiKey);
  const text = await response.text();
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, body, text };
}

describe('hostile requests', () => {
  let server: TestServer;
  let apiKey: string;
  beforeAll(async () => {
    server = await startTestServer();
    apiKey = await server.createApiKey(ApiKeyRole.EDITOR);
  });
  afterAll(async () => {
    await server.close();
  });

  it('has a corpus of at least 30', () => {
    expect(hostileRequests.length).toBeGreaterThanOrEqual(30);
  });

  it.each(hostileRequests.map((request) => [request.name, request] as const))('refuses %s with the right JSON error and no SQL', async (_name, request) => {
    const answer = await send(server, request, apiKey);
    expect(answer.body).toBeDefined(); // JSON, never an HTML page or plain text
    expect({ status: answer.status, code: answer.body.errors?.[0]?.extensions?.code }).toEqual({ status: request.status, code: request.code });
    expect(answer.body.errors[0].message).toMatch(request.message);
    expect(answer.body.data ?? null).toBeNull();
    expect(answer.headers.get('x-sql-statements') ?? '0').toBe('0');
    expect(answer.text).not.toMatch(/\bat .+\.(js|ts):\d+|node_modules|\/src\//);
  });

  it('keeps serving after the whole corpus', async () => {
    expect((await server.graphql(`{ themes(first: 1) { totalCount } }`)).data!.themes.totalCount).toBeGreaterThan(0);
  });
});

describe('modes and switches', () => {
  it('hides "Did you mean" suggestions in production, and shows them otherwise', async () => {
    const production = await startTestServer({ seed: false, server: { production: true } });
    const development = await startTestServer({ seed: false, server: { production: false } });
    try {
      const typo = `{ themez(first: 1) { totalCount } }`;
      const hidden = await production.graphql(typo);
      expect(hidden.errors![0].message).toBe('Cannot query field "themez" on type "Query".');
      const shown = await development.graphql(typo);
      expect(shown.errors![0].message).toMatch(/Did you mean .*"themes"/);
    } finally {
      await production.close();
      await development.close();
    }
  });

  it('answers introspection by default and refuses it when switched off', async () => {
    const closed = await startTestServer({ seed: false, server: { introspection: false } });
    try {
      const refused = await closed.graphql(`{ __schema { queryType { name } } }`);
      expect(refused.errors![0].message).toMatch(/introspection is not allowed/i);
      expect((await closed.graphql(`{ __typename }`)).data).toEqual({ __typename: 'Query' });
    } finally {
      await closed.close();
    }
  });

  it('accepts small batches when MAX_BATCH_SIZE allows them, each operation under the limits, and refuses larger ones', async () => {
    const batching = await startTestServer({ server: { requestLimits: { maximumBatchSize: 3 } } });
    try {
      const post = (body: unknown) => fetch(`${batching.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const ok = await post([{ query: '{ themes(first: 1) { totalCount } }' }, { query: '{ meetings(first: 1) { totalCount } }' }]);
      expect(ok.status).toBe(200);
      const answers = (await ok.json()) as Array<{ data: Record<string, { totalCount: number }> }>;
      expect(answers.map((answer) => Object.keys(answer.data)[0])).toEqual(['themes', 'meetings']);
      const tooMany = await post(Array.from({ length: 4 }, () => ({ query: '{ __typename }' })));
      expect(tooMany.status).toBe(400);
      expect(((await tooMany.json()) as any).errors[0].extensions.code).toBe('BATCH_TOO_LARGE');
      const overBudget = (await (await post([{ query: '{ briefs(first: 1000000) { totalCount } }' }])).json()) as Array<{ errors: Array<{ extensions: { code: string } }> }>;
      expect(overBudget[0].errors[0].extensions.code).toBe('QUERY_LIMIT_EXCEEDED');
    } finally {
      await batching.close();
    }
  });
});
