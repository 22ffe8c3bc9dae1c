/**
 * Hostile and careless requests, each with the answer it must get: refused before any
 * SQL runs. Shared by tests/hostile-requests.test.ts (the answers) and `npm run bench
 * -- --only hostile` (how fast the refusals are).
 */
import type { ErrorCode } from '../shared/error-codes';

export interface HostileRequest {
  name: string;
  method?: 'GET' | 'POST' | 'PUT';
  /** Query string for GET requests. */
  search?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Send the test's API key (for limits that apply to keyed requests too). */
  withApiKey?: boolean;
  status: number;
  /** Written out, as a client reads it (not ErrorCode.X), and checked against the known codes. */
  code: `${ErrorCode}`;
  /** A part of the error message that names the limit. */
  message: RegExp;
}

const json = (value: unknown) => JSON.stringify(value);
const query = (text: string, variables?: Record<string, unknown>, operationName?: string) => json({ query: text, variables, operationName });

function nested(depth: number, open: string, close: string, leaf: string): string {
  return open.repeat(depth) + leaf + close.repeat(depth);
}

/** F0 spreads F1 twice, F1 spreads F2 twice, …: 2^levels selections from a small document. */
function fragmentBomb(levels: number): string {
  const fragments = Array.from({ length: levels }, (_, index) =>
    index === levels - 1 ? `fragment F${index} on Theme { name slug }` : `fragment F${index} on Theme { ...F${index + 1} parent { ...F${index + 1} } }`,
  );
  return `{ themes(first: 1) { nodes { ...F0 } } } ${fragments.join(' ')}`;
}

export const hostileRequests: HostileRequest[] = [
  // Depth and size
  {
    name: 'deep cycle through parent themes',
    body: query(`{ themes(first: 1) { nodes { ${nested(30, 'parent { ', ' }', 'name')} } } }`),
    status: 400,
    code: 'QUERY_LIMIT_EXCEEDED',
    message: /depth limit of 20/,
  },
  {
    name: 'deep cycle through briefs and lessons',
    body: query(`{ briefs(first: 2) { nodes { ${nested(12, 'lessons(first: 2) { nodes { brief { ', ' } } }', 'title')} } } }`),
    status: 400,
    code: 'QUERY_LIMIT_EXCEEDED',
    message: /depth limit/,
  },
  {
    name: 'nested connections over the node budget',
    body: query(`{ briefs(first: 100) { nodes { lessons(first: 100) { nodes { relatedLessons(first: 50) { nodes { statement } } } } } } }`),
    status: 400,
    code: 'QUERY_LIMIT_EXCEEDED',
    message: /nodes, over the limit of 50,000/,
  },
  {
    name: 'huge first',
    body: query(`{ briefs(first: 1000000000) { nodes { title } } }`),
    status: 400,
    code: 'QUERY_LIMIT_EXCEEDED',
    message: /1,000,000,000 nodes/,
  },
  {
    name: 'huge first in a variable',
    body: query(`query($n: Int) { lessons(first: $n) { nodes { statement } } }`, { n: 2_000_000 }),
    status: 400,
    code: 'QUERY_LIMIT_EXCEEDED',
    message: /2,000,000 nodes/,
  },
  { name: 'huge last', body: query(`{ meetings(last: 999999) { nodes { number } } }`), status: 400, code: 'QUERY_LIMIT_EXCEEDED', message: /999,999 nodes/ },
  {
    name: 'huge default in a variable declaration',
    body: query(`query($n: Int = 5000000) { themes(first: $n) { nodes { name } } }`),
    status: 400,
    code: 'QUERY_LIMIT_EXCEEDED',
    message: /5,000,000 nodes/,
  },
  // Aliases, directives, tokens
  {
    name: 'alias flood',
    body: query(`{ ${Array.from({ length: 200 }, (_, index) => `a${index}: themes(first: 1) { totalCount }`).join(' ')} }`),
    status: 400,
    code: 'QUERY_LIMIT_EXCEEDED',
    message: /200 aliases, over the limit of 30/,
  },
  {
    name: 'alias flood of __typename',
    body: query(`{ ${Array.from({ length: 1000 }, (_, index) => `t${index}: __typename`).join(' ')} }`),
    status: 400,
    code: 'QUERY_LIMIT_EXCEEDED',
    message: /1000 aliases/,
  },
  {
    name: 'aliases hidden in a fragment',
    body: query(
      `{ themes(first: 1) { nodes { ...Many } } } fragment Many on Theme { ${Array.from({ length: 40 }, (_, index) => `n${index}: name`).join(' ')} }`,
    ),
    status: 400,
    code: 'QUERY_LIMIT_EXCEEDED',
    message: /40 aliases/,
  },
  {
    name: 'directive flood',
    body: query(`{ ${Array.from({ length: 80 }, () => '__typename @skip(if: false)').join(' ')} }`),
    status: 400,
    code: 'QUERY_LIMIT_EXCEEDED',
    message: /80 directives, over the limit of 50/,
  },
  { name: 'token flood', body: query(`{ ${'__typename '.repeat(6000)}}`), status: 400, code: 'GRAPHQL_PARSE_FAILED', message: /more tha[nt] 5000 tokens/ },
  {
    name: 'token flood of commas and braces',
    body: query(`{ themes(first: 1${', first: 1'.repeat(3000)}) { totalCount } }`),
    status: 400,
    code: 'GRAPHQL_PARSE_FAILED',
    message: /more tha[nt] 5000 tokens/,
  },
  {
    name: '1 MB document without a key',
    body: query(`{ ${'__typename '.repeat(100_000)}}`),
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    message: /larger than the limit/,
  },
  {
    name: '1 MB document with a key',
    body: query(`{ ${'__typename '.repeat(100_000)}}`),
    withApiKey: true,
    status: 400,
    code: 'GRAPHQL_PARSE_FAILED',
    message: /more tha[nt] 5000 tokens/,
  },
  // Fragments
  {
    name: 'fragment cycle',
    body: query(`{ themes(first: 1) { nodes { ...A } } } fragment A on Theme { parent { ...B } } fragment B on Theme { parent { ...A } }`),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /Cannot spread fragment "A" within itself via "B"/,
  },
  {
    name: 'fragment spreading itself',
    body: query(`{ themes(first: 1) { nodes { ...A } } } fragment A on Theme { name ...A }`),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /Cannot spread fragment "A" within itself/,
  },
  { name: 'fragment bomb', body: query(fragmentBomb(24)), status: 400, code: 'GRAPHQL_VALIDATION_FAILED', message: /recursively requests too many selections/ },
  // Introspection names must not bypass anything
  {
    name: 'operation named __schema',
    body: query(`query __schema { themes(first: 1) { nodes { ${nested(30, 'parent { ', ' }', 'name')} } } }`),
    status: 400,
    code: 'QUERY_LIMIT_EXCEEDED',
    message: /depth limit/,
  },
  {
    name: 'fragment named __type',
    body: query(`{ themes(first: 1) { nodes { ...__type } } } fragment __type on Theme { ${nested(30, 'parent { ', ' }', 'name')} }`),
    status: 400,
    code: 'QUERY_LIMIT_EXCEEDED',
    message: /depth limit/,
  },
  {
    name: 'deep introspection',
    body: query(`{ __schema { types { ${nested(25, 'fields { type { ', ' } }', 'name')} } } }`),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /Maximum introspection depth exceeded/,
  },
  {
    name: 'deep __type chain',
    body: query(`{ __type(name: "Brief") { ${nested(25, 'ofType { ', ' }', 'name')} } }`),
    status: 400,
    code: 'QUERY_LIMIT_EXCEEDED',
    message: /depth limit/,
  },
  // Batching
  {
    name: 'batch of two',
    body: json([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    status: 400,
    code: 'BATCHING_DISABLED',
    message: /Batched requests/,
  },
  {
    name: 'batch of a thousand',
    body: json(Array.from({ length: 1000 }, () => ({ query: '{ themes { totalCount } }' }))),
    status: 400,
    code: 'BATCHING_DISABLED',
    message: /Batched requests/,
  },
  // Bodies, content types, methods
  {
    name: 'oversized body',
    body: json({ query: '{ __typename }', padding: 'x'.repeat(200_000) }),
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    message: /larger than the limit/,
  },
  {
    name: 'oversized variables',
    body: query('query($s: String) { __typename }', { s: 'x'.repeat(70_000) }),
    status: 413,
    code: 'VARIABLES_TOO_LARGE',
    message: /over the limit of 65536 bytes/,
  },
  { name: 'malformed JSON', body: '{"query": "{ __typename }"', status: 400, code: 'BAD_REQUEST', message: /not valid JSON/ },
  { name: 'JSON that is not an operation', body: '"just a string"', status: 400, code: 'BAD_REQUEST', message: /./ },
  {
    name: 'invalid UTF-8',
    body: Buffer.concat([Buffer.from('{"query": "{ brief(slug: \\"'), Buffer.from([0xff, 0xfe]), Buffer.from('\\") { title } }"}')]),
    status: 400,
    code: 'BAD_REQUEST',
    message: /UTF-8/,
  },
  {
    name: 'text/plain body',
    headers: { 'content-type': 'text/plain' },
    body: '{ __typename }',
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: /Content-Type: application\/json/,
  },
  {
    name: 'form-encoded body',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'query=%7B__typename%7D',
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: /application\/json/,
  },
  {
    name: 'no content type',
    headers: { 'content-type': '' },
    body: '{"query": "{ __typename }"}',
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: /application\/json/,
  },
  { name: 'PUT', method: 'PUT', body: query('{ __typename }'), status: 405, code: 'METHOD_NOT_ALLOWED', message: /GET and POST/ },
  {
    name: 'mutation over GET without any header',
    method: 'GET',
    search: `?query=${encodeURIComponent('mutation { themeDelete(id: "x") { deletedThemeId } }')}`,
    headers: { 'content-type': '' },
    status: 405,
    code: 'BAD_REQUEST',
    message: /mutation.*GET|GET.*mutation/i,
  },
  {
    name: 'mutation over GET',
    method: 'GET',
    search: `?query=${encodeURIComponent('mutation { themeDelete(id: "x") { deletedThemeId } }')}`,
    headers: { 'apollo-require-preflight': 'true' },
    status: 405,
    code: 'BAD_REQUEST',
    message: /mutation.*GET|GET.*mutation/i,
  },
  // Careless
  { name: 'empty query', body: json({ query: '' }), status: 400, code: 'BAD_REQUEST', message: /non-empty `query`/ },
  { name: 'syntax error', body: query('{ themes(first: 1) { nodes { name }'), status: 400, code: 'GRAPHQL_PARSE_FAILED', message: /Syntax Error/ },
  {
    name: 'unknown operation name',
    body: query('query A { __typename }', undefined, 'B'),
    status: 400,
    code: 'OPERATION_RESOLUTION_FAILURE',
    message: /Unknown operation named "B"/,
  },
  {
    name: 'subscription',
    body: query('subscription { recordChanged { kind } }'),
    status: 400,
    code: 'BAD_REQUEST',
    message: /Subscriptions are served over WebSocket/,
  },
  {
    name: 'wrong argument type',
    body: query('{ themes(first: "many") { totalCount } }'),
    status: 400,
    code: 'BAD_USER_INPUT',
    message: /Int cannot represent/,
  },
  {
    name: 'empty operation name',
    body: query('query A { __typename }', undefined, ''),
    status: 400,
    code: 'OPERATION_RESOLUTION_FAILURE',
    message: /Unknown operation named ""/,
  },
  {
    name: 'two operations and no operation name',
    body: query('query A { __typename } query B { __typename }'),
    status: 400,
    code: 'OPERATION_RESOLUTION_FAILURE',
    message: /Must provide operation name/,
  },
  {
    name: 'persisted-query hash that does not match its query',
    body: json({ query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }),
    status: 400,
    code: 'PERSISTED_QUERY_HASH_MISMATCH',
    message: /not the SHA-256 of the query/,
  },
  // Text that is not text, and values nested without end (internal errors once)
  {
    name: 'variables nested 45,000 deep',
    body: `{"query":"query($v: String) { __typename }","variables":{"v":${'['.repeat(45_000)}1${']'.repeat(45_000)}}}`,
    status: 400,
    code: 'VARIABLES_TOO_DEEP',
    message: /nested more than 32 levels/,
  },
  {
    name: 'variables nested 1,000 deep in a GET',
    method: 'GET',
    search: `?query=${encodeURIComponent('query($v: String) { __typename }')}&variables=${encodeURIComponent(`{"v":${'['.repeat(1000)}1${']'.repeat(1000)}}`)}`,
    status: 400,
    code: 'VARIABLES_TOO_DEEP',
    message: /nested more than 32 levels/,
  },
  {
    name: 'NUL in brief(slug:)',
    body: query('query($slug: String!) { brief(slug: $slug) { title } }', { slug: 'a\u0000b' }),
    status: 400,
    code: 'BAD_USER_INPUT',
    message: /"\$slug" holds a NUL character/,
  },
  {
    name: 'NUL in meetings(filter: { city })',
    body: query('query($city: String) { meetings(filter: { city: $city }) { totalCount } }', { city: '\u0000' }),
    status: 400,
    code: 'BAD_USER_INPUT',
    message: /"\$city" holds a NUL character/,
  },
  {
    name: 'NUL in districts(filter: { states })',
    body: query('query($filter: DistrictFilter) { districts(filter: $filter) { totalCount } }', { filter: { states: ['C\u0000'] } }),
    status: 400,
    code: 'BAD_USER_INPUT',
    message: /"\$filter.states.0" holds a NUL character/,
  },
  {
    name: 'NUL in auditLog(filter)',
    withApiKey: true,
    body: query('query($name: String) { auditLog(filter: { actorName: $name }) { totalCount } }', { name: 'x\u0000' }),
    status: 400,
    code: 'BAD_USER_INPUT',
    message: /"\$name" holds a NUL character/,
  },
  {
    name: 'NUL written in the document',
    body: query('{ brief(slug: "a\\u0000b") { title } }'),
    status: 400,
    code: 'BAD_USER_INPUT',
    message: /argument "slug" holds a NUL character/,
  },
  {
    name: 'NUL in a mutation text field',
    withApiKey: true,
    body: query('mutation($name: String!) { themeCreate(input: { name: $name, slug: "nul" }) { userErrors { message } } }', { name: 'a\u0000' }),
    status: 400,
    code: 'BAD_USER_INPUT',
    message: /"\$name" holds a NUL character/,
  },
  {
    name: 'lone surrogate in a mutation text field',
    withApiKey: true,
    body: '{"query":"mutation($name: String!) { themeCreate(input: { name: $name, slug: \\"half\\" }) { userErrors { message } } }","variables":{"name":"a\\ud800"}}',
    status: 400,
    code: 'BAD_USER_INPUT',
    message: /"\$name" holds a lone surrogate/,
  },
  {
    name: 'lone surrogate written in the document',
    withApiKey: true,
    body: '{"query":"mutation { themeCreate(input: { name: \\"a\\\\udc00\\", slug: \\"half\\" }) { userErrors { message } } }"}',
    status: 400,
    code: 'GRAPHQL_PARSE_FAILED',
    message: /Invalid Unicode escape sequence/,
  },
];

/** Sends one of the requests as written (its method, headers and raw body), with `apiKey` when it asks for one. */
export function sendHostileRequest(graphqlUrl: string, request: HostileRequest, apiKey?: string): Promise<Response> {
  // As current clients ask (Apollo Client, urql, graphql-request): request errors then keep their 4xx.
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json;q=0.9',
    ...request.headers,
  };
  if (headers['content-type'] === '') delete headers['content-type'];
  if (request.withApiKey && apiKey) headers.authorization = `Bearer ${apiKey}`;
  return fetch(`${graphqlUrl}${request.search ?? ''}`, {
    method: request.method ?? 'POST',
    headers,
    body: request.method === 'GET' ? undefined : (request.body as BodyInit | undefined),
  });
}
