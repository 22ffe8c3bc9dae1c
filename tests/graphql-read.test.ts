import { startTestServer, type ErrorBody, type TestServer } from './support/test-server';

describe('reading the knowledge base over GraphQL', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers the meetings with numbers, dates, places and materials', async () => {
    const { status, data, errors } = await server.graphql(`{
      meetings { nodes { number startsOn endsOn dateRange location { city state stateName text } convener { shortName }
        materials { kind title fileFormat sizeInKilobytes sizeText contents } agendaTopics { position title } } }
    }`);
    expect(status).toBe(200);
    expect(errors).toBeUndefined();
    expect(
      data!.meetings.nodes.map((meeting: { number: number; dateRange: unknown; location: { text: string } }) => [
        meeting.number,
        meeting.dateRange,
        meeting.location.text,
      ]),
    ).toEqual([
      [11, 'December 17–18, 2009', 'Menlo Park, California'],
      [12, 'March 23–24, 2010', 'Sacramento, California'],
      [34, 'December 14–15, 2017', 'Placerville, California'],
    ]);
    const meeting12 = data!.meetings.nodes[1];
    expect(meeting12).toMatchObject({ startsOn: '2010-03-23', endsOn: '2010-03-24', convener: { shortName: 'the Collaborative' } });
    expect(meeting12.materials[3]).toEqual({
      kind: 'COVER_LETTER',
      title: 'Cover Letter',
      fileFormat: 'PDF',
      sizeInKilobytes: 92.6,
      sizeText: 'PDF 92.6 KB',
      contents: [],
    });
    // The topics listed after "Briefing Book" are the book's sections, not the meeting's agenda (none is listed).
    expect(meeting12.agendaTopics).toEqual([]);
    expect(meeting12.materials[2]).toMatchObject({
      kind: 'BRIEFING_BOOK',
      contents: ['NCLB, Overview & Implementation', 'ESEA Reauthorization', 'Accountability in ESEA', 'Human Capital in ESEA'],
    });
    expect(data!.meetings.nodes[0].agendaTopics).toEqual([]);
    expect(data!.meetings.nodes[0].materials[2]).toMatchObject({
      kind: 'BRIEFING_BOOK',
      contents: ['Research on Turnaround Schools', 'District Strategies', 'Ensuring Teacher Quality'],
    });
  });

  it('finds a meeting by number with its follow-up brief and that brief by slug', async () => {
    const { data } = await server.graphql(
      `{ meeting(number: 34) { title followUpBriefs { nodes { slug kind publicationDate { date precision year month day text } } } } }`,
    );
    expect(data!.meeting.title).toBe('Building a Statewide System of Support for Equity and Improvement: Principles, Players, and Proposals');
    expect(data!.meeting.followUpBriefs.nodes).toEqual([
      {
        slug: 'always-room-for-improvement',
        kind: 'POLICY_BRIEF',
        publicationDate: { date: '2018-09-01', precision: 'MONTH', year: 2018, month: 9, day: null, text: 'September 2018' },
      },
    ]);
  });

  it('returns a brief with its publisher, themes, networks, lessons and the links between lessons', async () => {
    const { data, errors } = await server.graphql(`{
      brief(slug: "engaging-district-school-and-teacher-leaders-in-improvement") {
        title publisher { name shortName } themes { slug } networks { slug coordinator { slug } }
        followsUpMeeting { number } source { fileName kind }
        lessons { nodes { position statement brief { slug } themes { slug }
          incomingLinks: links(direction: INCOMING) { nodes { kind rationale from { position brief { slug } } } }
          outgoingLinks: links(direction: OUTGOING) { nodes { kind to { brief { slug } } } } } }
      }
    }`);
    expect(errors).toBeUndefined();
    const brief = data!.brief;
    expect(brief.publisher).toEqual({ name: 'Policy Analysis for California Education', shortName: 'PACE' });
    expect(brief.networks).toEqual([{ slug: 'core-improvement-community', coordinator: { slug: 'core-districts' } }]);
    expect(brief.themes.map((theme: { slug: string }) => theme.slug)).toEqual(expect.arrayContaining(['continuous-improvement', 'improvement-science']));
    expect(brief.followsUpMeeting).toBeNull();
    expect(brief.source).toEqual({ fileName: '002_c1e4288973c47cd9.txt', kind: 'WEB_PAGE' });
    expect(brief.lessons.nodes.map((lesson: { position: number }) => lesson.position)).toEqual([1, 2, 3, 4]);
    expect(brief.lessons.nodes[1].outgoingLinks.nodes).toEqual([{ kind: 'SUPPORTS', to: { brief: { slug: 'district-role-in-school-turnaround' } } }]);
    expect(brief.lessons.nodes[3].incomingLinks.nodes).toEqual([
      expect.objectContaining({ kind: 'QUALIFIES', from: { position: 2, brief: { slug: 'lessons-from-the-core-districts' } } }),
    ]);
  });

  it('dates and sources network memberships, from the district and from the network', async () => {
    const { data, errors } = await server.graphql(`{
      sanger: district(slug: "sanger-unified") {
        networks { slug }
        networkMemberships { network { slug } joinedOn { text } leftOn { year precision text } source { slug documentKind url } }
      }
      core: districtNetwork(slug: "core-districts") {
        members(first: 100) { totalCount }
        memberships { district { slug } joinedOn { year precision } leftOn { year } source { slug } }
      }
      partnership: districtNetwork(slug: "fresno-long-beach-learning-partnership") { memberships { district { slug } joinedOn { year } leftOn { year } source { slug } } }
    }`);
    expect(errors).toBeUndefined();
    // A former member stays a member on record; its membership says when it ended and on whose word.
    expect(data!.sanger).toEqual({
      networks: [{ slug: 'core-districts' }],
      networkMemberships: [
        {
          network: { slug: 'core-districts' },
          joinedOn: null,
          leftOn: { year: 2014, precision: 'YEAR', text: '2014' },
          source: {
            slug: 'gardner-center-core-waiver-extended',
            documentKind: 'PUBLIC_RECORD',
            url: 'https://gardnercenter.stanford.edu/news/no-child-left-behind-waiver-extended-core-districts',
          },
        },
      ],
    });
    const core = data!.core;
    expect(core.members.totalCount).toBe(core.memberships.length);
    // By district name: Fresno, Garden Grove, Long Beach, Los Angeles, Oakland, Sacramento City, San Francisco, Sanger, Santa Ana.
    expect(
      core.memberships.map((membership: { district: { slug: string }; joinedOn: { year: number } | null; leftOn: { year: number } | null }) => [
        membership.district.slug,
        membership.joinedOn?.year ?? null,
        membership.leftOn?.year ?? null,
      ]),
    ).toEqual([
      ['fresno-unified', 2010, null],
      ['garden-grove-unified', 2013, null],
      ['long-beach-unified', 2010, null],
      ['los-angeles-unified', 2010, null],
      ['oakland-unified', 2012, null],
      ['sacramento-city-unified', 2010, null],
      ['san-francisco-unified', 2010, null],
      ['sanger-unified', null, 2014],
      ['santa-ana-unified', 2013, null],
    ]);
    expect(core.memberships.every((membership: { source: unknown }) => membership.source !== null)).toBe(true);
    // Members the network's own source names carry no dates or source of their own.
    expect(data!.partnership.memberships).toEqual([
      { district: { slug: 'fresno-unified' }, joinedOn: null, leftOn: null, source: null },
      { district: { slug: 'long-beach-unified' }, joinedOn: null, leftOn: null, source: null },
    ]);
  });

  it('walks the theme hierarchy both ways', async () => {
    const { data } = await server.graphql(`{
      theme(slug: "improvement-science") { name parent { slug parent { slug } } lessons { nodes { brief { slug } } } }
      root: theme(slug: "continuous-improvement") { children { slug } }
    }`);
    expect(data!.theme.parent).toEqual({ slug: 'continuous-improvement', parent: { slug: 'improvement-strategies' } });
    expect(data!.root.children.map((child: { slug: string }) => child.slug)).toEqual(['improvement-science', 'networked-improvement']);
  });

  it('reaches a district’s networks and the briefs about them', async () => {
    const { data } = await server.graphql(
      `{ district(slug: "fresno-unified") { name state kind networks { slug members { nodes { slug } } } briefs { nodes { slug } } } }`,
    );
    expect(data!.district).toMatchObject({ name: 'Fresno Unified School District', state: 'CA', kind: 'SCHOOL_DISTRICT' });
    expect(data!.district.networks.map((network: { slug: string }) => network.slug)).toEqual(['core-districts', 'fresno-long-beach-learning-partnership']);
    expect(data!.district.networks[1].members.nodes.map((member: { slug: string }) => member.slug)).toEqual(['fresno-unified', 'long-beach-unified']);
    expect(data!.district.briefs.nodes.map((brief: { slug: string }) => brief.slug)).toEqual(
      expect.arrayContaining(['lessons-from-the-core-districts', 'core-districts-measurement-capacity-building-and-shared-accountability']),
    );
  });

  it('reaches an organization’s housing, briefs and meetings', async () => {
    const { data } = await server.graphql(`{
      organization(slug: "american-institutes-for-research") { houses { slug convenedMeetings { nodes { number } } publishedBriefs { nodes { slug } } } }
    }`);
    const collaborative = data!.organization.houses[0];
    expect(collaborative.slug).toBe('california-collaborative-on-district-reform');
    expect(collaborative.convenedMeetings.nodes.map((meeting: { number: number }) => meeting.number)).toEqual([11, 12, 34]);
    expect(collaborative.publishedBriefs.nodes.map((brief: { slug: string }) => brief.slug)).toEqual([
      'always-room-for-improvement',
      'district-role-in-school-turnaround',
    ]);
  });

  it('lists every kind of record', async () => {
    const { data } = await server.graphql(
      `{ organizations { totalCount } themes { totalCount } districts { totalCount } districtNetworks { totalCount } briefs { totalCount } lessons { totalCount } sourceDocuments { slug } }`,
    );
    expect({
      organizations: data!.organizations.totalCount,
      themes: data!.themes.totalCount,
      districts: data!.districts.totalCount,
      networks: data!.districtNetworks.totalCount,
      briefs: data!.briefs.totalCount,
      lessons: data!.lessons.totalCount,
      sources: data!.sourceDocuments.length,
    }).toEqual({ organizations: 5, themes: 19, districts: 9, networks: 4, briefs: 7, lessons: 19, sources: 19 });
  });

  it('fetches any object again by its global ID', async () => {
    const { data } = await server.graphql(`{
      briefs { nodes { id } } meetings { nodes { id } } themes { nodes { id } } districts { nodes { id } } districtNetworks { nodes { id } } organizations { nodes { id } }
      lessons(first: 100) { nodes { id links(direction: OUTGOING) { nodes { id } } } }
      meeting(number: 34) { materials { id } agendaTopics { id } }
    }`);
    const ids: string[] = [
      data!.briefs.nodes[0].id,
      data!.meetings.nodes[0].id,
      data!.themes.nodes[0].id,
      data!.districts.nodes[0].id,
      data!.districtNetworks.nodes[0].id,
      data!.organizations.nodes[0].id,
      data!.lessons.nodes[0].id,
      data!.lessons.nodes.flatMap((lesson: { links: { nodes: Array<{ id: string }> } }) => lesson.links.nodes)[0].id,
      data!.meeting.materials[0].id,
      data!.meeting.agendaTopics[0].id,
    ];
    const refetched = await server.graphql(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, { ids });
    expect(refetched.data!.nodes.map((node: { id: string }) => node.id)).toEqual(ids);
    expect(refetched.data!.nodes.map((node: { __typename: string }) => node.__typename)).toEqual([
      'Brief',
      'Meeting',
      'Theme',
      'District',
      'DistrictNetwork',
      'Organization',
      'Lesson',
      'LessonLink',
      'MeetingMaterial',
      'AgendaTopic',
    ]);
  });

  it('answers null for keys that match nothing and BAD_USER_INPUT for malformed IDs', async () => {
    const { data, errors } = await server.graphql(`{ brief(slug: "no-such-brief") { id } meeting(number: 999) { id } node(id: "QnJpZWY6OTk5OTk") { id } }`);
    expect(errors).toBeUndefined();
    expect(data).toEqual({ brief: null, meeting: null, node: null });
    const malformed = await server.graphql(`{ node(id: "not an id") { id } }`);
    expect(malformed.errors![0]).toMatchObject({ message: expect.stringContaining('Argument "id" is not a valid ID'), extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('serves an offline GraphiQL page to browsers', async () => {
    const response = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    const html = await response.text();
    expect(html).toContain('Briefgraph GraphiQL');
    expect(html).not.toMatch(/<script[^>]+src="https?:/);
    expect(html).not.toMatch(/<link[^>]+href="https?:/);
  });

  it('answers malformed, oversized and misdirected requests in JSON, without stack traces', async () => {
    const post = (body: string, contentType = 'application/json') =>
      fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': contentType }, body });
    const malformed = await post('{"query": "{ meetings { nodes { number } } }"');
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toMatch(/application\/json/);
    const malformedBody = (await malformed.json()) as ErrorBody;
    expect(malformedBody.errors[0]).toMatchObject({ message: expect.stringContaining('not valid JSON'), extensions: { code: 'BAD_REQUEST' } });
    const tooLarge = await post(JSON.stringify({ query: `{ meetings { totalCount } } # ${'x'.repeat(200_000)}` }));
    expect(tooLarge.status).toBe(413);
    expect(((await tooLarge.json()) as ErrorBody).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    const nowhere = await fetch(`${server.url}/nowhere`);
    expect(nowhere.status).toBe(404);
    expect(((await nowhere.json()) as ErrorBody).errors[0].extensions.code).toBe('NOT_FOUND');
    for (const response of [malformedBody]) expect(JSON.stringify(response)).not.toMatch(/node_modules|\.ts:|at [A-Za-z]+ \(/);
  });

  it('reports liveness and readiness', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });
});
