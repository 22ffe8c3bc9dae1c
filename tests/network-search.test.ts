/**
 * Search finds district networks: by name, by the acronyms their sources use (CIC),
 * and by words of their descriptions, without "correcting" words that are part of a
 * network's name; autocomplete suggests them when asked. Briefs are found by their
 * alternate titles too, and meetings by their agenda and their materials' titles and
 * contents, kept current as those change.
 */
import { ApiKeyRole } from '../src/auth/api-key.entity';
import { startTestServer, type TestServer } from './support/test-server';

describe('search over networks, alternate titles, agendas and materials', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  interface SearchResult {
    totalCount: number;
    matchMode: string;
    correctedQuery: string | null;
    edges: Array<{ highlights: Array<{ field: string; snippet: string }>; node: { __typename: string; slug?: string; aliases?: string[] } }>;
  }

  const search = async (query: string, extra = '') => {
    const response = await server.graphql<{ search: SearchResult }>(
      `query($q: String!) { search(query: $q ${extra}) { totalCount matchMode correctedQuery edges { highlights { field snippet } node { __typename ... on DistrictNetwork { slug aliases } } } } }`,
      { q: query },
    );
    expect(response.errors).toBeUndefined();
    return response.data!.search;
  };
  const networksOf = (result: SearchResult) => result.edges.filter((edge) => edge.node.__typename === 'DistrictNetwork').map((edge) => edge.node.slug);

  it('finds a network by the acronym its source uses', async () => {
    const result = await search('CIC');
    expect(result.matchMode).toBe('FULL_TEXT');
    expect(networksOf(result)).toEqual(['core-improvement-community']);
    expect(result.edges.find((edge) => edge.node.slug === 'core-improvement-community')?.node.aliases).toEqual(['CIC']);
  });

  it('finds the CIC report by the acronyms its page uses, CIC and LIT', async () => {
    const slugsOf = (result: { edges: Array<{ node: { slug?: string } }> }) => result.edges.map((edge) => edge.node.slug).filter(Boolean);
    const lit = await server.graphql(`{ search(query: "LIT") { matchMode edges { node { ... on Brief { slug } } } } }`);
    expect(lit.data!.search.matchMode).toBe('FULL_TEXT');
    expect(slugsOf(lit.data!.search)).toEqual(['engaging-district-school-and-teacher-leaders-in-improvement']);
    const cic = await server.graphql(`{ search(query: "CIC", types: [BRIEF]) { edges { node { ... on Brief { slug } } } } }`);
    expect(slugsOf(cic.data!.search)).toEqual(['engaging-district-school-and-teacher-leaders-in-improvement']);
  });

  it('finds a network by the words of its name, and does not correct them', async () => {
    const result = await search('Learning Partnership');
    expect(result.matchMode).toBe('FULL_TEXT');
    expect(result.correctedQuery).toBeNull();
    expect(networksOf(result)).toContain('fresno-long-beach-learning-partnership');
  });

  it('finds networks by their descriptions, highlighted, and only networks when asked', async () => {
    const result = await search('multiple-measures data system', 'types: [DISTRICT_NETWORK]');
    expect(result.edges.map((edge) => edge.node.__typename)).toEqual(['DistrictNetwork']);
    expect(networksOf(result)).toEqual(['core-data-collaborative']);
    expect(result.edges[0].highlights.map((highlight) => highlight.field)).toContain('description');
  });

  it('suggests networks in autocomplete when asked', async () => {
    const { data } = await server.graphql(`{ autocomplete(prefix: "fresno-long", types: [DISTRICT_NETWORK]) { text type node { __typename } } }`);
    expect(data!.autocomplete).toEqual([{ text: 'Fresno-Long Beach Learning Partnership', type: 'DISTRICT_NETWORK', node: { __typename: 'DistrictNetwork' } }]);
  });

  it('finds a brief by an alternate title, kept up to date when an editor changes them', async () => {
    const listing = await search('"Lessons from the CORE Districts"', 'types: [BRIEF]');
    expect(listing.edges.map((edge) => edge.highlights.map((highlight) => highlight.field))[0]).toContain('alternateTitles');
    const editor = await server.createApiKey(ApiKeyRole.EDITOR);
    const { data } = await server.graphql(`{ brief(slug: "learning-from-the-core-data-collaborative") { id } }`);
    const updated = await server.graphql(
      `mutation($id: ID!) { briefUpdate(id: $id, input: { alternateTitles: ["Zebrafish Compendium"] }) { brief { alternateTitles } userErrors { field } } }`,
      { id: data!.brief.id },
      { apiKey: editor },
    );
    expect(updated.data!.briefUpdate).toEqual({ brief: { alternateTitles: ['Zebrafish Compendium'] }, userErrors: [] });
    const found = await server.graphql(`{ search(query: "zebrafish") { matchMode edges { highlights { field } node { ... on Brief { slug } } } } }`);
    expect(found.data!.search.matchMode).toBe('FULL_TEXT');
    expect(found.data!.search.edges).toEqual([{ highlights: [{ field: 'alternateTitles' }], node: { slug: 'learning-from-the-core-data-collaborative' } }]);
  });

  it("finds meetings by their briefing books' contents and their materials' titles, as written", async () => {
    const contents = await search('"Human Capital in ESEA"', 'types: [MEETING]');
    expect(contents.matchMode).toBe('FULL_TEXT');
    expect(contents.edges).toHaveLength(1);
    expect(contents.edges[0].highlights.map((highlight) => highlight.field)).toContain('materials');
    const material = await search('Briefing Book', 'types: [MEETING]');
    expect(material).toMatchObject({ matchMode: 'FULL_TEXT', correctedQuery: null, totalCount: 3 });
    const agenda = await search('"design principles" recommendations', 'types: [MEETING]');
    expect(agenda.edges.map((edge) => edge.highlights.map((highlight) => highlight.field)).flat()).toContain('agenda');
  });

  it("keeps a meeting's search current when its agenda changes, without raising its version", async () => {
    const editor = await server.createApiKey(ApiKeyRole.EDITOR);
    const { data } = await server.graphql(`{ meeting(number: 11) { id version } }`);
    expect((await search('quinoa')).totalCount).toBe(0);
    const updated = await server.graphql(
      `mutation($id: ID!) { meetingUpdate(id: $id, input: { agenda: ["Quinoa and school lunches"] }) { meeting { version agendaTopics { title } } userErrors { field } } }`,
      { id: data!.meeting.id },
      { apiKey: editor },
    );
    expect(updated.data!.meetingUpdate.userErrors).toEqual([]);
    // One change, one version (the search bookkeeping adds none).
    expect(updated.data!.meetingUpdate.meeting.version).toBe(data!.meeting.version + 1);
    const found = await search('quinoa', 'types: [MEETING]');
    expect(found.edges.map((edge) => edge.highlights.map((highlight) => highlight.field))).toEqual([['agenda']]);
  });
});
