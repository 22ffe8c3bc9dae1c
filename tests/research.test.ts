/** Research exploration through the HTTP endpoint: search, facets, related lessons, timelines and connections. */
import { startTestServer, type GraphQLResponse, type TestServer } from './support/test-server';

interface SearchHits {
  totalCount: number;
  matchMode: string;
  fellBack: boolean;
  edges: Array<{ score: number; highlights: Array<{ field: string; snippet: string }>; node: { __typename: string; slug?: string } }>;
}

/** A Relay connection as the paging test reads it. */
interface RelayList {
  edges: Array<{ cursor: string }>;
  nodes: Array<{ id: string }>;
  pageInfo: { endCursor: string };
}

describe('research exploration', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  const hitsOf = async (query: string, extra = '') => {
    const response = await server.graphql<{ search: SearchHits }>(
      `query($q: String!) { search(query: $q ${extra}) { totalCount matchMode fellBack edges { score highlights { field snippet } node { __typename ...on Brief { slug title } ...on Lesson { statement } ...on Theme { slug } ...on Meeting { number } ...on District { slug } ...on Organization { slug } } } } }`,
      { q: query },
    );
    expect(response.errors).toBeUndefined();
    return response.data!.search;
  };

  describe('search', () => {
    it('finds a phrase across record types, ranked, with the matches highlighted', async () => {
      const result = await hitsOf('"continuous improvement"');
      expect(result.matchMode).toBe('FULL_TEXT');
      expect(result.fellBack).toBe(false);
      expect(result.totalCount).toBeGreaterThan(5);
      const types = new Set(result.edges.map((edge) => edge.node.__typename));
      expect([...types]).toEqual(expect.arrayContaining(['Theme', 'Lesson', 'Brief', 'Meeting', 'Organization']));
      const scores = result.edges.map((edge) => edge.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      const theme = result.edges.find((edge) => edge.node.slug === 'continuous-improvement');
      expect(theme?.highlights[0]).toEqual({ field: 'name', snippet: '<mark>Continuous</mark> <mark>improvement</mark>' });
      for (const edge of result.edges) expect(edge.highlights.some((highlight) => highlight.snippet.includes('<mark>'))).toBe(true);
    });

    it('stems words and ignores accents', async () => {
      const improving = await hitsOf('improving districts');
      expect(improving.totalCount).toBeGreaterThan(0);
      const accented = await hitsOf('équité');
      expect(accented.edges.map((edge) => edge.node.slug)).toContain('equity-and-opportunity-gaps');
    });

    it('understands or and -exclusion', async () => {
      const data = (await hitsOf('data')).totalCount;
      const dataOrTurnaround = (await hitsOf('data or turnaround')).totalCount;
      const dataWithoutAccountability = await hitsOf('data -accountability');
      expect(dataOrTurnaround).toBeGreaterThan(data);
      expect(dataWithoutAccountability.totalCount).toBeLessThan(data);
      expect(JSON.stringify(dataWithoutAccountability)).not.toMatch(/accountability/i);
    });

    it('falls back to similar spellings when nothing matches as written, and says so', async () => {
      const result = await hitsOf('contnuous improvment');
      expect(result).toMatchObject({ matchMode: 'FUZZY', fellBack: true });
      expect(result.edges.length).toBeGreaterThan(0);
      expect(result.edges.map((edge) => edge.node.slug)).toContain('continuous-improvement');
    });

    it('narrows by type and theme, and pages with cursors', async () => {
      const briefsOnly = await hitsOf('improvement', ', types: [BRIEF]');
      expect(briefsOnly.edges.every((edge) => edge.node.__typename === 'Brief')).toBe(true);
      const { data } = await server.graphql(`{ theme(slug: "data-use") { id } }`);
      const onDataUse = await server.graphql(
        `query($t: ID!) { search(query: "improvement", filter: { themes: { anyOf: [$t] } }) { edges { node { __typename } } } }`,
        { t: data!.theme.id },
      );
      expect(
        onDataUse.data!.search.edges.every((edge: { node: { __typename: string } }) => ['Brief', 'Lesson', 'Meeting'].includes(edge.node.__typename)),
      ).toBe(true);
      const all = await server.graphql(`{ search(query: "improvement", first: 6) { edges { cursor node { ...on Node { id } } } } }`);
      const firstPage = await server.graphql(
        `{ search(query: "improvement", first: 3) { pageInfo { hasNextPage endCursor } edges { node { ...on Node { id } } } } }`,
      );
      const secondPage = await server.graphql(
        `query($after: String) { search(query: "improvement", first: 3, after: $after) { pageInfo { hasPreviousPage } edges { node { ...on Node { id } } } } }`,
        { after: firstPage.data!.search.pageInfo.endCursor },
      );
      const ids = (page: { edges: Array<{ node: { id: string } }> }) => page.edges.map((edge) => edge.node.id);
      expect(firstPage.data!.search.pageInfo.hasNextPage).toBe(true);
      expect([...ids(firstPage.data!.search), ...ids(secondPage.data!.search)]).toEqual(ids(all.data!.search));
    });

    it('gives briefs and lessons a search argument that combines with their filters', async () => {
      const { data } = await server.graphql(`{
        reports: briefs(search: "data", filter: { kinds: [REPORT] }) { nodes { slug } }
        lessons(search: "capacity") { nodes { statement } }
      }`);
      expect(data!.reports.nodes.map((brief: { slug: string }) => brief.slug)).toEqual(['learning-from-the-core-data-collaborative']);
      expect(data!.lessons.nodes.length).toBeGreaterThan(0);
      for (const lesson of data!.lessons.nodes) expect(lesson.statement.toLowerCase()).toContain('capacity');
    });

    it('answers bad input with BAD_USER_INPUT or a sensible search, never an internal error or SQL', async () => {
      const errorOf = async (query: string) => (await server.graphql(`query($q: String!) { search(query: $q) { totalCount } }`, { q: query })).errors;
      expect((await errorOf(''))![0]).toMatchObject({
        message: 'Argument "query" must not be empty; type some words to search for',
        extensions: { code: 'BAD_USER_INPUT' },
      });
      expect((await errorOf('   '))![0].extensions!.code).toBe('BAD_USER_INPUT');
      expect((await errorOf('x'.repeat(10_000)))![0]).toMatchObject({
        message: 'Argument "query" is 10000 characters long; at most 256 are searched',
        extensions: { code: 'BAD_USER_INPUT' },
      });
      expect((await errorOf('the of and'))![0]).toMatchObject({
        message: expect.stringContaining('holds only common words'),
        extensions: { code: 'BAD_USER_INPUT' },
      });
      for (const hostile of [
        '"data use',
        "'",
        '\\',
        'data & use',
        'data | use',
        '!data',
        'data:*',
        'data <-> use',
        "'; DROP TABLE brief; --",
        'data\u0000use',
        '((((',
        ':*',
        '&|!',
      ]) {
        const response = await server.graphql(`query($q: String!) { search(query: $q) { totalCount matchMode } }`, { q: hostile });
        const code = response.errors?.[0]?.extensions?.code;
        expect({ hostile, code: code ?? 'searched' }).toEqual({ hostile, code: code === 'BAD_USER_INPUT' ? 'BAD_USER_INPUT' : 'searched' });
      }
      const { data } = await server.graphql(`{ briefs { totalCount } }`);
      expect(data!.briefs.totalCount).toBe(7);
    });

    it('suggests titles and names for a search box', async () => {
      const { data } = await server.graphql(`{ autocomplete(prefix: "improvem") { text type node { ...on Node { id } } } }`);
      const texts = data!.autocomplete.map((suggestion: { text: string }) => suggestion.text);
      expect(texts.slice(0, 2)).toEqual(['Improvement science', 'Improvement strategies']);
      expect(texts.length).toBeLessThanOrEqual(10);
      expect(texts).toContain('Always Room for Improvement: The California System of Support as a Catalyst for Change');
      const meetings = await server.graphql(`{ autocomplete(prefix: "meeting 3", types: [MEETING]) { text } }`);
      expect(meetings.data!.autocomplete[0].text).toMatch(/^Meeting 34: Building a Statewide System/);
      const literal = await server.graphql(`{ autocomplete(prefix: "%_") { text } }`);
      expect(literal.data!.autocomplete).toEqual([]);
      const short = await server.graphql(`{ autocomplete(prefix: "i") { text } }`);
      expect(short.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argumentName: 'prefix' } });
    });
  });

  describe('facets', () => {
    it('count by theme, year, kind and publisher, each facet ignoring only its own filter', async () => {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: `{ briefFacets(filter: { kinds: [POLICY_BRIEF] }) { themes { theme { slug } count } years { year count } kinds { kind count } publishers { organization { shortName } count } districts { district { slug } count } } }`,
        }),
      });
      const { data } = (await response.json()) as {
        data: { briefFacets: { kinds: unknown[]; publishers: unknown[]; years: unknown[]; themes: Array<{ theme: { slug: string }; count: number }> } };
      };
      const facets = data.briefFacets;
      expect(facets.kinds).toEqual([
        { kind: 'POLICY_BRIEF', count: 3 },
        { kind: 'REPORT', count: 3 },
        { kind: 'RESEARCH_PAPER', count: 1 },
      ]);
      expect(facets.publishers).toEqual([
        { organization: { shortName: 'the Collaborative' }, count: 2 },
        { organization: { shortName: 'PACE' }, count: 1 },
      ]);
      expect(facets.years).toEqual([
        { year: 2018, count: 1 },
        { year: 2016, count: 1 },
        { year: 2011, count: 1 },
      ]);
      expect(facets.themes.find((facet) => facet.theme.slug === 'statewide-system-of-support')).toEqual({
        theme: { slug: 'statewide-system-of-support' },
        count: 1,
      });
      expect(Number(response.headers.get('x-sql-statements'))).toBeLessThanOrEqual(4);
    });

    it('count lessons by the facets of their briefs, with a search', async () => {
      const { data } = await server.graphql(`{ lessonFacets(search: "capacity") { kinds { kind count } publishers { organization { shortName } count } } }`);
      expect(data!.lessonFacets.publishers.reduce((sum: number, facet: { count: number }) => sum + facet.count, 0)).toBeGreaterThan(0);
    });
  });

  describe('linked lessons', () => {
    it('ranks related lessons from other briefs with the reasons shown', async () => {
      const { data } = await server.graphql(`{
        brief(slug: "engaging-district-school-and-teacher-leaders-in-improvement") {
          lessons(first: 2, after: null) { nodes { position brief { slug } relatedLessons(first: 5) {
            edges { score node { position brief { slug } } reasons { kind weight linkKind direction theme { slug } } }
          } } }
        }
      }`);
      const second = data!.brief.lessons.nodes[1];
      const edges = second.relatedLessons.edges;
      expect(edges[0].node).toEqual({ position: 1, brief: { slug: 'district-role-in-school-turnaround' } });
      expect(edges[0].reasons).toEqual(
        expect.arrayContaining([
          { kind: 'EXPLICIT_LINK', weight: 0.8, linkKind: 'SUPPORTS', direction: 'OUTGOING', theme: null },
          { kind: 'SHARED_THEME', weight: 0.3, linkKind: null, direction: null, theme: { slug: 'district-role-in-improvement' } },
        ]),
      );
      for (const edge of edges) {
        expect(edge.node.brief.slug).not.toBe('engaging-district-school-and-teacher-leaders-in-improvement');
        expect(edge.score).toBeCloseTo(
          edge.reasons.reduce((sum: number, reason: { weight: number }) => sum + reason.weight, 0),
          5,
        );
      }
      const scores = edges.map((edge: { score: number }) => edge.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    });

    it('ranks related briefs, and refuses an oversized request', async () => {
      const { data } = await server.graphql(
        `{ brief(slug: "always-room-for-improvement") { relatedBriefs(first: 3) { edges { score node { slug } reasons { kind } } } } }`,
      );
      const edges = data!.brief.relatedBriefs.edges;
      expect(edges.length).toBeGreaterThan(0);
      expect(edges.map((edge: { node: { slug: string } }) => edge.node.slug)).not.toContain('always-room-for-improvement');
      const tooMany = await server.graphql(`{ brief(slug: "always-room-for-improvement") { relatedBriefs(first: 500) { edges { score } } } }`);
      expect(tooMany.errors![0]).toMatchObject({ message: 'Argument "first" must be from 1 to 20, got 500', extensions: { code: 'BAD_USER_INPUT' } });
    });

    it('pages related briefs and lessons as Relay connections: cursors, pageInfo, and pages that join up', async () => {
      const lessons = await server.graphql(
        '{ brief(slug: "engaging-district-school-and-teacher-leaders-in-improvement") { lessons(first: 2) { nodes { id } } } }',
      );
      const lessonId = lessons.data!.brief.lessons.nodes[1].id;
      const lists: Array<[string, (selection: string) => string, (data: GraphQLResponse['data']) => RelayList]> = [
        ['relatedBriefs', (selection) => `brief(slug: "always-room-for-improvement") { ${selection} }`, (data) => data!.brief.relatedBriefs],
        ['relatedLessons', (selection) => `node(id: "${lessonId}") { ... on Lesson { ${selection} } }`, (data) => data!.node.relatedLessons],
      ];
      for (const [field, within, listOf] of lists) {
        const page = async (
          first: number,
          after: string | null,
          selection = 'edges { cursor score node { id } } nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }',
        ) => {
          const response = await server.graphql(`query($after: String) { ${within(`${field}(first: ${first}, after: $after) { ${selection} }`)} }`, { after });
          return response;
        };
        const whole = listOf((await page(6, null)).data);
        expect(whole.edges.length).toBeGreaterThanOrEqual(4);
        const first = listOf((await page(2, null)).data);
        expect(first.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: first.edges[0].cursor, endCursor: first.edges[1].cursor });
        const second = listOf((await page(2, first.pageInfo.endCursor)).data);
        expect(second.pageInfo).toMatchObject({ hasPreviousPage: true, startCursor: second.edges[0].cursor });
        expect([...first.nodes, ...second.nodes].map((node: { id: string }) => node.id)).toEqual(
          whole.nodes.slice(0, 4).map((node: { id: string }) => node.id),
        );
        // A cursor of another list is refused, naming the argument.
        const other = await server.graphql('{ briefs(first: 1) { pageInfo { endCursor } } }');
        const foreign = await page(2, other.data!.briefs.pageInfo.endCursor, 'nodes { id }');
        expect(foreign.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
        expect(foreign.errors![0].message).toContain('after');
      }
    });

    it('exposes links in both directions', async () => {
      const { data } = await server.graphql(`{ brief(slug: "district-role-in-school-turnaround") { lessons { nodes {
        incoming: links(direction: INCOMING) { nodes { kind from { brief { slug } } } } outgoing: links(direction: OUTGOING) { totalCount } } } } }`);
      const lesson = data!.brief.lessons.nodes[0];
      expect(lesson.incoming.nodes).toEqual([{ kind: 'SUPPORTS', from: { brief: { slug: 'engaging-district-school-and-teacher-leaders-in-improvement' } } }]);
      expect(lesson.outgoing.totalCount).toBe(0);
    });
  });

  it("draws a theme's timeline, sub-themes included", async () => {
    const { data } = await server.graphql(
      `{ theme(slug: "continuous-improvement") { timeline { firstAppearance lastAppearance undatedBriefs years { year briefs meetings lessons } } } }`,
    );
    expect(data!.theme.timeline).toEqual({
      firstAppearance: '2016-10-14',
      lastAppearance: '2019-10-01',
      undatedBriefs: 2,
      years: [
        { year: 2016, briefs: 1, meetings: 0, lessons: 1 },
        { year: 2017, briefs: 0, meetings: 1, lessons: 0 },
        { year: 2018, briefs: 1, meetings: 0, lessons: 1 },
        { year: 2019, briefs: 2, meetings: 0, lessons: 7 },
      ],
    });
  });

  describe('connection between two records', () => {
    const idsQuery = `{ meeting11: meeting(number: 11) { id materials { id } } engaging: brief(slug: "engaging-district-school-and-teacher-leaders-in-improvement") { id }
      fresno: district(slug: "fresno-unified") { id } air: organization(slug: "american-institutes-for-research") { id } }`;

    it('finds the shortest chain, from a 2009 meeting to a 2019 report through a shared theme', async () => {
      const ids = (await server.graphql(idsQuery)).data!;
      const { data } = await server.graphql(
        `query($from: ID!, $to: ID!) { connection(from: $from, to: $to) { hops nodes { __typename id } steps { relation from { id } to { id } } } }`,
        { from: ids.meeting11.id, to: ids.engaging.id },
      );
      const path = data!.connection;
      expect(path.hops).toBe(2);
      expect(path.nodes.map((node: { __typename: string }) => node.__typename)).toEqual(['Meeting', 'Theme', 'Brief']);
      expect(path.steps.map((step: { relation: string }) => step.relation)).toEqual(['HAS_THEME', 'THEME_OF']);
      expect(path.steps[0].from.id).toBe(ids.meeting11.id);
      expect(path.steps[1].to.id).toBe(ids.engaging.id);
      expect(path.steps[0].to.id).toBe(path.steps[1].from.id);
    });

    it('answers null when no chain is short enough, and 0 hops for the same record', async () => {
      const ids = (await server.graphql(idsQuery)).data!;
      const { data } = await server.graphql(
        `query($a: ID!, $b: ID!, $c: ID!) { none: connection(from: $a, to: $b, maxHops: 1) { hops } same: connection(from: $c, to: $c) { hops nodes { id } steps { relation } } }`,
        { a: ids.fresno.id, b: ids.air.id, c: ids.fresno.id },
      );
      expect(data!.none).toBeNull();
      expect(data!.same).toEqual({ hops: 0, nodes: [{ id: ids.fresno.id }], steps: [] });
    });

    it('refuses maxHops out of range, unknown records and records that are not in the graph', async () => {
      const ids = (await server.graphql(idsQuery)).data!;
      const errorOf = async (variables: Record<string, unknown>) =>
        (await server.graphql(`query($from: ID!, $to: ID!, $hops: Int!) { connection(from: $from, to: $to, maxHops: $hops) { hops } }`, variables)).errors![0];
      expect(await errorOf({ from: ids.fresno.id, to: ids.air.id, hops: 5 })).toMatchObject({
        message: 'Argument "maxHops" must be from 1 to 4, got 5',
        extensions: { code: 'BAD_USER_INPUT' },
      });
      expect(await errorOf({ from: ids.fresno.id, to: ids.air.id, hops: 0 })).toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', argumentName: 'maxHops' },
      });
      expect(await errorOf({ from: 'QnJpZWY6OTk5OQ', to: ids.air.id, hops: 2 })).toMatchObject({
        message: 'Argument "from" is the ID of a Brief that does not exist',
      });
      expect(await errorOf({ from: ids.meeting11.materials[0].id, to: ids.air.id, hops: 2 })).toMatchObject({
        message: expect.stringContaining('is the ID of a MeetingMaterial, which cannot be an end of a connection'),
      });
      expect(await errorOf({ from: 'garbage', to: ids.air.id, hops: 2 })).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argumentName: 'from' } });
    });
  });

  it('traces provenance both ways: lesson to meeting materials, and meeting to the lessons it led to', async () => {
    const { data } = await server.graphql(`{
      brief(slug: "always-room-for-improvement") { lessons(first: 1) { nodes { brief { followsUpMeeting { number materials { kind title } } } source { fileName } } } }
      meeting(number: 34) { followUpLessons { totalCount nodes { brief { slug } position } } }
    }`);
    const lesson = data!.brief.lessons.nodes[0];
    expect(lesson.brief.followsUpMeeting.number).toBe(34);
    expect(lesson.brief.followsUpMeeting.materials.map((material: { kind: string }) => material.kind)).toEqual([
      'SUMMARY',
      'LOGISTICS',
      'SUPPLEMENTAL_MATERIALS',
      'BRIEFING_BOOK',
    ]);
    expect(lesson.source.fileName).toBe('001_fb4fd3cb82c8be9d.txt');
    expect(data!.meeting.followUpLessons.totalCount).toBe(3);
    expect(data!.meeting.followUpLessons.nodes.map((node: { position: number }) => node.position)).toEqual([1, 2, 3]);
  });
});
