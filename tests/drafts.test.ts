/**
 * Drafts are invisible to readers without a key, everywhere: lookups, lists, counts,
 * nested lists, search, suggestions, facets, related records, links and paths. Readers
 * with a key see them; publishing shows them to everyone.
 */
import { ApiKeyRole } from '../src/auth/api-key.entity';
import { startTestServer, type TestServer, type UntypedData } from './support/test-server';

describe('drafts', () => {
  let server: TestServer;
  let editor: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer();
    editor = await server.createApiKey(ApiKeyRole.EDITOR);
    const { data } = await server.graphql(`{
      pace: organization(slug: "policy-analysis-for-california-education") { id }
      dataUse: theme(slug: "data-use") { id }
      fresno: district(slug: "fresno-unified") { id }
      meeting34: meeting(number: 34) { id }
      improvement: brief(slug: "always-room-for-improvement") { id lessons(first: 1) { nodes { id } } }
    }`);
    for (const [name, value] of Object.entries(data!)) ids[name] = (value as { id: string }).id;
    ids.publishedLesson = data!.improvement.lessons.nodes[0].id;

    const created = await server.graphql(
      `mutation($input: BriefCreateInput!) { briefCreate(input: $input) { brief { id lessons { nodes { id } } } userErrors { message } } }`,
      {
        input: {
          slug: 'zanzibar-draft',
          title: 'Zanzibar draft on data use',
          kind: 'REPORT',
          summary: 'An unpublished zanzibar study.',
          publisherId: ids.pace,
          followsUpMeetingId: ids.meeting34,
          themeIds: [ids.dataUse],
          districtIds: [ids.fresno],
          buildsOnIds: [ids.improvement],
          lessons: [{ statement: 'Zanzibar lesson on data use.', themeIds: [ids.dataUse], districtIds: [ids.fresno] }],
        },
      },
      { apiKey: editor },
    );
    expect(created.data!.briefCreate.userErrors).toEqual([]);
    ids.draft = created.data!.briefCreate.brief.id;
    ids.draftLesson = created.data!.briefCreate.brief.lessons.nodes[0].id;
    const link = await server.graphql(
      `mutation($input: LessonLinkCreateInput!) { lessonLinkCreate(input: $input) { lessonLink { id } userErrors { message } } }`,
      { input: { fromLessonId: ids.draftLesson, toLessonId: ids.publishedLesson, kind: 'SUPPORTS', rationale: 'Both say so.' } },
      { apiKey: editor },
    );
    ids.draftLink = link.data!.lessonLinkCreate.lessonLink.id;
  });
  afterAll(async () => {
    await server.close();
  });

  /** Everything a reader could use to reach the draft, its lesson or its link. */
  const probe = `query($draft: ID!, $draftLesson: ID!, $draftLink: ID!, $publishedLesson: ID!, $pace: ID!, $dataUse: ID!, $improvement: ID!) {
    bySlug: brief(slug: "zanzibar-draft") { id }
    byId: node(id: $draft) { id }
    lessonById: node(id: $draftLesson) { id }
    linkById: node(id: $draftLink) { id }
    many: nodes(ids: [$draft, $draftLesson]) { id }
    briefs(first: 100) { totalCount nodes { id } }
    lessons(first: 100) { totalCount nodes { id } }
    search(query: "zanzibar") { totalCount nodes { ... on Brief { id } ... on Lesson { id } } }
    autocomplete(prefix: "zanz", types: [BRIEF, LESSON]) { text }
    briefFacets(filter: { themes: { anyOf: [$dataUse] } }) { publishers { organization { id } count } }
    publisher: node(id: $pace) { ... on Organization { publishedBriefs(first: 100) { totalCount } } }
    theme: node(id: $dataUse) { ... on Theme { briefs(first: 100) { nodes { id } } lessons(first: 100) { nodes { id } } } }
    published: node(id: $publishedLesson) { ... on Lesson { links(first: 100) { totalCount } } }
    improvement: node(id: $improvement) { ... on Brief { builtOnBy(first: 10) { totalCount } relatedBriefs(first: 20) { nodes { id } } } }
    meeting: meeting(number: 34) { followUpBriefs(first: 100) { nodes { id } } }
    path: connection(from: $draftLesson, to: $publishedLesson) { hops }
  }`;

  const variables = () => ({
    draft: ids.draft,
    draftLesson: ids.draftLesson,
    draftLink: ids.draftLink,
    publishedLesson: ids.publishedLesson,
    pace: ids.pace,
    dataUse: ids.dataUse,
    improvement: ids.improvement,
  });

  function sightings(data: unknown): string[] {
    const text = JSON.stringify(data);
    return [ids.draft, ids.draftLesson, ids.draftLink].filter((id) => text.includes(id));
  }

  it('are not reachable by any read without a key', async () => {
    const response = await server.graphql(probe, variables());
    // A path from the draft lesson is refused exactly as from a lesson that never existed.
    const unknownLesson = Buffer.from('Lesson:999999').toString('base64url');
    const neverExisted = await server.graphql(`query($from: ID!, $to: ID!) { path: connection(from: $from, to: $to) { hops } }`, {
      from: unknownLesson,
      to: ids.publishedLesson,
    });
    expect(response.errors).toEqual([{ ...neverExisted.errors![0], locations: expect.anything() }]);
    const data = response.data!;
    expect(sightings(data)).toEqual([]);
    expect(data.bySlug).toBeNull();
    expect(data.byId).toBeNull();
    expect(data.lessonById).toBeNull();
    expect(data.linkById).toBeNull();
    expect(data.many).toEqual([null, null]);
    expect(data.briefs.totalCount).toBe(7);
    expect(data.lessons.totalCount).toBe(19);
    expect(data.search.totalCount).toBe(0);
    expect(data.autocomplete).toEqual([]);
    expect(data.path).toBeNull();
  });

  it('are seen by requests with a key, in the same places', async () => {
    const response = await server.graphql(probe, variables(), { apiKey: editor });
    expect(response.errors).toBeUndefined();
    const data = response.data!;
    expect(data.bySlug).toEqual({ id: ids.draft });
    expect(data.byId).toEqual({ id: ids.draft });
    expect(data.linkById).toEqual({ id: ids.draftLink });
    expect(data.briefs.totalCount).toBe(8);
    expect(data.lessons.totalCount).toBe(20);
    expect(data.search.totalCount).toBe(2);
    expect(data.autocomplete.map((suggestion: { text: string }) => suggestion.text)).toContain('Zanzibar draft on data use');
    expect(data.theme.lessons.nodes).toContainEqual({ id: ids.draftLesson });
    expect(data.meeting.followUpBriefs.nodes).toContainEqual({ id: ids.draft });
    expect(data.path).toEqual({ hops: 1 });
  });

  it('counts the draft in facets and nested counts only for keyed readers', async () => {
    const anonymous = (await server.graphql(probe, variables())).data!;
    const keyed = (await server.graphql(probe, variables(), { apiKey: editor })).data!;
    expect(keyed.publisher.publishedBriefs.totalCount).toBe(anonymous.publisher.publishedBriefs.totalCount + 1);
    expect(keyed.published.links.totalCount).toBe(anonymous.published.links.totalCount + 1);
    expect(keyed.improvement.builtOnBy.totalCount).toBe(anonymous.improvement.builtOnBy.totalCount + 1);
    const paceCount = (data: UntypedData): number =>
      data.briefFacets.publishers.find((entry: { organization: { id: string }; count: number }) => entry.organization.id === ids.pace)?.count ?? 0;
    expect(paceCount(keyed)).toBe(paceCount(anonymous) + 1);
  });

  it('become visible to everyone when published, and disappear again when unpublished', async () => {
    await server.graphql(`mutation($id: ID!) { briefPublish(id: $id) { userErrors { message } } }`, { id: ids.draft }, { apiKey: editor });
    const published = (await server.graphql(probe, variables())).data!;
    expect(published.bySlug).toEqual({ id: ids.draft });
    expect(published.linkById).toEqual({ id: ids.draftLink });
    expect(published.search.totalCount).toBe(2);
    await server.graphql(`mutation($id: ID!) { briefUnpublish(id: $id) { userErrors { message } } }`, { id: ids.draft }, { apiKey: editor });
    expect(sightings((await server.graphql(probe, variables())).data!)).toEqual([]);
  });

  it('do not lend their words to the spelling correction of readers without a key', async () => {
    const created = await server.graphql(
      `mutation($input: BriefCreateInput!) { briefCreate(input: $input) { brief { id } } }`,
      {
        input: {
          slug: 'quetzal-draft',
          title: 'Quetzalcoatl study',
          kind: 'REPORT',
          summary: 'Unpublished.',
          publisherId: ids.pace,
          lessons: [{ statement: 'Axolotlish finding.' }],
        },
      },
      { apiKey: editor },
    );
    const briefId = created.data!.briefCreate.brief.id;
    // Deleted afterwards, so that the counts other tests of this file check do not depend on their order.
    try {
      await checkSpellingCorrection(briefId);
    } finally {
      const admin = await server.createApiKey(ApiKeyRole.ADMIN);
      await server.graphql(`mutation($id: ID!) { briefDelete(id: $id) { userErrors { message } } }`, { id: briefId }, { apiKey: admin });
    }
  });

  async function checkSpellingCorrection(briefId: string): Promise<void> {
    const misspelt = (word: string) => `{ search(query: "${word}") { totalCount matchMode correctedQuery } }`;
    for (const word of ['quetzelcoatl', 'axolotlosh']) {
      expect((await server.graphql(misspelt(word))).data!.search).toEqual({ totalCount: 0, matchMode: 'FULL_TEXT', correctedQuery: null });
      expect((await server.graphql(misspelt(word), undefined, { apiKey: editor })).data!.search).toMatchObject({ matchMode: 'FUZZY', totalCount: 1 });
    }
    await server.graphql(`mutation($id: ID!) { briefPublish(id: $id) { userErrors { message } } }`, { id: briefId }, { apiKey: editor });
    // Published, its words and its lessons' words are everyone's.
    expect((await server.graphql(misspelt('quetzelcoatl'))).data!.search).toMatchObject({ matchMode: 'FUZZY', correctedQuery: 'quetzalcoatl', totalCount: 1 });
    expect((await server.graphql(misspelt('axolotlosh'))).data!.search).toMatchObject({ matchMode: 'FUZZY', correctedQuery: 'axolotlish', totalCount: 1 });
    // Unpublished again, its words are nobody's without a key: the vocabulary still holds them, the correction does not offer them.
    await server.graphql(`mutation($id: ID!) { briefUnpublish(id: $id) { userErrors { message } } }`, { id: briefId }, { apiKey: editor });
    for (const word of ['quetzelcoatl', 'axolotlosh']) {
      expect((await server.graphql(misspelt(word))).data!.search).toEqual({ totalCount: 0, matchMode: 'FULL_TEXT', correctedQuery: null });
    }
  }
});
