/**
 * Hostile and careless requests (src/benchmark/hostile-requests.ts) are refused with
 * an error naming the limit, as JSON, before any SQL runs. How fast they are refused is
 * measured by `npm run bench -- --only hostile` (docs/benchmarks.md), not here.
 */
import { ApiKeyRole } from '../src/auth/api-key.entity';
import { hostileRequests, sendHostileRequest, type HostileRequest } from '../src/benchmark/hostile-requests';
import { startTestServer, type ErrorBody, type ResponseBody, type TestServer } from './support/test-server';

async function send(
  server: TestServer,
  request: HostileRequest,
  apiKey?: string,
): Promise<{ status: number; headers: Headers; body: ResponseBody | undefined; text: string }> {
  const response = await sendHostileRequest(`${server.url}/graphql`, request, apiKey);
  const text = await response.text();
  let body: ResponseBody | undefined;
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
    expect({ status: answer.status, code: answer.body?.errors?.[0]?.extensions?.code }).toEqual({ status: request.status, code: request.code });
    expect(answer.body!.errors[0].message).toMatch(request.message);
    expect(answer.body!.data ?? null).toBeNull();
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
      const post = (body: unknown) =>
        fetch(`${batching.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const ok = await post([{ query: '{ themes(first: 1) { totalCount } }' }, { query: '{ meetings(first: 1) { totalCount } }' }]);
      expect(ok.status).toBe(200);
      const answers = (await ok.json()) as Array<{ data: Record<string, { totalCount: number }> }>;
      expect(answers.map((answer) => Object.keys(answer.data)[0])).toEqual(['themes', 'meetings']);
      const tooMany = await post(Array.from({ length: 4 }, () => ({ query: '{ __typename }' })));
      expect(tooMany.status).toBe(400);
      expect(((await tooMany.json()) as ErrorBody).errors[0].extensions.code).toBe('BATCH_TOO_LARGE');
      const overBudget = (await (await post([{ query: '{ briefs(first: 1000000) { totalCount } }' }])).json()) as Array<{
        errors: Array<{ extensions: { code: string } }>;
      }>;
      expect(overBudget[0].errors[0].extensions.code).toBe('QUERY_LIMIT_EXCEEDED');
    } finally {
      await batching.close();
    }
  });
});

describe('bad input to writes and imports', () => {
  let server: TestServer;
  let admin: string;
  let convenerId: string;
  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.createApiKey(ApiKeyRole.ADMIN);
    convenerId = (await server.graphql(`{ organizations(first: 1) { nodes { id } } }`)).data!.organizations.nodes[0].id;
  });
  afterAll(async () => {
    await server.close();
  });

  const importMutation = `mutation($input: KnowledgeBaseImportInput!) { knowledgeBaseImport(input: $input) { counts { created } userErrors { field message code } } }`;
  const importing = async (content: string) => {
    const answer = await server.graphql(importMutation, { input: { documents: [{ name: 'import.yaml', content }], dryRun: true } }, { apiKey: admin });
    expect(answer.errors).toBeUndefined();
    return answer.data!.knowledgeBaseImport.userErrors as Array<{ field: string[]; message: string }>;
  };

  it('refuses year 0 dates in mutations and imports, where they enter', async () => {
    const created = await server.graphql(
      `mutation($input: MeetingCreateInput!) { meetingCreate(input: $input) { meeting { id } userErrors { field code } } }`,
      { input: { number: 9000, startsOn: '0000-01-01', endsOn: '0000-01-02', city: 'Nowhere', state: 'CA', convenerId } },
      { apiKey: admin },
    );
    expect(created.errors).toBeUndefined();
    expect(created.data!.meetingCreate.meeting).toBeNull();
    expect(created.data!.meetingCreate.userErrors.map((error: { field: string[] }) => error.field.join('.'))).toEqual(
      expect.arrayContaining(['input.startsOn', 'input.endsOn']),
    );
    const problems = await importing(
      'meetings:\n  - { number: 9001, startsOn: "0000-01-01", endsOn: "0000-01-01", city: Nowhere, state: CA, convener: california-collaborative-on-district-reform }\n',
    );
    expect(problems.map((problem) => problem.message).join('\n')).toMatch(/startsOn.*must be a calendar date/);
  });

  it('refuses an alias bomb ("billion laughs") and a thousand aliases of one anchor, with a message, quickly', async () => {
    const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level < 9; level++)
      laughs.push(
        `${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + level)}`)
          .join(',')}]`,
      );
    const bomb = `themes:\n  - slug: laughs\n    name: Laughs\n    description: x\n    extra:\n${laughs.map((line) => `      ${line}`).join('\n')}\n`;
    expect((await importing(bomb)).map((problem) => problem.message).join('\n')).toMatch(/aliases \(\*name\) expand into too much data/);
    const anchor = `{ slug: one, name: "${'x'.repeat(200)}", description: "${'y'.repeat(2000)}" }`;
    const repeated = `themes:\n  - &theme ${anchor}\n${'  - *theme\n'.repeat(2000)}`;
    const startedAt = Date.now();
    expect((await importing(repeated)).map((problem) => problem.message).join('\n')).toMatch(/aliases \(\*name\) expand into too much data/);
    expect(Date.now() - startedAt).toBeLessThan(10_000); // was 14 s with the event loop held; a guard, not a benchmark
  });

  it('refuses seed keys named like Object properties as unknown fields', async () => {
    const problems = await importing('themes:\n  - { slug: proto, name: Proto, __proto__: { polluted: true }, constructor: x, toString: y }\n');
    const messages = problems.map((problem) => problem.message).join('\n');
    for (const key of ['__proto__', 'constructor', 'toString']) expect(messages).toMatch(new RegExp(`${key}.*unknown field`));
  });
});
