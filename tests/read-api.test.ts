/** The read API's lists: Relay connections, keyset paging both ways, filters, orderings and bad arguments. */
import { startTestServer, type GraphQLResponse, type TestServer } from './support/test-server';

interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

describe('the read API', () => {
  let server: TestServer;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    server = await startTestServer();
    const { data } = await server.graphql(`{
      improvementStrategies: theme(slug: "improvement-strategies") { id }
      dataUse: theme(slug: "data-use") { id }
      accountability: theme(slug: "accountability") { id }
      core: districtNetwork(slug: "core-districts") { id }
      partnership: districtNetwork(slug: "fresno-long-beach-learning-partnership") { id }
      fresno: district(slug: "fresno-unified") { id }
      pace: organization(slug: "policy-analysis-for-california-education") { id }
      meeting34: meeting(number: 34) { id }
    }`);
    for (const [name, value] of Object.entries(data!)) ids[name] = (value as { id: string }).id;
  });
  afterAll(async () => {
    await server.close();
  });

  const slugsOf = (connection: { nodes: Array<{ slug: string }> }) => connection.nodes.map((node) => node.slug);

  describe('paging', () => {
    it('walks a whole list forwards in pages, with correct cursors and page info', async () => {
      const all = (await server.graphql(`{ themes(first: 100) { totalCount nodes { slug } } }`)).data!.themes;
      expect(all.totalCount).toBe(19);
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const response: GraphQLResponse<{ themes: { edges: Array<{ cursor: string; node: { slug: string } }>; pageInfo: PageInfo } }> = await server.graphql(
          `query($after: String) { themes(first: 5, after: $after) { edges { cursor node { slug } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
          { after },
        );
        const { edges, pageInfo } = response.data!.themes;
        seen.push(...edges.map((edge) => edge.node.slug));
        expect(pageInfo.startCursor).toBe(edges[0].cursor);
        expect(pageInfo.endCursor).toBe(edges[edges.length - 1].cursor);
        expect(pageInfo.hasPreviousPage).toBe(after !== null);
        pages++;
        if (!pageInfo.hasNextPage) break;
        after = pageInfo.endCursor;
      }
      expect(pages).toBe(4);
      expect(seen).toEqual(slugsOf(all));
    });

    it('walks it backwards with last/before to the same items', async () => {
      const all = slugsOf((await server.graphql(`{ themes(first: 100) { nodes { slug } } }`)).data!.themes);
      const seen: string[] = [];
      let before: string | null = null;
      for (;;) {
        const response: GraphQLResponse<{ themes: { nodes: Array<{ slug: string }>; pageInfo: PageInfo } }> = await server.graphql(
          `query($before: String) { themes(last: 7, before: $before) { nodes { slug } pageInfo { hasPreviousPage hasNextPage startCursor } } }`,
          { before },
        );
        seen.unshift(...slugsOf(response.data!.themes));
        expect(response.data!.themes.pageInfo.hasNextPage).toBe(before !== null);
        if (!response.data!.themes.pageInfo.hasPreviousPage) break;
        before = response.data!.themes.pageInfo.startCursor;
      }
      expect(seen).toEqual(all);
    });

    it('pages past briefs without a known date, which sort as the oldest', async () => {
      const all = slugsOf((await server.graphql(`{ briefs(first: 100) { nodes { slug } } }`)).data!.briefs);
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 10; page++) {
        const response: GraphQLResponse<{ briefs: { nodes: Array<{ slug: string }>; pageInfo: PageInfo } }> = await server.graphql(
          `query($after: String) { briefs(first: 2, after: $after) { nodes { slug } pageInfo { hasNextPage endCursor } } }`,
          { after },
        );
        expect(response.errors).toBeUndefined();
        seen.push(...slugsOf(response.data!.briefs));
        if (!response.data!.briefs.pageInfo.hasNextPage) break;
        after = response.data!.briefs.pageInfo.endCursor;
      }
      expect(seen).toEqual(all);
    });

    it('returns 20 items when no page size is given', async () => {
      const { data } = await server.graphql(`{ lessons { totalCount nodes { statement } pageInfo { hasNextPage } } }`);
      expect(data!.lessons.totalCount).toBe(19);
      expect(data!.lessons.nodes).toHaveLength(19);
      expect(data!.lessons.pageInfo.hasNextPage).toBe(false);
      const themes = await server.graphql(`{ themes { nodes { slug } pageInfo { hasNextPage } } }`);
      expect(themes.data!.themes.nodes).toHaveLength(19);
    });

    it('pages nested lists per parent', async () => {
      const { data, errors } = await server.graphql(`{
        briefs(first: 10, orderBy: TITLE_ASC) { nodes { slug lessons(first: 2) { totalCount nodes { position } pageInfo { hasNextPage endCursor } } } }
      }`);
      expect(errors).toBeUndefined();
      const engaging = data!.briefs.nodes.find((brief: { slug: string }) => brief.slug === 'engaging-district-school-and-teacher-leaders-in-improvement');
      expect(engaging.lessons).toMatchObject({ totalCount: 4, nodes: [{ position: 1 }, { position: 2 }], pageInfo: { hasNextPage: true } });
      const next = await server.graphql(
        `query($after: String) { brief(slug: "engaging-district-school-and-teacher-leaders-in-improvement") { lessons(first: 2, after: $after) { nodes { position } pageInfo { hasNextPage } } } }`,
        { after: engaging.lessons.pageInfo.endCursor },
      );
      expect(next.data!.brief.lessons).toEqual({ nodes: [{ position: 3 }, { position: 4 }], pageInfo: { hasNextPage: false } });
      const turnaround = data!.briefs.nodes.find((brief: { slug: string }) => brief.slug === 'district-role-in-school-turnaround');
      expect(turnaround.lessons).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: false } });
    });
  });

  describe('ordering', () => {
    it('orders briefs by publication date, unknown dates last, and by title', async () => {
      const byDate = (await server.graphql(`{ briefs { nodes { slug publicationDate { date } } } }`)).data!.briefs.nodes;
      const dated = [
        'lessons-from-the-core-districts',
        'engaging-district-school-and-teacher-leaders-in-improvement',
        'always-room-for-improvement',
        'core-districts-measurement-capacity-building-and-shared-accountability',
        'district-role-in-school-turnaround',
      ];
      expect(byDate.slice(0, 5).map((brief: { slug: string }) => brief.slug)).toEqual(dated);
      expect(byDate.slice(5).every((brief: { publicationDate: unknown }) => brief.publicationDate === null)).toBe(true);
      const ascending = slugsOf((await server.graphql(`{ briefs(orderBy: PUBLISHED_AT_ASC) { nodes { slug } } }`)).data!.briefs);
      expect(ascending.slice(-5)).toEqual([...dated].reverse());
      const titles = (await server.graphql(`{ briefs(orderBy: TITLE_DESC) { nodes { title } } }`)).data!.briefs.nodes.map(
        (brief: { title: string }) => brief.title,
      );
      expect(titles).toEqual([...titles].sort((a: string, b: string) => (a < b ? 1 : -1)));
    });

    it('orders meetings by number or date, either way', async () => {
      const numbers = async (orderBy: string) =>
        (await server.graphql(`{ meetings(orderBy: ${orderBy}) { nodes { number } } }`)).data!.meetings.nodes.map(
          (meeting: { number: number }) => meeting.number,
        );
      expect(await numbers('NUMBER_ASC')).toEqual([11, 12, 34]);
      expect(await numbers('NUMBER_DESC')).toEqual([34, 12, 11]);
      expect(await numbers('STARTS_ON_DESC')).toEqual([34, 12, 11]);
    });
  });

  describe('filters', () => {
    it('filters briefs by theme, including sub-themes unless told not to', async () => {
      const withSubthemes = await server.graphql(`query($theme: ID!) { briefs(filter: { themes: { anyOf: [$theme] } }) { totalCount } }`, {
        theme: ids.improvementStrategies,
      });
      expect(withSubthemes.data!.briefs.totalCount).toBe(7);
      const direct = await server.graphql(`query($theme: ID!) { briefs(filter: { themes: { anyOf: [$theme], includeSubthemes: false } }) { totalCount } }`, {
        theme: ids.improvementStrategies,
      });
      expect(direct.errors).toBeUndefined();
      expect(direct.data!.briefs.totalCount).toBe(0);
      // multiple-measures is a sub-theme of accountability, so the data collaborative report matches too
      const allOf = await server.graphql(`query($a: ID!, $b: ID!) { briefs(filter: { themes: { allOf: [$a, $b] } }, orderBy: TITLE_ASC) { nodes { slug } } }`, {
        a: ids.dataUse,
        b: ids.accountability,
      });
      expect(slugsOf(allOf.data!.briefs)).toEqual(['data-use-for-improvement-in-networked-structures', 'learning-from-the-core-data-collaborative']);
      const allOfDirect = await server.graphql(
        `query($a: ID!, $b: ID!) { briefs(filter: { themes: { allOf: [$a, $b], includeSubthemes: false } }) { nodes { slug } } }`,
        { a: ids.dataUse, b: ids.accountability },
      );
      expect(slugsOf(allOfDirect.data!.briefs)).toEqual(['data-use-for-improvement-in-networked-structures']);
    });

    it('filters briefs by network and by district, through network membership too', async () => {
      const byNetwork = await server.graphql(`query($id: ID!) { briefs(filter: { networks: [$id] }, orderBy: TITLE_ASC) { nodes { slug } } }`, {
        id: ids.core,
      });
      expect(slugsOf(byNetwork.data!.briefs)).toEqual([
        'lessons-from-the-core-districts',
        'core-districts-measurement-capacity-building-and-shared-accountability',
      ]);
      const byDistrict = await server.graphql(`query($id: ID!) { briefs(filter: { districts: [$id] }) { totalCount } }`, { id: ids.fresno });
      expect(byDistrict.data!.briefs.totalCount).toBe(2);
    });

    it('filters briefs by kind, publisher, publication date and the meeting they follow up', async () => {
      const { data } = await server.graphql(
        `query($pace: ID!, $meeting: ID!) {
          policyBriefs: briefs(filter: { kinds: [POLICY_BRIEF] }) { totalCount }
          pace: briefs(filter: { publishers: [$pace] }) { totalCount }
          in2018: briefs(filter: { published: { from: "2018-01-01", to: "2018-12-31" } }) { nodes { slug } }
          followUps: briefs(filter: { followsUpMeetings: [$meeting] }) { nodes { slug } }
          combined: briefs(filter: { publishers: [$pace], kinds: [POLICY_BRIEF] }) { totalCount }
        }`,
        { pace: ids.pace, meeting: ids.meeting34 },
      );
      expect(data!.policyBriefs.totalCount).toBe(3);
      expect(data!.pace.totalCount).toBe(5);
      expect(slugsOf(data!.in2018)).toEqual(['always-room-for-improvement']);
      expect(slugsOf(data!.followUps)).toEqual(['always-room-for-improvement']);
      expect(data!.combined.totalCount).toBe(1);
    });

    it('filters meetings to a date window, a place and a convener', async () => {
      const numbers = (connection: { nodes: Array<{ number: number }> }) => connection.nodes.map((meeting) => meeting.number);
      const { data } = await server.graphql(`{
        window: meetings(filter: { dates: { from: "2009-12-18", to: "2010-12-31" } }) { nodes { number } }
        placerville: meetings(filter: { city: "placerville", states: ["CA"] }) { nodes { number } }
        elsewhere: meetings(filter: { states: ["NY"] }) { totalCount }
      }`);
      expect(numbers(data!.window)).toEqual([11, 12]);
      expect(numbers(data!.placerville)).toEqual([34]);
      expect(data!.elsewhere.totalCount).toBe(0);
    });

    it('filters lessons by kind of link, brief and theme', async () => {
      const { data } = await server.graphql(
        `query($theme: ID!) {
        qualified: lessons(filter: { linkKinds: [QUALIFIES] }) { nodes { statement brief { slug } } }
        onDataUse: lessons(filter: { themes: { anyOf: [$theme] } }) { totalCount }
      }`,
        { theme: ids.dataUse },
      );
      expect(data!.qualified.nodes.map((lesson: { brief: { slug: string } }) => lesson.brief.slug).sort()).toEqual([
        'engaging-district-school-and-teacher-leaders-in-improvement',
        'lessons-from-the-core-districts',
      ]);
      expect(data!.onDataUse.totalCount).toBe(5);
    });

    it('filters districts by network', async () => {
      const { data } = await server.graphql(`query($id: ID!) { districts(filter: { networks: [$id] }) { nodes { slug } } }`, { id: ids.partnership });
      expect(slugsOf(data!.districts)).toEqual(['fresno-unified', 'long-beach-unified']);
    });

    it('gives nested lists the same filters', async () => {
      const { data } = await server.graphql(
        `{ organization(slug: "policy-analysis-for-california-education") { publishedBriefs(filter: { kinds: [RESEARCH_PAPER] }) { nodes { slug } } } }`,
      );
      expect(slugsOf(data!.organization.publishedBriefs)).toEqual(['data-use-for-improvement-in-networked-structures']);
    });
  });

  describe('bad arguments', () => {
    const errorOf = async (query: string, variables?: Record<string, unknown>) => {
      const response = await server.graphql(query, variables);
      expect(response.errors).toBeDefined();
      return response.errors![0];
    };

    it('refuses a page larger than 100, a negative one, and first with last', async () => {
      expect(await errorOf(`{ briefs(first: 101) { totalCount } }`)).toMatchObject({
        message: 'Argument "first" must be at most 100, got 101; page through larger lists with cursors',
        extensions: { code: 'BAD_USER_INPUT', argumentName: 'first' },
      });
      expect(await errorOf(`{ briefs(last: -1) { totalCount } }`)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argumentName: 'last' } });
      expect(await errorOf(`{ briefs(first: 5, last: 5) { totalCount } }`)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argumentName: 'last' } });
      expect(await errorOf(`{ brief(slug: "always-room-for-improvement") { lessons(first: 500) { totalCount } } }`)).toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', argumentName: 'first' },
      });
    });

    it('refuses tampered cursors and cursors of another connection or ordering', async () => {
      const { data } = await server.graphql(`{ themes(first: 2) { pageInfo { endCursor } } briefs(first: 1) { pageInfo { endCursor } } }`);
      const themeCursor: string = data!.themes.pageInfo.endCursor;
      const tampered = themeCursor.slice(0, 5) + (themeCursor[5] === 'A' ? 'B' : 'A') + themeCursor.slice(6);
      for (const [query, variables] of [
        [`query($c: String) { themes(after: $c) { totalCount } }`, { c: tampered }],
        [`query($c: String) { briefs(after: $c) { totalCount } }`, { c: themeCursor }],
        [`query($c: String) { briefs(after: $c, orderBy: TITLE_ASC) { totalCount } }`, { c: data!.briefs.pageInfo.endCursor }],
        [`query($c: String) { themes(before: $c) { totalCount } }`, { c: 'garbage' }],
      ] as const) {
        const error = await errorOf(query, variables);
        expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
        expect(error.message).toMatch(/^Argument "(after|before)" is not a cursor of this connection/);
      }
    });

    it('refuses malformed IDs and IDs of the wrong type in filters, naming the argument', async () => {
      expect(await errorOf(`{ briefs(filter: { themes: { anyOf: ["nonsense"] } }) { totalCount } }`)).toMatchObject({
        message: 'Argument "filter.themes.anyOf[0]" is not a valid ID: "nonsense"',
        extensions: { code: 'BAD_USER_INPUT' },
      });
      expect(await errorOf(`query($id: ID!) { briefs(filter: { publishers: [$id] }) { totalCount } }`, { id: ids.fresno })).toMatchObject({
        message: 'Argument "filter.publishers[0]" must be the ID of a Organization, got the ID of a District',
      });
    });

    it('refuses an inverted date range and an impossible date', async () => {
      expect(await errorOf(`{ briefs(filter: { published: { from: "2019-01-01", to: "2018-01-01" } }) { totalCount } }`)).toMatchObject({
        message: 'Argument "filter.published" is an inverted date range: "from" (2019-01-01) is after "to" (2018-01-01)',
        extensions: { code: 'BAD_USER_INPUT' },
      });
      expect(await errorOf(`query($d: LocalDate) { meetings(filter: { dates: { from: $d } }) { totalCount } }`, { d: '2021-02-31' })).toMatchObject({
        extensions: { code: 'BAD_USER_INPUT' },
      });
    });

    it('refuses an unknown enum value', async () => {
      expect(await errorOf(`query($order: BriefOrder!) { briefs(orderBy: $order) { totalCount } }`, { order: 'NEWEST' })).toMatchObject({
        message: expect.stringContaining('"NEWEST" does not exist in "BriefOrder" enum'),
        extensions: { code: 'BAD_USER_INPUT' },
      });
      expect(await errorOf(`{ briefs(orderBy: NEWEST) { totalCount } }`)).toMatchObject({
        message: expect.stringContaining('NEWEST'),
        extensions: { code: 'BAD_USER_INPUT' },
      });
    });

    it('answers null, not an error, for a well-formed ID or key that matches nothing', async () => {
      const { data, errors } = await server.graphql(
        `{ node(id: "VGhlbWU6OTk5OTk") { id } theme(slug: "nothing") { id } organization(slug: "nobody") { id } district(slug: "nowhere") { id } }`,
      );
      expect(errors).toBeUndefined();
      expect(data).toEqual({ node: null, theme: null, organization: null, district: null });
    });
  });
});
