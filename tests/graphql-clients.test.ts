/**
 * What common GraphQL clients meet with their defaults: the graphql-http conformance audit,
 * plain GET queries (urql's default transport, shared links), graphql-request over POST and
 * GET, status codes by media type, compression, security headers, and the root path.
 */
import { createHash } from 'node:crypto';
import { auditServer } from 'graphql-http';
import { Client as UrqlClient, fetchExchange, gql } from '@urql/core';
import { GraphQLClient, request as graphqlRequest } from 'graphql-request';
import { compressionThresholdBytes } from '../src/http/compression';
import { startTestServer, type TestServer } from './support/test-server';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.close();
});

const meetingNumbers = '{ meetings(first: 5) { nodes { number } } }';
const expectedMeetings = { meetings: { nodes: [{ number: 11 }, { number: 12 }, { number: 34 }] } };

describe('the GraphQL-over-HTTP audit (graphql-http)', () => {
  it('passes every check: no error, warning or notice', async () => {
    const results = await auditServer({ url: `${server.url}/graphql` });
    const notOk = results
      .filter((result) => result.status !== 'ok')
      .map((result) => `${result.status} ${result.id} ${result.name}: ${'reason' in result ? result.reason : ''}`);
    expect(notOk).toEqual([]);
    expect(results.length).toBeGreaterThanOrEqual(61);
  });
});

describe('GET queries', () => {
  it('runs a plain GET query without any preflight header', async () => {
    const response = await fetch(`${server.url}/graphql?query=${encodeURIComponent(meetingNumbers)}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: expectedMeetings });
  });

  it('still refuses a mutation over GET, and a POST that is not JSON', async () => {
    const mutation = await fetch(`${server.url}/graphql?query=${encodeURIComponent('mutation { themeDelete(id: "x") { deletedThemeId } }')}`);
    expect(mutation.status).toBe(405);
    expect(((await mutation.json()) as { errors: Array<{ message: string }> }).errors[0].message).toMatch(/GET requests only support query operations/);
    const textPlain = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: meetingNumbers }),
    });
    expect(textPlain.status).toBe(415);
  });

  it('serves automatic persisted queries over GET, by hash alone once registered', async () => {
    const query = '{ meeting(number: 34) { number } }';
    const extensions = encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') } }));
    const unknown = (await (await fetch(`${server.url}/graphql?extensions=${extensions}`)).json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(unknown.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = await fetch(`${server.url}/graphql?query=${encodeURIComponent(query)}&extensions=${extensions}`);
    expect(await registered.json()).toEqual({ data: { meeting: { number: 34 } } });
    const byHash = await fetch(`${server.url}/graphql?extensions=${extensions}`);
    expect(byHash.status).toBe(200);
    expect(await byHash.json()).toEqual({ data: { meeting: { number: 34 } } });
  });

  it('serves urql with its default transport, which sends queries as GET', async () => {
    const methods: string[] = [];
    const client = new UrqlClient({
      url: `${server.url}/graphql`,
      exchanges: [fetchExchange],
      fetch: (input, init) => {
        methods.push(init?.method ?? 'GET');
        return fetch(input, init);
      },
    });
    const result = await client.query(gql(meetingNumbers), {}).toPromise();
    expect(result.error).toBeUndefined();
    expect(result.data).toEqual(expectedMeetings);
    expect(methods).toEqual(['GET']);
  });

  it('serves graphql-request over POST (its default) and over GET', async () => {
    expect(await graphqlRequest(`${server.url}/graphql`, meetingNumbers)).toEqual(expectedMeetings);
    const overGet = new GraphQLClient(`${server.url}/graphql`, { method: 'GET' });
    expect(await overGet.request(meetingNumbers)).toEqual(expectedMeetings);
    const query = 'query Meeting($number: Int!) { meeting(number: $number) { number } }';
    expect(await overGet.request(query, { number: 12 })).toEqual({ meeting: { number: 12 } });
  });
});

describe('status codes by media type', () => {
  const requestErrors: Array<[string, Record<string, unknown>, string]> = [
    ['a parse error', { query: '{ meetings(first: 1) { nodes { number }' }, 'GRAPHQL_PARSE_FAILED'],
    ['a validation error', { query: '{ meetings(first: 1) { nodes { noSuchField } } }' }, 'GRAPHQL_VALIDATION_FAILED'],
    ['a variable error', { query: 'query Meeting($number: Int!) { meeting(number: $number) { number } }', variables: { number: 'twelve' } }, 'BAD_USER_INPUT'],
  ];

  it.each(requestErrors)('answers %s with 200 to an application/json client and 400 to an application/graphql-response+json one', async (_name, body, code) => {
    for (const [accept, status, contentType] of [
      ['application/json', 200, 'application/json'],
      ['application/graphql-response+json, application/json;q=0.9', 400, 'application/graphql-response+json'],
    ] as const) {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept },
        body: JSON.stringify(body),
      });
      expect([accept, response.status]).toEqual([accept, status]);
      expect(response.headers.get('content-type')).toContain(contentType);
      const answer = (await response.json()) as { data?: unknown; errors: Array<{ extensions: { code: string } }> };
      expect(answer.data).toBeUndefined();
      expect(answer.errors[0].extensions.code).toBe(code);
    }
  });

  it('keeps 400 for limits, whatever the media type', async () => {
    const deep = `{ themes(first: 1) { nodes { ${'parent { '.repeat(30)}name${' }'.repeat(30)} } } }`;
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: deep }),
    });
    expect(response.status).toBe(400);
  });
});

describe('compression', () => {
  const largeQuery = '{ lessons(first: 100) { nodes { id statement } } }';

  it('compresses a large answer with gzip or Brotli, as the client asks', async () => {
    for (const encoding of ['gzip', 'br']) {
      const response = await fetch(`${server.url}/graphql?query=${encodeURIComponent(largeQuery)}`, { headers: { 'accept-encoding': encoding } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-encoding')).toBe(encoding);
      expect(response.headers.get('vary')).toMatch(/Accept-Encoding/i);
      const answer = (await response.json()) as { data: { lessons: { nodes: unknown[] } } };
      expect(answer.data.lessons.nodes.length).toBeGreaterThan(10);
    }
  });

  it('sends a small answer as it is', async () => {
    const response = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ meeting(number: 12) { number } }')}`, {
      headers: { 'accept-encoding': 'gzip, br' },
    });
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(Number(response.headers.get('content-length'))).toBeLessThan(compressionThresholdBytes);
  });
});

describe('browsers and security headers', () => {
  it('sets security headers on API answers', async () => {
    const response = await fetch(`${server.url}/graphql?query=${encodeURIComponent(meetingNumbers)}`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it('opens the IDE for a browser asking for /graphql?query=…, with a policy allowing only its own scripts', async () => {
    const response = await fetch(`${server.url}/graphql?query=${encodeURIComponent(meetingNumbers)}`, {
      headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8', 'accept-encoding': 'gzip' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const policy = response.headers.get('content-security-policy')!;
    expect(policy).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(await response.text()).toContain('YogaGraphiQL');
  });

  it('sends a browser from / to the IDE, and tells other clients where things are', async () => {
    const browser = await fetch(`${server.url}/`, { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect(browser.status).toBe(302);
    expect(browser.headers.get('location')).toBe('/graphql');
    const client = await fetch(`${server.url}/`);
    expect(client.status).toBe(200);
    expect(await client.json()).toMatchObject({ graphql: '/graphql', liveness: '/healthz', readiness: '/readyz' });
  });
});
