/**
 * Filters accept slugs where records have them, so a partner site need not look IDs up
 * first: each slug field selects exactly what the ID field does, unknown slugs match
 * nothing, and themes by slug follow includeSubthemes like themes by ID.
 */
import { startTestServer, type TestServer } from './support/test-server';

describe('filters by slug', () => {
  let server: TestServer;
  let ids: Record<string, string>;
  beforeAll(async () => {
    server = await startTestServer();
    const { data } = await server.graphql(`{
      longBeach: district(slug: "long-beach-unified") { id }
      core: districtNetwork(slug: "core-districts") { id }
      pace: organization(slug: "policy-analysis-for-california-education") { id }
      collaborative: organization(slug: "california-collaborative-on-district-reform") { id }
      engaging: brief(slug: "engaging-district-school-and-teacher-leaders-in-improvement") { id }
      strategies: theme(slug: "improvement-strategies") { id }
      dataUse: theme(slug: "data-use") { id }
      accountability: theme(slug: "accountability") { id }
    }`);
    ids = Object.fromEntries(Object.entries(data!).map(([name, value]) => [name, (value as { id: string }).id]));
  });
  afterAll(async () => {
    await server.close();
  });

  /** Runs `list(filter: byId)` and `list(filter: bySlug)` and returns both answers' node keys. */
  async function both(list: string, key: string, byId: string, bySlug: string): Promise<[string[], string[]]> {
    const { data, errors } = await server.graphql(
      `{ byId: ${list}(first: 100, filter: ${byId}) { nodes { ${key} } } bySlug: ${list}(first: 100, filter: ${bySlug}) { nodes { ${key} } } }`,
    );
    expect(errors).toBeUndefined();
    return [data!.byId.nodes.map((node: Record<string, unknown>) => node[key]), data!.bySlug.nodes.map((node: Record<string, unknown>) => node[key])];
  }

  it.each([
    ['briefs', 'slug', () => `{ districts: ["${ids.longBeach}"] }`, `{ districtSlugs: ["long-beach-unified"] }`],
    ['briefs', 'slug', () => `{ networks: ["${ids.core}"] }`, `{ networkSlugs: ["core-districts"] }`],
    ['briefs', 'slug', () => `{ publishers: ["${ids.pace}"] }`, `{ publisherSlugs: ["policy-analysis-for-california-education"] }`],
    ['briefs', 'slug', () => `{ themes: { anyOf: ["${ids.strategies}"] } }`, `{ themes: { anyOfSlugs: ["improvement-strategies"] } }`],
    [
      'briefs',
      'slug',
      () => `{ themes: { anyOf: ["${ids.dataUse}"], includeSubthemes: false } }`,
      `{ themes: { anyOfSlugs: ["data-use"], includeSubthemes: false } }`,
    ],
    [
      'briefs',
      'slug',
      () => `{ themes: { allOf: ["${ids.dataUse}", "${ids.accountability}"] } }`,
      `{ themes: { allOfSlugs: ["data-use", "accountability"] } }`,
    ],
    ['lessons', 'statement', () => `{ briefs: ["${ids.engaging}"] }`, `{ briefSlugs: ["engaging-district-school-and-teacher-leaders-in-improvement"] }`],
    ['lessons', 'statement', () => `{ publishers: ["${ids.pace}"] }`, `{ publisherSlugs: ["policy-analysis-for-california-education"] }`],
    ['lessons', 'statement', () => `{ themes: { anyOf: ["${ids.dataUse}"] } }`, `{ themes: { anyOfSlugs: ["data-use"] } }`],
    ['districts', 'slug', () => `{ networks: ["${ids.core}"] }`, `{ networkSlugs: ["core-districts"] }`],
    ['meetings', 'number', () => `{ conveners: ["${ids.collaborative}"] }`, `{ convenerSlugs: ["california-collaborative-on-district-reform"] }`],
  ])('%s (compared by %s): the slug field selects what the ID field does, case %#', async (list, key, byId, bySlug) => {
    const [withIds, withSlugs] = await both(list, key, byId(), bySlug);
    expect(withIds.length).toBeGreaterThan(0);
    expect(withSlugs).toEqual(withIds);
  });

  it('matches nothing for unknown slugs or an empty list, and everything given must match', async () => {
    const { data } = await server.graphql(`{
      unknown: briefs(filter: { districtSlugs: ["no-such-district"] }) { totalCount }
      empty: briefs(filter: { themes: { anyOfSlugs: [] } }) { totalCount }
      both: briefs(filter: { publisherSlugs: ["policy-analysis-for-california-education"], themes: { anyOfSlugs: ["school-turnaround"] } }) { totalCount }
    }`);
    expect(data).toEqual({ unknown: { totalCount: 0 }, empty: { totalCount: 0 }, both: { totalCount: 0 } });
  });
});
