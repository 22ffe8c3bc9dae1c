/**
 * Writes lose nothing and do nothing twice: each mutation is one transaction (checked
 * with queries after failures in the middle), retries with an Idempotency-Key apply
 * once even when sent at the same moment, stale versions are refused, every write is
 * in the audit log, and hostile input gets a clear answer while the server keeps serving.
 */
import { ApiKeyRole } from '../src/auth/api-key.entity';
import { startTestServer, type TestServer } from './support/test-server';

describe('write safety', () => {
  let server: TestServer;
  let editor: string;
  let admin: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer();
    editor = await server.createApiKey(ApiKeyRole.EDITOR, 'newsroom-editor');
    admin = await server.createApiKey(ApiKeyRole.ADMIN, 'site-admin');
    const { data } = await server.graphql(`{
      pace: organization(slug: "policy-analysis-for-california-education") { id }
      dataUse: theme(slug: "data-use") { id }
      turnaround: brief(slug: "district-role-in-school-turnaround") { id }
    }`);
    for (const [name, value] of Object.entries(data!)) ids[name] = (value as { id: string }).id;
  });
  afterAll(async () => {
    await server.close();
  });

  const query = (sql: string, parameters: unknown[] = []) => server.database.dataSource.query(sql, parameters) as Promise<Array<Record<string, unknown>>>;

  /** Row counts of every table a brief creation touches, to compare before and after. */
  async function tableCounts(): Promise<Record<string, number>> {
    const tables = ['brief', 'lesson', 'brief_theme', 'lesson_theme', 'lesson_district', 'audit_entry', 'idempotency_record'];
    const [row] = await query(`SELECT ${tables.map((table) => `(SELECT count(*)::int FROM ${table}) AS ${table}`).join(', ')}`);
    return row as Record<string, number>;
  }

  const createBrief = `mutation($input: BriefCreateInput!) { briefCreate(input: $input) { brief { id slug version } userErrors { field message code } } }`;
  const briefInput = (slug: string, extra: Record<string, unknown> = {}) => ({
    slug,
    title: 'A brief',
    kind: 'REPORT',
    summary: 'Summary.',
    publisherId: ids.pace,
    ...extra,
  });

  describe('atomicity', () => {
    it('undoes the brief and its first lessons when a later lesson fails, leaving every table as it was', async () => {
      const before = await tableCounts();
      const response = await server.graphql(
        createBrief,
        {
          input: briefInput('half-written', {
            themeIds: [ids.dataUse],
            lessons: [
              { statement: 'First, written before the failure.', themeIds: [ids.dataUse] },
              { statement: 'Second, with a theme that does not exist.', themeIds: [Buffer.from('Theme:987654').toString('base64url')] },
            ],
          }),
        },
        { apiKey: editor },
      );
      expect(response.data!.briefCreate.brief).toBeNull();
      expect(response.data!.briefCreate.userErrors).toEqual([
        expect.objectContaining({ field: ['input', 'lessons', '1', 'themeIds', '0'], code: 'NOT_FOUND' }),
      ]);
      expect(await tableCounts()).toEqual(before);
      expect(await query(`SELECT 1 FROM brief WHERE slug = 'half-written'`)).toEqual([]);
      expect(await query(`SELECT 1 FROM search_term WHERE term = 'failure'`)).toEqual([]);
    });

    it('rolls everything back, and answers INTERNAL_SERVER_ERROR without details, when the database fails in the middle', async () => {
      // A fault planted in the database: inserting this lesson fails after the brief and the first lesson are written.
      await query(
        `CREATE FUNCTION planted_fault() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.statement = 'boom' THEN RAISE EXCEPTION 'planted fault'; END IF; RETURN NEW; END $$`,
      );
      await query(`CREATE TRIGGER planted_fault BEFORE INSERT ON lesson FOR EACH ROW EXECUTE FUNCTION planted_fault()`);
      try {
        const before = await tableCounts();
        const response = await server.graphql(
          createBrief,
          { input: briefInput('faulty', { lessons: [{ statement: 'Fine.' }, { statement: 'boom' }] }) },
          { apiKey: editor },
        );
        expect(response.errors).toEqual([expect.objectContaining({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } })]);
        expect(JSON.stringify(response)).not.toContain('planted');
        expect(await tableCounts()).toEqual(before);
      } finally {
        await query(`DROP TRIGGER planted_fault ON lesson`);
        await query(`DROP FUNCTION planted_fault()`);
      }
    });

    it('imports all documents or none: a problem in one document leaves the database as it was', async () => {
      const before = await tableCounts();
      const importMutation = `mutation($input: KnowledgeBaseImportInput!) { knowledgeBaseImport(input: $input) { counts { collection created } dryRun userErrors { field message } } }`;
      const documents = [
        { name: 'organizations.yaml', content: 'organizations:\n  - { slug: new-org, name: New Org, kind: OTHER }\n' },
        { name: 'briefs.yaml', content: 'briefs:\n  - { slug: new-brief, title: T, kind: REPORT, summary: S, publisher: missing-org }\n' },
      ];
      const payload = (await server.graphql(importMutation, { input: { documents } }, { apiKey: admin })).data!.knowledgeBaseImport;
      expect(payload.counts).toBeNull();
      expect(payload.userErrors).toEqual([
        expect.objectContaining({ field: ['input', 'documents', '1', 'content'], message: expect.stringMatching(/briefs\.yaml.*new-brief.*publisher/) }),
      ]);
      expect(await tableCounts()).toEqual(before);
      expect(await query(`SELECT 1 FROM organization WHERE slug = 'new-org'`)).toEqual([]);
    });
  });

  describe('idempotency', () => {
    it('applies a mutation sent five times at once with one Idempotency-Key exactly once, and answers all five alike', async () => {
      const before = await tableCounts();
      const send = () =>
        server.graphql(createBrief, { input: briefInput('sent-five-times') }, { apiKey: editor, headers: { 'idempotency-key': 'create-sent-five-times' } });
      const responses = await Promise.all([send(), send(), send(), send(), send()]);
      const briefs = responses.map((response) => response.data!.briefCreate);
      expect(new Set(briefs.map((payload) => payload.brief.id)).size).toBe(1);
      expect(briefs.every((payload) => payload.userErrors.length === 0)).toBe(true);
      expect(await query(`SELECT count(*)::int AS count FROM brief WHERE slug = 'sent-five-times'`)).toEqual([{ count: 1 }]);
      const after = await tableCounts();
      expect(after.brief).toBe(before.brief + 1);
      expect(after.audit_entry).toBe(before.audit_entry + 1);
      // A retry long after answers the same again.
      expect((await send()).data!.briefCreate).toEqual(briefs[0]);
    });

    it('answers a retry of a failed attempt with the same user errors, even if the failure has since gone away', async () => {
      const headers = { 'idempotency-key': 'taken-slug-attempt' };
      const first = await server.graphql(createBrief, { input: briefInput('district-role-in-school-turnaround') }, { apiKey: editor, headers });
      expect(first.data!.briefCreate.userErrors[0].code).toBe('TAKEN');
      await query(`UPDATE brief SET slug = 'renamed-meanwhile' WHERE slug = 'district-role-in-school-turnaround'`);
      try {
        const retry = await server.graphql(createBrief, { input: briefInput('district-role-in-school-turnaround') }, { apiKey: editor, headers });
        expect(retry.data).toEqual(first.data);
        expect(await query(`SELECT count(*)::int AS count FROM brief WHERE slug = 'district-role-in-school-turnaround'`)).toEqual([{ count: 0 }]);
      } finally {
        await query(`UPDATE brief SET slug = 'district-role-in-school-turnaround' WHERE slug = 'renamed-meanwhile'`);
      }
    });

    it('treats a retry under another alias as the same call', async () => {
      const headers = { 'idempotency-key': 'alias-retry' };
      const first = await server.graphql(
        `mutation($input: BriefCreateInput!) { one: briefCreate(input: $input) { brief { id } } }`,
        { input: briefInput('alias-retry') },
        { apiKey: editor, headers },
      );
      const retry = await server.graphql(
        `mutation($input: BriefCreateInput!) { other: briefCreate(input: $input) { brief { id } } }`,
        { input: briefInput('alias-retry') },
        { apiKey: editor, headers },
      );
      expect(retry.data!.other.brief.id).toBe(first.data!.one.brief.id);
      expect(await query(`SELECT count(*)::int AS count FROM brief WHERE slug = 'alias-retry'`)).toEqual([{ count: 1 }]);
    });

    it('refuses the same key with different input, writing nothing', async () => {
      const headers = { 'idempotency-key': 'reused-key' };
      await server.graphql(createBrief, { input: briefInput('first-use-of-key') }, { apiKey: editor, headers });
      const before = await tableCounts();
      const reused = await server.graphql(createBrief, { input: briefInput('second-use-of-key') }, { apiKey: editor, headers });
      expect(reused.errors![0].extensions!.code).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(reused.errors![0].message).toContain('reused-key');
      expect(await tableCounts()).toEqual(before);
    });

    it('keeps keys apart per API key: another client may use the same Idempotency-Key', async () => {
      const otherEditor = await server.createApiKey(ApiKeyRole.EDITOR);
      const headers = { 'idempotency-key': 'shared-key-value' };
      const mine = await server.graphql(createBrief, { input: briefInput('mine-with-shared-key') }, { apiKey: editor, headers });
      const theirs = await server.graphql(createBrief, { input: briefInput('theirs-with-shared-key') }, { apiKey: otherEditor, headers });
      expect(mine.data!.briefCreate.brief.slug).toBe('mine-with-shared-key');
      expect(theirs.data!.briefCreate.brief.slug).toBe('theirs-with-shared-key');
    });

    it('refuses a malformed Idempotency-Key header with 400', async () => {
      const response = await server.graphql(
        createBrief,
        { input: briefInput('bad-header') },
        { apiKey: editor, headers: { 'idempotency-key': 'x'.repeat(300) } },
      );
      expect(response.status).toBe(400);
      expect(response.errors![0].message).toMatch(/Idempotency-Key/);
    });
  });

  describe('concurrent writers', () => {
    it('take turns without deadlocks when they touch the same tables in different orders', async () => {
      const addThemes = `mutation($id: ID!, $ids: [ID!]!) { briefAddThemes(id: $id, themeIds: $ids) { userErrors { code } } }`;
      const removeThemes = `mutation($id: ID!, $ids: [ID!]!) { briefRemoveThemes(id: $id, themeIds: $ids) { userErrors { code } } }`;
      const answers = [];
      for (let round = 0; round < 10; round++) {
        answers.push(
          ...(await Promise.all([
            server.graphql(createBrief, { input: briefInput(`concurrent-${round}`, { themeIds: [ids.dataUse] }) }, { apiKey: editor }),
            server.graphql(addThemes, { id: ids.turnaround, ids: [ids.dataUse] }, { apiKey: editor }),
            server.graphql(removeThemes, { id: ids.turnaround, ids: [ids.dataUse] }, { apiKey: editor }),
          ])),
        );
      }
      expect(answers.flatMap((answer) => answer.errors ?? [])).toEqual([]);
      expect(await query(`SELECT count(*)::int AS count FROM brief WHERE slug LIKE 'concurrent-%'`)).toEqual([{ count: 10 }]);
    });
  });

  describe('optimistic concurrency', () => {
    const update = `mutation($id: ID!, $title: String!, $version: Int) { briefUpdate(id: $id, input: { title: $title }, expectedVersion: $version) { brief { title version } userErrors { field message code } } }`;

    it('lets exactly one of two updates from the same version win; the other changes nothing', async () => {
      const { version } = (await server.graphql(`query($id: ID!) { node(id: $id) { ... on Brief { version } } }`, { id: ids.turnaround })).data!.node;
      const [first, second] = await Promise.all(
        ['Title from the first editor', 'Title from the second editor'].map((title) =>
          server.graphql(update, { id: ids.turnaround, title, version }, { apiKey: editor }),
        ),
      );
      const payloads = [first.data!.briefUpdate, second.data!.briefUpdate];
      const winners = payloads.filter((payload) => payload.userErrors.length === 0);
      const losers = payloads.filter((payload) => payload.userErrors.length > 0);
      expect(winners).toHaveLength(1);
      expect(losers).toEqual([{ brief: null, userErrors: [expect.objectContaining({ field: ['expectedVersion'], code: 'VERSION_CONFLICT' })] }]);
      const [stored] = await query(`SELECT title, version FROM brief WHERE slug = 'district-role-in-school-turnaround'`);
      expect(stored).toEqual({ title: winners[0].brief.title, version: version + 1 });
    });

    it('refuses a stale version for deletes too', async () => {
      const created = (await server.graphql(createBrief, { input: briefInput('to-delete-later') }, { apiKey: editor })).data!.briefCreate.brief;
      await server.graphql(update, { id: created.id, title: 'Changed' }, { apiKey: editor });
      const payload = (
        await server.graphql(
          `mutation($id: ID!, $v: Int) { briefDelete(id: $id, expectedVersion: $v) { deletedBriefId userErrors { code } } }`,
          { id: created.id, v: created.version },
          { apiKey: admin },
        )
      ).data!.briefDelete;
      expect(payload).toEqual({ deletedBriefId: null, userErrors: [{ code: 'VERSION_CONFLICT' }] });
      expect(await query(`SELECT count(*)::int AS count FROM brief WHERE slug = 'to-delete-later'`)).toEqual([{ count: 1 }]);
    });
  });

  describe('the audit log', () => {
    it('records who, what, when, before and after for each write, readable by admins by record', async () => {
      const created = (
        await server.graphql(
          createBrief,
          { input: briefInput('audited-brief', { title: 'Before' }) },
          { apiKey: editor, headers: { 'x-request-id': 'audit-test-1' } },
        )
      ).data!.briefCreate.brief;
      await server.graphql(
        `mutation($id: ID!) { briefUpdate(id: $id, input: { title: "After" }) { userErrors { code } } }`,
        { id: created.id },
        { apiKey: editor },
      );
      await server.graphql(`mutation($id: ID!) { briefDelete(id: $id) { userErrors { code } } }`, { id: created.id }, { apiKey: admin });
      const log = (
        await server.graphql(
          `query($id: ID!) { auditLog(first: 10, orderBy: OLDEST_FIRST, filter: { recordId: $id }) { totalCount nodes { actorName action recordType recordId occurredAt requestId before after } } }`,
          { id: created.id },
          { apiKey: admin },
        )
      ).data!.auditLog;
      expect(log.totalCount).toBe(3);
      const [creation, change, deletion] = log.nodes;
      expect(creation).toMatchObject({
        actorName: 'newsroom-editor',
        action: 'briefCreate',
        recordType: 'Brief',
        recordId: created.id,
        requestId: 'audit-test-1',
        before: null,
      });
      expect(creation.after).toMatchObject({ slug: 'audited-brief', title: 'Before', status: 'DRAFT' });
      expect(change).toMatchObject({ actorName: 'newsroom-editor', action: 'briefUpdate', before: { title: 'Before' }, after: { title: 'After', version: 2 } });
      expect(deletion).toMatchObject({ actorName: 'site-admin', action: 'briefDelete', before: { title: 'After' }, after: null });
      expect(new Date(deletion.occurredAt).getTime()).toBeGreaterThanOrEqual(new Date(creation.occurredAt).getTime());
    });

    it('records nothing for a write that was refused, and never a key secret or its hash', async () => {
      const before = (await query(`SELECT count(*)::int AS count FROM audit_entry`))[0].count;
      await server.graphql(createBrief, { input: briefInput('Not A Slug') }, { apiKey: editor });
      expect((await query(`SELECT count(*)::int AS count FROM audit_entry`))[0].count).toBe(before);
      const created = (
        await server.graphql(
          `mutation { apiKeyCreate(input: { name: "audited-key", role: EDITOR }) { secret apiKey { prefix } userErrors { code } } }`,
          undefined,
          { apiKey: admin },
        )
      ).data!.apiKeyCreate;
      expect(created.secret).toMatch(/^bgk_/);
      expect(created.secret.startsWith(created.apiKey.prefix)).toBe(true);
      const everything = JSON.stringify(await query(`SELECT * FROM audit_entry`));
      expect(everything).not.toContain(created.secret);
      expect(everything).not.toContain('secret_hash');
      expect(everything).not.toContain(created.secret.slice(12));
    });
  });

  describe('hostile input', () => {
    async function stillServing(): Promise<void> {
      const response = await server.graphql(`{ themes(first: 1) { totalCount } }`);
      expect(response.data!.themes.totalCount).toBeGreaterThan(0);
    }

    it('refuses a 10 MB string with 413 and a JSON error, writing nothing', async () => {
      const before = await tableCounts();
      const response = await server.graphql(createBrief, { input: briefInput('huge', { summary: 'x'.repeat(10 * 1024 * 1024) }) }, { apiKey: editor });
      expect(response.status).toBe(413);
      expect(response.errors![0].extensions!.code).toBe('PAYLOAD_TOO_LARGE');
      expect(await tableCounts()).toEqual(before);
      await stillServing();
    });

    it('refuses a string just under the body limit but over the field limit as a user error', async () => {
      const payload = (await server.graphql(createBrief, { input: briefInput('long-summary', { summary: 'x'.repeat(1_000_000) }) }, { apiKey: editor })).data!
        .briefCreate;
      expect(payload.userErrors).toEqual([expect.objectContaining({ field: ['input', 'summary'], code: 'TOO_LONG' })]);
    });

    it('refuses an array of 100,000 IDs as a user error', async () => {
      const before = await tableCounts();
      const payload = (
        await server.graphql(
          createBrief,
          { input: briefInput('many-themes', { themeIds: Array.from({ length: 100_000 }, () => ids.dataUse) }) },
          { apiKey: editor },
        )
      ).data!.briefCreate;
      expect(payload.userErrors).toEqual([expect.objectContaining({ field: ['input', 'themeIds'], code: 'TOO_MANY' })]);
      expect(await tableCounts()).toEqual(before);
      await stillServing();
    });

    it('refuses a deeply nested input object naming the field', async () => {
      // 10 levels reach GraphQL, which names the field; deeper ones are refused before it (src/http/input-text.ts).
      const nestedTen = '{"deeper":'.repeat(10) + '"bottom"' + '}'.repeat(10);
      const headTen = JSON.stringify({ query: createBrief, variables: { input: briefInput('nested', { summary: 'NESTED' }) } });
      const shallow = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${editor}` },
        body: headTen.replace('"NESTED"', nestedTen),
      });
      // A plain application/json client gets its request errors with 200 (GraphQL over HTTP); the error is what counts.
      expect(shallow.status).toBe(200);
      const shallowAnswer = (await shallow.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
      expect(shallowAnswer.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(shallowAnswer.errors[0].message).toMatch(/at "input\.summary"; String cannot represent a non string value/);
      for (const depth of [1_000, 100_000]) {
        const nested = '{"deeper":'.repeat(depth) + '"bottom"' + '}'.repeat(depth);
        const head = JSON.stringify({ query: createBrief, variables: { input: briefInput('nested', { summary: 'NESTED' }) } });
        const body = head.replace('"NESTED"', nested);
        const response = await fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${editor}` },
          body,
        });
        const answer = (await response.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
        expect(response.status).toBe(400);
        expect(answer.errors[0].extensions.code).toBe('VARIABLES_TOO_DEEP');
        expect(answer.errors[0].message).toMatch(/nested more than 32 levels deep \(at "\$input\.summary\.deeper/);
        expect(JSON.stringify(answer)).not.toMatch(/at .*\.js:\d+/);
      }
      expect(await query(`SELECT 1 FROM brief WHERE slug = 'nested'`)).toEqual([]);
      await stillServing();
    });

    it('refuses a body that is not valid UTF-8', async () => {
      const head = Buffer.from(JSON.stringify({ query: createBrief, variables: { input: briefInput('bad-bytes', { summary: 'SPLIT' }) } }));
      const at = head.indexOf('SPLIT');
      const body = Buffer.concat([head.subarray(0, at), Buffer.from([0xc3, 0x28]), head.subarray(at + 5)]);
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${editor}` },
        body,
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { errors: Array<{ message: string }> }).errors[0].message).toMatch(/UTF-8/);
      expect(await query(`SELECT 1 FROM brief WHERE slug = 'bad-bytes'`)).toEqual([]);
    });

    it('refuses slugs with path characters and dates that do not exist', async () => {
      for (const slug of ['../etc', 'a/b', 'a\\b', 'a%2Fb']) {
        const payload = (await server.graphql(createBrief, { input: briefInput(slug) }, { apiKey: editor })).data!.briefCreate;
        expect({ slug, errors: payload.userErrors.map((error: { field: string[] }) => error.field.join('.')) }).toEqual({ slug, errors: ['input.slug'] });
      }
      // A NUL is no text at all: the request is refused before it runs, naming the variable.
      const nul = await server.graphql(createBrief, { input: briefInput('slug\u0000') }, { apiKey: editor });
      expect(nul.status).toBe(400);
      expect(nul.errors![0]).toMatchObject({ message: expect.stringMatching(/"\$input\.slug" holds a NUL character/), extensions: { code: 'BAD_USER_INPUT' } });
      const payload = (await server.graphql(createBrief, { input: briefInput('february', { published: '2023-02-31' }) }, { apiKey: editor })).data!.briefCreate;
      expect(payload.userErrors).toEqual([expect.objectContaining({ field: ['input', 'published'], code: 'INVALID' })]);
    });
  });
});
