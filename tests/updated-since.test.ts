/**
 * "Changed since" on every list: `updatedSince`/`updatedBefore` select what changed
 * (through the API or from psql), and the UPDATED_AT orderings page by keyset, root
 * and nested, every row once.
 */
import { ApiKeyRole } from '../src/auth/api-key.entity';
import { startTestServer, type TestServer, type UntypedData } from './support/test-server';

describe('updatedSince, updatedBefore and UPDATED_AT orderings', () => {
  let server: TestServer;
  let editor: string;

  beforeAll(async () => {
    server = await startTestServer();
    editor = await server.createApiKey(ApiKeyRole.EDITOR);
  });
  afterAll(async () => {
    await server.close();
  });

  /** The database's clock, so the test does not depend on this process's clock agreeing with it. */
  const databaseNow = async (): Promise<string> =>
    ((await server.database.dataSource.query(`SELECT to_json(clock_timestamp()) #>> '{}' AS now`)) as Array<{ now: string }>)[0].now;

  it('lists only the records changed since a time, by a mutation or from psql', async () => {
    const since = await databaseNow();
    const { data } = await server.graphql(`{ brief(slug: "always-room-for-improvement") { id version } district(slug: "oakland-unified") { id } }`);
    const updated = await server.graphql(
      `mutation($id: ID!) { briefUpdate(id: $id, input: { summary: "Changed for the updatedSince test." }) { brief { id updatedAt } userErrors { code } } }`,
      { id: data!.brief.id },
      { apiKey: editor },
    );
    expect(updated.data!.briefUpdate.userErrors).toEqual([]);
    await server.database.dataSource.query(`UPDATE district SET name = name || ' (renamed in psql)' WHERE slug = 'oakland-unified'`);

    const changed = await server.graphql(
      `query($since: DateTimeISO!) {
      briefs(filter: { updatedSince: $since }) { totalCount nodes { id } }
      districts(filter: { updatedSince: $since }) { totalCount nodes { id } }
      themes(filter: { updatedSince: $since }) { totalCount }
      before: briefs(filter: { updatedBefore: $since }) { totalCount }
      all: briefs { totalCount }
    }`,
      { since },
    );
    expect(changed.errors).toBeUndefined();
    expect(changed.data!.briefs).toEqual({ totalCount: 1, nodes: [{ id: data!.brief.id }] });
    expect(changed.data!.districts).toEqual({ totalCount: 1, nodes: [{ id: data!.district.id }] });
    expect(changed.data!.themes.totalCount).toBe(0);
    expect(changed.data!.before.totalCount).toBe(changed.data!.all.totalCount - 1);
  });

  it('refuses an empty window, naming the argument', async () => {
    const response = await server.graphql(`{ briefs(filter: { updatedSince: "2020-01-02T00:00:00Z", updatedBefore: "2020-01-01T00:00:00Z" }) { totalCount } }`);
    expect(response.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'filter.updatedBefore' });
  });

  /** Pages a list `first` at a time, returning the nodes in order. */
  async function pageThrough(
    listPath: (data: UntypedData) => { nodes: Array<{ id: string; updatedAt: string }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } },
    query: (after: string | null) => string,
  ): Promise<Array<{ id: string; updatedAt: string }>> {
    const nodes: Array<{ id: string; updatedAt: string }> = [];
    let after: string | null = null;
    for (;;) {
      const response = await server.graphql(query(after));
      expect(response.errors).toBeUndefined();
      const page = listPath(response.data!);
      nodes.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) return nodes;
      after = page.pageInfo.endCursor;
    }
  }

  it('pages root and nested lists in UPDATED_AT order, every record once', async () => {
    // Several rows changed in one transaction share updated_at: the key breaks the tie.
    await server.database.dataSource.query(`UPDATE lesson SET updated_at = '2030-01-01Z' WHERE id IN (SELECT id FROM lesson ORDER BY id LIMIT 5)`);
    const selection = 'pageInfo { hasNextPage endCursor } nodes { id updatedAt }';
    const all = await server.graphql(`{ lessons(first: 100, orderBy: UPDATED_AT_DESC) { totalCount nodes { id updatedAt } } }`);
    const paged = await pageThrough(
      (data) => data.lessons,
      (after) => `{ lessons(first: 3, orderBy: UPDATED_AT_DESC${after ? `, after: ${JSON.stringify(after)}` : ''}) { ${selection} } }`,
    );
    expect(paged).toEqual(all.data!.lessons.nodes);
    expect(new Set(paged.map((node) => node.id)).size).toBe(all.data!.lessons.totalCount);
    const times = paged.map((node) => Date.parse(node.updatedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const nested = await pageThrough(
      (data) => data.theme.briefs,
      (after) =>
        `{ theme(slug: "data-use") { briefs(first: 1, orderBy: UPDATED_AT_ASC${after ? `, after: ${JSON.stringify(after)}` : ''}) { ${selection} } } }`,
    );
    const whole = await server.graphql(`{ theme(slug: "data-use") { briefs(first: 100, orderBy: UPDATED_AT_ASC) { nodes { id updatedAt } } } }`);
    expect(nested.length).toBeGreaterThan(1);
    expect(nested).toEqual(whole.data!.theme.briefs.nodes);
  });

  it('refuses a cursor of another ordering', async () => {
    const first = await server.graphql(`{ organizations(first: 1, orderBy: NAME_ASC) { pageInfo { endCursor } } }`);
    const response = await server.graphql(`query($after: String) { organizations(first: 1, orderBy: UPDATED_AT_ASC, after: $after) { totalCount } }`, {
      after: first.data!.organizations.pageInfo.endCursor,
    });
    expect(response.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
  });
});
