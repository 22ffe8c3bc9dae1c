/**
 * Who may write: reads need no key; every mutation needs one (UNAUTHENTICATED), deletes,
 * key management, imports and the audit log need an ADMIN key (FORBIDDEN), and neither
 * answer reveals whether the record named exists. Each mutation is found through
 * introspection, so a new one cannot be added without being covered.
 */
import { ApiKeyRole } from '../src/auth/api-key.entity';
import { startTestServer, type TestServer } from './support/test-server';

interface TypeReference {
  kind: string;
  name: string | null;
  ofType: TypeReference | null;
}
interface InputField {
  name: string;
  type: TypeReference;
}
interface SchemaType {
  name: string;
  kind: string;
  inputFields: InputField[] | null;
  enumValues: Array<{ name: string }> | null;
}

const introspection = `{
  __schema {
    mutationType { fields { name args { name type { ...Reference } } } }
    types { name kind inputFields { name type { ...Reference } } enumValues { name } }
  }
}
fragment Reference on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }`;

describe('authorization', () => {
  let server: TestServer;
  let mutations: Array<{ name: string; args: InputField[] }>;
  let types: Map<string, SchemaType>;
  let existingBriefId: string;

  beforeAll(async () => {
    server = await startTestServer();
    const schema = (await server.graphql(introspection)).data!.__schema;
    mutations = schema.mutationType.fields;
    types = new Map((schema.types as SchemaType[]).map((type) => [type.name, type]));
    existingBriefId = (await server.graphql(`{ brief(slug: "always-room-for-improvement") { id } }`)).data!.brief.id;
  });
  afterAll(async () => {
    await server.close();
  });

  /** A literal of the type that passes GraphQL's own validation: required fields only, one of each list. */
  function literal(type: TypeReference, idValue: string): string {
    if (type.kind === 'NON_NULL') return literal(type.ofType!, idValue);
    if (type.kind === 'LIST') return `[${literal(type.ofType!, idValue)}]`;
    const named = types.get(type.name!)!;
    if (named.kind === 'ENUM') return named.enumValues![0].name;
    if (named.kind === 'INPUT_OBJECT') {
      const required = named.inputFields!.filter((field) => field.type.kind === 'NON_NULL');
      return `{ ${required.map((field) => `${field.name}: ${literal(field.type, idValue)}`).join(', ')} }`;
    }
    return { ID: JSON.stringify(idValue), String: '"x"', Int: '1', Float: '1.5', Boolean: 'true' }[named.name] ?? '"x"';
  }

  function documentFor(mutation: { name: string; args: InputField[] }, idValue: string): string {
    const args = mutation.args.filter((arg) => arg.type.kind === 'NON_NULL');
    return `mutation { ${mutation.name}${args.length ? `(${args.map((arg) => `${arg.name}: ${literal(arg.type, idValue)}`).join(', ')})` : ''} { __typename } }`;
  }

  const adminOnly = (name: string) => /Delete$/.test(name) || name.startsWith('apiKey') || name.startsWith('webhook') || name === 'knowledgeBaseImport';
  const writes = async () => Number((await server.database.dataSource.query(`SELECT count(*) AS count FROM audit_entry`))[0].count);

  it('covers a good number of mutations (the list comes from the schema)', () => {
    expect(mutations.length).toBeGreaterThanOrEqual(36);
  });

  it('refuses every mutation without a key as UNAUTHENTICATED, the same for existing and unknown records, writing nothing', async () => {
    const before = await writes();
    const unknownId = Buffer.from('Brief:999999').toString('base64url');
    for (const mutation of mutations) {
      const answers = [];
      for (const idValue of [existingBriefId, unknownId]) {
        const response = await server.graphql(documentFor(mutation, idValue));
        expect({ mutation: mutation.name, errors: response.errors?.length }).toEqual({ mutation: mutation.name, errors: 1 });
        expect({ mutation: mutation.name, code: response.errors![0].extensions!.code }).toEqual({ mutation: mutation.name, code: 'UNAUTHENTICATED' });
        answers.push(response.errors![0].message);
      }
      expect(answers[0]).toBe(answers[1]);
    }
    expect(await writes()).toBe(before);
  });

  it('refuses admin-only mutations to an editor as FORBIDDEN, the same for existing and unknown records', async () => {
    const editor = await server.createApiKey(ApiKeyRole.EDITOR);
    const before = await writes();
    const restricted = mutations.filter((mutation) => adminOnly(mutation.name));
    expect(restricted.map((mutation) => mutation.name)).toEqual(
      expect.arrayContaining(['briefDelete', 'themeDelete', 'apiKeyCreate', 'apiKeyRevoke', 'knowledgeBaseImport']),
    );
    for (const mutation of restricted) {
      const answers = [];
      for (const idValue of [existingBriefId, Buffer.from('Brief:999999').toString('base64url')]) {
        const response = await server.graphql(documentFor(mutation, idValue), undefined, { apiKey: editor });
        expect({ mutation: mutation.name, code: response.errors?.[0].extensions!.code }).toEqual({ mutation: mutation.name, code: 'FORBIDDEN' });
        answers.push(response.errors![0].message);
      }
      expect(answers[0]).toBe(answers[1]);
    }
    expect(await writes()).toBe(before);
    expect((await server.graphql(`{ brief(slug: "always-room-for-improvement") { id } }`)).data!.brief.id).toBe(existingBriefId);
  });

  it('lets an editor run the other mutations (their answers are user errors or records, never FORBIDDEN)', async () => {
    const editor = await server.createApiKey(ApiKeyRole.EDITOR);
    for (const mutation of mutations.filter((candidate) => !adminOnly(candidate.name))) {
      const response = await server.graphql(documentFor(mutation, Buffer.from('Brief:999999').toString('base64url')), undefined, { apiKey: editor });
      expect({ mutation: mutation.name, errors: response.errors }).toEqual({ mutation: mutation.name, errors: undefined });
    }
  });

  it('keeps the audit log, the key list and webhooks to admins', async () => {
    const editor = await server.createApiKey(ApiKeyRole.EDITOR);
    const admin = await server.createApiKey(ApiKeyRole.ADMIN);
    expect((await server.graphql(`{ auditLog(first: 1) { totalCount } }`)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect((await server.graphql(`{ auditLog(first: 1) { totalCount } }`, undefined, { apiKey: editor })).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await server.graphql(`{ apiKeys { name } }`, undefined, { apiKey: editor })).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await server.graphql(`{ apiKeys { name } }`, undefined, { apiKey: admin })).data!.apiKeys.length).toBeGreaterThanOrEqual(2);
    for (const query of [`{ webhooks { id } }`, `{ webhookDeliveries(first: 1) { totalCount } }`]) {
      expect((await server.graphql(query)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
      expect((await server.graphql(query, undefined, { apiKey: editor })).errors![0].extensions!.code).toBe('FORBIDDEN');
      expect((await server.graphql(query, undefined, { apiKey: admin })).errors).toBeUndefined();
    }
  });

  it('does not show keys or audit entries through node(id:) to anyone but an admin', async () => {
    const admin = await server.createApiKey(ApiKeyRole.ADMIN);
    const [{ id }] = (await server.graphql(`{ apiKeys { id } }`, undefined, { apiKey: admin })).data!.apiKeys;
    expect((await server.graphql(`query($id: ID!) { node(id: $id) { id } }`, { id })).data!.node).toBeNull();
    expect((await server.graphql(`query($id: ID!) { node(id: $id) { id } }`, { id }, { apiKey: admin })).data!.node).toEqual({ id });
    const idempotency = Buffer.from('IdempotencyRecord:1').toString('base64url');
    expect((await server.graphql(`query($id: ID!) { node(id: $id) { id } }`, { id: idempotency }, { apiKey: admin })).data!.node).toBeNull();
  });

  it('refuses a malformed, unknown or revoked key with 401 before reading the request, reads included', async () => {
    const revoked = await server.createApiKey(ApiKeyRole.ADMIN, 'soon-revoked');
    await server.database.dataSource.query(`UPDATE api_key SET revoked_at = now() WHERE name = 'soon-revoked'`);
    const cases = [
      { authorization: 'Basic dXNlcjpwYXNz' },
      { authorization: 'Bearer not-a-key' },
      { authorization: `Bearer bgk_${'A'.repeat(43)}` },
      { authorization: `Bearer ${revoked}` },
    ];
    for (const headers of cases) {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: '{ themes(first: 1) { totalCount } }' }),
      });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      const body = (await response.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
      expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(body.errors[0].message).not.toContain(revoked);
    }
  });

  it('serves reads without a key', async () => {
    const response = await server.graphql(`{ themes(first: 1) { totalCount } }`);
    expect(response.status).toBe(200);
    expect(response.data!.themes.totalCount).toBeGreaterThan(0);
  });
});
