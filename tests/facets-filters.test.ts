/**
 * Facets and filters agree on every dimension: for each value a facet counts, the
 * matching filter returns exactly that many items (briefs and lessons, districts
 * reached through a network and sub-themes included).
 */
import { startTestServer, type TestServer } from './support/test-server';

describe('facets agree with filters', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  const facetFields = `themes { theme { id slug } count } years { year count } districts { district { id slug } count } kinds { kind count } publishers { organization { id } count } bases { basis count }`;

  /** The filter each facet value stands for. */
  interface Facets {
    themes: Array<{ theme: { id: string; slug: string }; count: number }>;
    years: Array<{ year: number; count: number }>;
    districts: Array<{ district: { id: string; slug: string }; count: number }>;
    kinds: Array<{ kind: string; count: number }>;
    publishers: Array<{ organization: { id: string }; count: number }>;
    bases: Array<{ basis: string; count: number }>;
  }

  function filtersOf(facets: Facets): Array<{ label: string; filter: Record<string, unknown>; count: number }> {
    return [
      ...facets.themes.map((facet) => ({ label: `theme ${facet.theme.slug}`, filter: { themes: { anyOf: [facet.theme.id] } }, count: facet.count })),
      ...facets.years.map((facet) => ({
        label: `year ${facet.year}`,
        filter: { published: { from: `${facet.year}-01-01`, to: `${facet.year}-12-31` } },
        count: facet.count,
      })),
      ...facets.districts.map((facet) => ({ label: `district ${facet.district.slug}`, filter: { districts: [facet.district.id] }, count: facet.count })),
      ...facets.kinds.map((facet) => ({ label: `kind ${facet.kind}`, filter: { kinds: [facet.kind] }, count: facet.count })),
      ...facets.publishers.map((facet) => ({
        label: `publisher ${facet.organization.id}`,
        filter: { publishers: [facet.organization.id] },
        count: facet.count,
      })),
      ...facets.bases.map((facet) => ({ label: `basis ${facet.basis}`, filter: { bases: [facet.basis] }, count: facet.count })),
    ];
  }

  for (const [list, facetsField, filterType] of [
    ['briefs', 'briefFacets', 'BriefFilter'],
    ['lessons', 'lessonFacets', 'LessonFilter'],
  ] as const) {
    it(`${facetsField}: each value's count is what ${list}(filter:) returns`, async () => {
      const facets = (await server.graphql(`{ ${facetsField} { ${facetFields} } }`)).data![facetsField];
      const cases = filtersOf(facets);
      expect(cases.length).toBeGreaterThan(10);
      const returned: Array<[string, number]> = [];
      // In batches, under the alias limit.
      for (let start = 0; start < cases.length; start += 20) {
        const batch = cases.slice(start, start + 20);
        const counts = await server.graphql(
          `query(${batch.map((_, index) => `$f${index}: ${filterType}`).join(', ')}) { ${batch.map((_, index) => `c${index}: ${list}(filter: $f${index}) { totalCount }`).join(' ')} }`,
          Object.fromEntries(batch.map((item, index) => [`f${index}`, item.filter])),
        );
        expect(counts.errors).toBeUndefined();
        returned.push(...batch.map((item, index): [string, number] => [item.label, counts.data![`c${index}`].totalCount]));
      }
      expect(returned).toEqual(cases.map((item) => [item.label, item.count]));
    });
  }

  it('counts a brief under a district it reaches through a network it studies, as the filter matches it', async () => {
    const { data } = await server.graphql(`{ briefFacets { districts { district { slug } count } } }`);
    expect(data!.briefFacets.districts.length).toBeGreaterThan(0);
    expect(data!.briefFacets.districts).toContainEqual({ district: { slug: 'long-beach-unified' }, count: expect.any(Number) });
  });
});
