/**
 * Every mutation through the HTTP endpoint: what it writes when the input is good,
 * the user errors (and nothing written) when it is not.
 */
import { ApiKeyRole } from '../src/auth/api-key.entity';
import { startTestServer, type GraphQLResponse, type TestServer, type UntypedData } from './support/test-server';

describe('mutations', () => {
  let server: TestServer;
  let editor: string;
  let admin: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer();
    editor = await server.createApiKey(ApiKeyRole.EDITOR);
    admin = await server.createApiKey(ApiKeyRole.ADMIN);
    const { data } = await server.graphql(`{
      pace: organization(slug: "policy-analysis-for-california-education") { id }
      collaborative: organization(slug: "california-collaborative-on-district-reform") { id }
      dataUse: theme(slug: "data-use") { id }
      accountability: theme(slug: "accountability") { id }
      improvementStrategies: theme(slug: "improvement-strategies") { id }
      fresno: district(slug: "fresno-unified") { id }
      longBeach: district(slug: "long-beach-unified") { id }
      meeting34: meeting(number: 34) { id }
      turnaround: brief(slug: "district-role-in-school-turnaround") { id lessons(first: 1) { nodes { id } } }
      improvement: brief(slug: "always-room-for-improvement") { id lessons(first: 1) { nodes { id } } }
    }`);
    for (const [name, value] of Object.entries(data!)) ids[name] = (value as { id: string }).id;
    ids.turnaroundLesson = data!.turnaround.lessons.nodes[0].id;
    ids.improvementLesson = data!.improvement.lessons.nodes[0].id;
  });
  afterAll(async () => {
    await server.close();
  });

  /** Sends a mutation as an editor (or the given key) and returns the payload of its one field. */
  async function mutate(field: string, document: string, variables: Record<string, unknown>, apiKey = editor): Promise<UntypedData[string]> {
    const response: GraphQLResponse = await server.graphql(document, variables, { apiKey });
    expect(response.errors).toBeUndefined();
    return response.data![field];
  }

  const count = async (sql: string): Promise<number> => Number(((await server.database.dataSource.query(sql)) as Array<{ count: string }>)[0].count);

  const userErrorsOf = (payload: { userErrors: Array<{ field: string[] | null; code: string; message: string }> }) =>
    payload.userErrors.map((error) => ({ field: error.field?.join('.') ?? null, code: error.code }));

  describe('organizations', () => {
    const create = `mutation($input: OrganizationCreateInput!) { organizationCreate(input: $input) { organization { id slug name kind websiteUrl version } userErrors { field message code } } }`;
    const update = `mutation($id: ID!, $input: OrganizationUpdateInput!, $v: Int) { organizationUpdate(id: $id, input: $input, expectedVersion: $v) { organization { id name shortName websiteUrl version } userErrors { field message code } } }`;
    const remove = `mutation($id: ID!) { organizationDelete(id: $id) { deletedOrganizationId userErrors { field message code } } }`;

    it('creates, updates only the fields given, and deletes an organization', async () => {
      const created = await mutate('organizationCreate', create, {
        input: {
          slug: 'learning-policy-institute',
          name: 'Learning Policy Institute',
          kind: 'RESEARCH_INSTITUTE',
          websiteUrl: 'https://learningpolicyinstitute.org',
        },
      });
      expect(created.userErrors).toEqual([]);
      expect(created.organization).toMatchObject({ slug: 'learning-policy-institute', kind: 'RESEARCH_INSTITUTE', version: 1 });
      const updated = await mutate('organizationUpdate', update, { id: created.organization.id, input: { shortName: 'LPI' } });
      expect(updated.organization).toMatchObject({
        name: 'Learning Policy Institute',
        shortName: 'LPI',
        websiteUrl: 'https://learningpolicyinstitute.org',
        version: 2,
      });
      const cleared = await mutate('organizationUpdate', update, { id: created.organization.id, input: { websiteUrl: null } });
      expect(cleared.organization).toMatchObject({ websiteUrl: null, shortName: 'LPI', version: 3 });
      const deleted = await mutate('organizationDelete', remove, { id: created.organization.id }, admin);
      expect(deleted).toEqual({ deletedOrganizationId: created.organization.id, userErrors: [] });
      expect((await server.graphql(`{ organization(slug: "learning-policy-institute") { id } }`)).data!.organization).toBeNull();
    });

    it('reports every invalid field at once and writes nothing', async () => {
      const before = await count(`SELECT count(*) FROM organization`);
      const payload = await mutate('organizationCreate', create, {
        input: { slug: '../etc/passwd', name: '   ', kind: 'OTHER', websiteUrl: 'javascript:alert(1)' },
      });
      expect(payload.organization).toBeNull();
      expect(userErrorsOf(payload)).toEqual(
        expect.arrayContaining([
          { field: 'input.slug', code: 'INVALID' },
          { field: 'input.name', code: 'BLANK' },
          { field: 'input.websiteUrl', code: 'INVALID' },
        ]),
      );
      expect(await count(`SELECT count(*) FROM organization`)).toBe(before);
    });

    it('refuses a slug another organization has', async () => {
      const payload = await mutate('organizationCreate', create, { input: { slug: 'core-districts', name: 'Copy', kind: 'OTHER' } });
      expect(userErrorsOf(payload)).toEqual([{ field: 'input.slug', code: 'TAKEN' }]);
    });

    it('refuses to null a required field, to house an organization in itself, or to delete one still in use', async () => {
      expect(userErrorsOf(await mutate('organizationUpdate', update, { id: ids.pace, input: { name: null } }))).toEqual([
        { field: 'input.name', code: 'BLANK' },
      ]);
      expect(userErrorsOf(await mutate('organizationUpdate', update, { id: ids.pace, input: { housedById: ids.pace } }))).toEqual([
        { field: 'input.housedById', code: 'INVALID' },
      ]);
      const payload = await mutate('organizationDelete', remove, { id: ids.pace }, admin);
      expect(payload.deletedOrganizationId).toBeNull();
      expect(payload.userErrors[0]).toMatchObject({ field: ['id'], code: 'IN_USE' });
      expect(payload.userErrors[0].message).toMatch(/brief\(s\) as their publisher/);
    });

    it('answers NOT_FOUND for an unknown ID and INVALID for a malformed one', async () => {
      const unknown = Buffer.from('Organization:999999').toString('base64url');
      expect(userErrorsOf(await mutate('organizationUpdate', update, { id: unknown, input: { name: 'x' } }))).toEqual([{ field: 'id', code: 'NOT_FOUND' }]);
      expect(userErrorsOf(await mutate('organizationUpdate', update, { id: 'not an id', input: { name: 'x' } }))).toEqual([{ field: 'id', code: 'INVALID' }]);
      expect(userErrorsOf(await mutate('organizationUpdate', update, { id: ids.dataUse, input: { name: 'x' } }))).toEqual([{ field: 'id', code: 'INVALID' }]);
    });
  });

  describe('themes', () => {
    const create = `mutation($input: ThemeCreateInput!) { themeCreate(input: $input) { theme { id slug parent { slug } } userErrors { field message code } } }`;
    const update = `mutation($id: ID!, $input: ThemeUpdateInput!) { themeUpdate(id: $id, input: $input) { theme { id name parent { slug } } userErrors { field message code } } }`;
    const remove = `mutation($id: ID!) { themeDelete(id: $id) { deletedThemeId userErrors { field message code } } }`;

    it('creates a sub-theme, renames it, and deletes it once unused', async () => {
      const created = await mutate('themeCreate', create, { input: { slug: 'early-warning', name: 'Early warning', parentId: ids.dataUse } });
      expect(created.theme).toMatchObject({ slug: 'early-warning', parent: { slug: 'data-use' } });
      const renamed = await mutate('themeUpdate', update, { id: created.theme.id, input: { name: 'Early warning systems' } });
      expect(renamed.theme).toMatchObject({ name: 'Early warning systems', parent: { slug: 'data-use' } });
      expect((await mutate('themeDelete', remove, { id: created.theme.id }, admin)).deletedThemeId).toBe(created.theme.id);
    });

    it('refuses to delete a theme still in use, naming what uses it', async () => {
      const payload = await mutate('themeDelete', remove, { id: ids.dataUse }, admin);
      expect(payload.deletedThemeId).toBeNull();
      expect(userErrorsOf(payload)).toContainEqual({ field: 'id', code: 'IN_USE' });
      expect(await count(`SELECT count(*) FROM theme WHERE slug = 'data-use'`)).toBe(1);
    });

    it('refuses a parent that would make a cycle, and an unknown parent', async () => {
      const child = (await server.graphql(`{ theme(slug: "improvement-science") { id parent { id } } }`)).data!.theme;
      expect(userErrorsOf(await mutate('themeUpdate', update, { id: child.parent.id, input: { parentId: child.id } }))).toEqual([
        { field: 'input.parentId', code: 'INVALID' },
      ]);
      const unknown = Buffer.from('Theme:424242').toString('base64url');
      expect(userErrorsOf(await mutate('themeCreate', create, { input: { slug: 'orphan', name: 'Orphan', parentId: unknown } }))).toEqual([
        { field: 'input.parentId', code: 'NOT_FOUND' },
      ]);
    });
  });

  describe('districts', () => {
    const create = `mutation($input: DistrictCreateInput!) { districtCreate(input: $input) { district { id slug state kind } userErrors { field message code } } }`;
    const update = `mutation($id: ID!, $input: DistrictUpdateInput!) { districtUpdate(id: $id, input: $input) { district { id name state } userErrors { field message code } } }`;
    const remove = `mutation($id: ID!) { districtDelete(id: $id) { deletedDistrictId userErrors { field message code } } }`;

    it('creates, updates and deletes a district', async () => {
      const created = await mutate('districtCreate', create, {
        input: { slug: 'sweetwater-union-high', name: 'Sweetwater Union High School District', state: 'CA', kind: 'SCHOOL_DISTRICT' },
      });
      expect(created.userErrors).toEqual([]);
      expect(created.district).toMatchObject({ slug: 'sweetwater-union-high', state: 'CA' });
      expect((await mutate('districtUpdate', update, { id: created.district.id, input: { name: 'Sweetwater UHSD' } })).district.name).toBe('Sweetwater UHSD');
      expect((await mutate('districtDelete', remove, { id: created.district.id }, admin)).deletedDistrictId).toBe(created.district.id);
    });

    it('refuses an unknown state code and a district still studied', async () => {
      expect(userErrorsOf(await mutate('districtCreate', create, { input: { slug: 'x-unified', name: 'X', state: 'ZZ', kind: 'SCHOOL_DISTRICT' } }))).toEqual([
        { field: 'input.state', code: 'INVALID' },
      ]);
      expect(userErrorsOf(await mutate('districtDelete', remove, { id: ids.fresno }, admin))).toContainEqual({ field: 'id', code: 'IN_USE' });
    });
  });

  describe('meetings', () => {
    const fields = `meeting { id number startsOn endsOn agendaTopics { title } materials { kind title url } themes { slug } version } userErrors { field message code }`;
    const create = `mutation($input: MeetingCreateInput!) { meetingCreate(input: $input) { ${fields} } }`;
    const update = `mutation($id: ID!, $input: MeetingUpdateInput!, $v: Int) { meetingUpdate(id: $id, input: $input, expectedVersion: $v) { ${fields} } }`;
    const remove = `mutation($id: ID!) { meetingDelete(id: $id) { deletedMeetingId userErrors { field message code } } }`;
    const newMeeting = {
      number: 40,
      startsOn: '2024-03-07',
      endsOn: '2024-03-08',
      city: 'Sacramento',
      state: 'CA',
      convenerId: '',
      agenda: ['Opening', 'District panels'],
      materials: [{ kind: 'AGENDA', title: 'Agenda', fileFormat: 'PDF', sizeInKilobytes: 120.5, url: 'https://example.org/agenda.pdf' }],
    };

    it('creates a meeting with its agenda and materials, replaces them on update, and deletes it', async () => {
      const created = await mutate('meetingCreate', create, { input: { ...newMeeting, convenerId: ids.collaborative, themeIds: [ids.dataUse] } });
      expect(created.userErrors).toEqual([]);
      expect(created.meeting).toMatchObject({
        number: 40,
        startsOn: '2024-03-07',
        endsOn: '2024-03-08',
        agendaTopics: [{ title: 'Opening' }, { title: 'District panels' }],
        materials: [{ kind: 'AGENDA', title: 'Agenda', url: 'https://example.org/agenda.pdf' }],
        themes: [{ slug: 'data-use' }],
      });
      const updated = await mutate('meetingUpdate', update, { id: created.meeting.id, input: { agenda: ['Only topic'] }, v: created.meeting.version });
      expect(updated.meeting.agendaTopics).toEqual([{ title: 'Only topic' }]);
      expect(updated.meeting.materials).toHaveLength(1);
      expect(updated.meeting.version).toBe(created.meeting.version + 1);
      const unchanged = await mutate('meetingUpdate', update, { id: created.meeting.id, input: { agenda: ['Only topic'] } });
      expect(unchanged.meeting.version).toBe(updated.meeting.version);
      expect((await mutate('meetingDelete', remove, { id: created.meeting.id }, admin)).deletedMeetingId).toBe(created.meeting.id);
      expect(await count(`SELECT count(*) FROM agenda_topic WHERE meeting_id NOT IN (SELECT id FROM meeting)`)).toBe(0);
    });

    it('keeps the IDs of agenda topics and materials an update leaves as they were', async () => {
      const created = await mutate(
        'meetingCreate',
        `mutation($input: MeetingCreateInput!) { meetingCreate(input: $input) { meeting { id agendaTopics { id } } } }`,
        {
          input: { ...newMeeting, number: 43, convenerId: ids.collaborative },
        },
      );
      const before = created.meeting.agendaTopics.map((topic: { id: string }) => topic.id);
      const updated = await mutate(
        'meetingUpdate',
        `mutation($id: ID!, $input: MeetingUpdateInput!) { meetingUpdate(id: $id, input: $input) { meeting { agendaTopics { id title } } } }`,
        {
          id: created.meeting.id,
          input: { agenda: ['Opening', 'Renamed panels', 'Closing'] },
        },
      );
      expect(updated.meeting.agendaTopics.map((topic: { id: string }) => topic.id).slice(0, 2)).toEqual(before);
      expect(updated.meeting.agendaTopics.map((topic: { title: string }) => topic.title)).toEqual(['Opening', 'Renamed panels', 'Closing']);
    });

    it('refuses an end before the start, in one input or against the stored start, and 31 February', async () => {
      expect(
        userErrorsOf(await mutate('meetingCreate', create, { input: { ...newMeeting, number: 41, convenerId: ids.collaborative, endsOn: '2024-03-01' } })),
      ).toEqual([{ field: 'input.endsOn', code: 'INVALID' }]);
      expect(userErrorsOf(await mutate('meetingUpdate', update, { id: ids.meeting34, input: { endsOn: '1990-01-01' } }))).toEqual([
        { field: 'input.endsOn', code: 'INVALID' },
      ]);
      expect(
        userErrorsOf(
          await mutate('meetingCreate', create, {
            input: { ...newMeeting, number: 41, convenerId: ids.collaborative, startsOn: '2023-02-31', endsOn: '2023-03-01' },
          }),
        ),
      ).toEqual([{ field: 'input.startsOn', code: 'INVALID' }]);
    });

    it('points at the material at fault, refuses a taken number, and a meeting still followed up', async () => {
      const payload = await mutate('meetingCreate', create, {
        input: {
          ...newMeeting,
          number: 42,
          convenerId: ids.collaborative,
          materials: [newMeeting.materials[0], { kind: 'SUMMARY', title: 'Summary', url: 'ftp://nope' }],
        },
      });
      expect(userErrorsOf(payload)).toEqual([{ field: 'input.materials.1.url', code: 'INVALID' }]);
      expect(userErrorsOf(await mutate('meetingCreate', create, { input: { ...newMeeting, number: 34, convenerId: ids.collaborative } }))).toEqual([
        { field: 'input.number', code: 'TAKEN' },
      ]);
      expect(userErrorsOf(await mutate('meetingDelete', remove, { id: ids.meeting34 }, admin))).toEqual([{ field: 'id', code: 'IN_USE' }]);
    });

    it('adds and removes themes and districts', async () => {
      const add = `mutation($id: ID!, $ids: [ID!]!) { meetingAddDistricts(id: $id, districtIds: $ids) { meeting { districts { slug } } userErrors { code } } }`;
      const removeDistricts = `mutation($id: ID!, $ids: [ID!]!) { meetingRemoveDistricts(id: $id, districtIds: $ids) { meeting { districts { slug } } userErrors { code } } }`;
      const added = await mutate('meetingAddDistricts', add, { id: ids.meeting34, ids: [ids.longBeach] });
      expect(added.meeting.districts.map((district: { slug: string }) => district.slug)).toContain('long-beach-unified');
      const removed = await mutate('meetingRemoveDistricts', removeDistricts, { id: ids.meeting34, ids: [ids.longBeach] });
      expect(removed.meeting.districts.map((district: { slug: string }) => district.slug)).not.toContain('long-beach-unified');
      const themes = await mutate(
        'meetingAddThemes',
        `mutation($id: ID!, $ids: [ID!]!) { meetingAddThemes(id: $id, themeIds: $ids) { meeting { themes { slug } } userErrors { code } } }`,
        {
          id: ids.meeting34,
          ids: [ids.accountability],
        },
      );
      expect(themes.meeting.themes.map((theme: { slug: string }) => theme.slug)).toContain('accountability');
      const without = await mutate(
        'meetingRemoveThemes',
        `mutation($id: ID!, $ids: [ID!]!) { meetingRemoveThemes(id: $id, themeIds: $ids) { meeting { themes { slug } } userErrors { code } } }`,
        {
          id: ids.meeting34,
          ids: [ids.accountability],
        },
      );
      expect(without.meeting.themes.map((theme: { slug: string }) => theme.slug)).not.toContain('accountability');
    });
  });

  describe('briefs', () => {
    const fields = `brief { id slug status title publicationDate { date precision } authors publisher { slug } themes { slug } lessons { nodes { position statement themes { slug } } } version } userErrors { field message code }`;
    const create = `mutation($input: BriefCreateInput!) { briefCreate(input: $input) { ${fields} } }`;
    const update = `mutation($id: ID!, $input: BriefUpdateInput!, $v: Int) { briefUpdate(id: $id, input: $input, expectedVersion: $v) { ${fields} } }`;
    const remove = `mutation($id: ID!) { briefDelete(id: $id) { deletedBriefId userErrors { field message code } } }`;
    const newBrief = (slug: string) => ({
      slug,
      title: 'Data use in small districts',
      kind: 'POLICY_BRIEF',
      summary: 'What small districts learned using data.',
      publisherId: ids.pace,
    });

    it('creates a draft brief with its themes and lessons, updates it, publishes and unpublishes it, and deletes it', async () => {
      const created = await mutate('briefCreate', create, {
        input: {
          ...newBrief('small-districts'),
          published: '2024-05',
          authors: ['A. Author'],
          themeIds: [ids.dataUse],
          lessons: [{ statement: 'Start small.', themeIds: [ids.dataUse] }, { statement: 'Share data.' }],
        },
      });
      expect(created.userErrors).toEqual([]);
      expect(created.brief).toMatchObject({
        slug: 'small-districts',
        status: 'DRAFT',
        publicationDate: { date: '2024-05-01', precision: 'MONTH' },
        publisher: { slug: 'policy-analysis-for-california-education' },
        themes: [{ slug: 'data-use' }],
        lessons: {
          nodes: [
            { position: 1, statement: 'Start small.', themes: [{ slug: 'data-use' }] },
            { position: 2, statement: 'Share data.', themes: [] },
          ],
        },
      });
      const updated = await mutate('briefUpdate', update, { id: created.brief.id, input: { title: 'Data use in rural districts', published: null } });
      expect(updated.brief).toMatchObject({
        title: 'Data use in rural districts',
        publicationDate: null,
        authors: ['A. Author'],
        version: created.brief.version + 1,
      });
      const publish = `mutation($id: ID!) { briefPublish(id: $id) { brief { status } userErrors { code } } }`;
      expect((await mutate('briefPublish', publish, { id: created.brief.id })).brief.status).toBe('PUBLISHED');
      expect((await server.graphql(`{ brief(slug: "small-districts") { title } }`)).data!.brief).toEqual({ title: 'Data use in rural districts' });
      const unpublish = `mutation($id: ID!) { briefUnpublish(id: $id) { brief { status } userErrors { code } } }`;
      expect((await mutate('briefUnpublish', unpublish, { id: created.brief.id })).brief.status).toBe('DRAFT');
      expect((await server.graphql(`{ brief(slug: "small-districts") { title } }`)).data!.brief).toBeNull();
      expect((await mutate('briefDelete', remove, { id: created.brief.id }, admin)).deletedBriefId).toBe(created.brief.id);
      expect(await count(`SELECT count(*) FROM lesson WHERE brief_id NOT IN (SELECT id FROM brief)`)).toBe(0);
    });

    it('validates lengths, formats, list sizes and nested lessons, pointing at each field', async () => {
      const payload = await mutate('briefCreate', create, {
        input: {
          ...newBrief('Has Capitals'),
          title: 'x'.repeat(501),
          published: '2019-13',
          url: 'not a url',
          authors: Array.from({ length: 101 }, () => 'Someone'),
          lessons: [{ statement: 'Fine.' }, { statement: '' }],
        },
      });
      expect(userErrorsOf(payload)).toEqual(
        expect.arrayContaining([
          { field: 'input.slug', code: 'INVALID' },
          { field: 'input.title', code: 'TOO_LONG' },
          { field: 'input.published', code: 'INVALID' },
          { field: 'input.url', code: 'INVALID' },
          { field: 'input.authors', code: 'TOO_MANY' },
          { field: 'input.lessons.1.statement', code: 'BLANK' },
        ]),
      );
      expect(await count(`SELECT count(*) FROM brief WHERE slug = 'has-capitals'`)).toBe(0);
    });

    it('refuses references of the wrong type or to nothing, with the index of the bad ID', async () => {
      const payload = await mutate('briefCreate', create, {
        input: { ...newBrief('bad-references'), publisherId: ids.dataUse, themeIds: [ids.dataUse, Buffer.from('Theme:777777').toString('base64url')] },
      });
      expect(userErrorsOf(payload)).toEqual([
        { field: 'input.publisherId', code: 'INVALID' },
        { field: 'input.themeIds.1', code: 'NOT_FOUND' },
      ]);
    });

    it('adds and removes themes and districts, raising the version only when something changed', async () => {
      const addThemes = `mutation($id: ID!, $ids: [ID!]!) { briefAddThemes(id: $id, themeIds: $ids) { brief { themes { slug } version } userErrors { code } } }`;
      const before = await mutate('briefAddThemes', addThemes, { id: ids.turnaround, ids: [ids.accountability] });
      expect(before.brief.themes.map((theme: { slug: string }) => theme.slug)).toContain('accountability');
      const again = await mutate('briefAddThemes', addThemes, { id: ids.turnaround, ids: [ids.accountability] });
      expect(again.brief.version).toBe(before.brief.version);
      const removed = await mutate(
        'briefRemoveThemes',
        `mutation($id: ID!, $ids: [ID!]!) { briefRemoveThemes(id: $id, themeIds: $ids) { brief { themes { slug } version } userErrors { code } } }`,
        {
          id: ids.turnaround,
          ids: [ids.accountability],
        },
      );
      expect(removed.brief.themes.map((theme: { slug: string }) => theme.slug)).not.toContain('accountability');
      expect(removed.brief.version).toBe(before.brief.version + 1);
      const districts = await mutate(
        'briefAddDistricts',
        `mutation($id: ID!, $ids: [ID!]!) { briefAddDistricts(id: $id, districtIds: $ids) { brief { districts { slug } } userErrors { code } } }`,
        {
          id: ids.turnaround,
          ids: [ids.longBeach],
        },
      );
      expect(districts.brief.districts.map((district: { slug: string }) => district.slug)).toContain('long-beach-unified');
      const withoutDistricts = await mutate(
        'briefRemoveDistricts',
        `mutation($id: ID!, $ids: [ID!]!) { briefRemoveDistricts(id: $id, districtIds: $ids) { brief { districts { slug } } userErrors { code } } }`,
        { id: ids.turnaround, ids: [ids.longBeach] },
      );
      expect(withoutDistricts.brief.districts.map((district: { slug: string }) => district.slug)).not.toContain('long-beach-unified');
    });

    it('refuses more than 1,000 IDs in one relation change', async () => {
      const payload = await mutate(
        'briefAddThemes',
        `mutation($id: ID!, $ids: [ID!]!) { briefAddThemes(id: $id, themeIds: $ids) { brief { id } userErrors { field code } } }`,
        {
          id: ids.turnaround,
          ids: Array.from({ length: 1001 }, () => ids.dataUse),
        },
      );
      expect(userErrorsOf(payload)).toEqual([{ field: 'themeIds', code: 'TOO_MANY' }]);
    });
  });

  describe('lessons and lesson links', () => {
    const lessonFields = `lesson { id position statement explanation themes { slug } districts { slug } brief { slug } } userErrors { field message code }`;

    it('appends a lesson, updates it, changes its themes and districts, and deletes it, closing the gap', async () => {
      const brief = (await server.graphql(`{ brief(slug: "lessons-from-the-core-districts") { id lessons(first: 100) { nodes { id position } } } }`)).data!
        .brief;
      const count = brief.lessons.nodes.length;
      const created = await mutate('lessonCreate', `mutation($input: LessonCreateInput!) { lessonCreate(input: $input) { ${lessonFields} } }`, {
        input: { briefId: brief.id, statement: 'A new finding.', districtIds: [ids.fresno] },
      });
      expect(created.lesson).toMatchObject({
        position: count + 1,
        statement: 'A new finding.',
        districts: [{ slug: 'fresno-unified' }],
        brief: { slug: 'lessons-from-the-core-districts' },
      });
      const updated = await mutate(
        'lessonUpdate',
        `mutation($id: ID!, $input: LessonUpdateInput!) { lessonUpdate(id: $id, input: $input) { ${lessonFields} } }`,
        {
          id: created.lesson.id,
          input: { explanation: 'Because.' },
        },
      );
      expect(updated.lesson).toMatchObject({ statement: 'A new finding.', explanation: 'Because.' });
      const withTheme = await mutate('lessonAddThemes', `mutation($id: ID!, $ids: [ID!]!) { lessonAddThemes(id: $id, themeIds: $ids) { ${lessonFields} } }`, {
        id: created.lesson.id,
        ids: [ids.dataUse],
      });
      expect(withTheme.lesson.themes).toEqual([{ slug: 'data-use' }]);
      const withoutTheme = await mutate(
        'lessonRemoveThemes',
        `mutation($id: ID!, $ids: [ID!]!) { lessonRemoveThemes(id: $id, themeIds: $ids) { ${lessonFields} } }`,
        { id: created.lesson.id, ids: [ids.dataUse] },
      );
      expect(withoutTheme.lesson.themes).toEqual([]);
      const withDistrict = await mutate(
        'lessonAddDistricts',
        `mutation($id: ID!, $ids: [ID!]!) { lessonAddDistricts(id: $id, districtIds: $ids) { ${lessonFields} } }`,
        { id: created.lesson.id, ids: [ids.longBeach] },
      );
      expect(withDistrict.lesson.districts).toHaveLength(2);
      const withoutDistrict = await mutate(
        'lessonRemoveDistricts',
        `mutation($id: ID!, $ids: [ID!]!) { lessonRemoveDistricts(id: $id, districtIds: $ids) { ${lessonFields} } }`,
        {
          id: created.lesson.id,
          ids: [ids.longBeach, ids.fresno],
        },
      );
      expect(withoutDistrict.lesson.districts).toEqual([]);

      // Deleting the first lesson moves the others up: positions stay 1..n.
      const deleted = await mutate(
        'lessonDelete',
        `mutation($id: ID!) { lessonDelete(id: $id) { deletedLessonId userErrors { code } } }`,
        { id: brief.lessons.nodes[0].id },
        admin,
      );
      expect(deleted.deletedLessonId).toBe(brief.lessons.nodes[0].id);
      const after = (await server.graphql(`{ brief(slug: "lessons-from-the-core-districts") { lessons(first: 100) { nodes { position statement } } } }`)).data!
        .brief.lessons.nodes;
      expect(after.map((lesson: { position: number }) => lesson.position)).toEqual(Array.from({ length: count }, (_, index) => index + 1));
      expect(after[count - 1].statement).toBe('A new finding.');
    });

    it('links lessons of different briefs, refuses a lesson to itself, two of one brief and a duplicate, and deletes a link', async () => {
      const create = `mutation($input: LessonLinkCreateInput!) { lessonLinkCreate(input: $input) { lessonLink { id kind rationale from { id } to { id } } userErrors { field message code } } }`;
      const input = { fromLessonId: ids.turnaroundLesson, toLessonId: ids.improvementLesson, kind: 'QUALIFIES', rationale: 'The later brief adds conditions.' };
      const created = await mutate('lessonLinkCreate', create, { input });
      expect(created.lessonLink).toMatchObject({ kind: 'QUALIFIES', from: { id: ids.turnaroundLesson }, to: { id: ids.improvementLesson } });
      expect(userErrorsOf(await mutate('lessonLinkCreate', create, { input }))).toEqual([{ field: 'input.kind', code: 'TAKEN' }]);
      expect(userErrorsOf(await mutate('lessonLinkCreate', create, { input: { ...input, toLessonId: ids.turnaroundLesson } }))).toEqual([
        { field: 'input.toLessonId', code: 'INVALID' },
      ]);
      const sibling = (await server.graphql(`{ brief(slug: "always-room-for-improvement") { lessons(first: 2) { nodes { id } } } }`)).data!.brief.lessons
        .nodes[1].id;
      expect(userErrorsOf(await mutate('lessonLinkCreate', create, { input: { ...input, fromLessonId: ids.improvementLesson, toLessonId: sibling } }))).toEqual(
        [{ field: 'input.toLessonId', code: 'INVALID' }],
      );
      expect(userErrorsOf(await mutate('lessonLinkCreate', create, { input: { ...input, rationale: '' } }))).toEqual([
        { field: 'input.rationale', code: 'BLANK' },
      ]);
      const deleted = await mutate(
        'lessonLinkDelete',
        `mutation($id: ID!) { lessonLinkDelete(id: $id) { deletedLessonLinkId userErrors { code } } }`,
        { id: created.lessonLink.id },
        admin,
      );
      expect(deleted.deletedLessonLinkId).toBe(created.lessonLink.id);
    });
  });
  describe('bulk import', () => {
    const importMutation = `mutation($input: KnowledgeBaseImportInput!) { knowledgeBaseImport(input: $input) { counts { collection created updated unchanged } dryRun userErrors { field message code } } }`;
    const documents = [
      { name: 'themes.yaml', content: 'themes:\n  - { slug: imported-theme, name: Imported theme }\n' },
      { name: 'districts.yaml', content: 'districts:\n  - { slug: imported-district, name: Imported District, state: OR, kind: SCHOOL_DISTRICT }\n' },
    ];
    const countOf = (payload: { counts: Array<{ collection: string }> }, collection: string) => payload.counts.find((entry) => entry.collection === collection);

    it('counts what a dry run would change and writes nothing, then imports, then changes nothing on a second import', async () => {
      const dryRun = await mutate('knowledgeBaseImport', importMutation, { input: { documents, dryRun: true } }, admin);
      expect(dryRun.dryRun).toBe(true);
      expect(countOf(dryRun, 'themes')).toEqual({ collection: 'themes', created: 1, updated: 0, unchanged: 0 });
      expect(await count(`SELECT count(*) FROM theme WHERE slug = 'imported-theme'`)).toBe(0);
      const imported = await mutate('knowledgeBaseImport', importMutation, { input: { documents } }, admin);
      expect(countOf(imported, 'districts')).toEqual({ collection: 'districts', created: 1, updated: 0, unchanged: 0 });
      expect((await server.graphql(`{ district(slug: "imported-district") { state } }`)).data!.district).toEqual({ state: 'OR' });
      const again = await mutate('knowledgeBaseImport', importMutation, { input: { documents } }, admin);
      expect(countOf(again, 'themes')).toEqual({ collection: 'themes', created: 0, updated: 0, unchanged: 1 });
    });

    it('lets documents refer to records already in the knowledge base, and reports those that are nowhere', async () => {
      const brief = `briefs:
  - slug: imported-alone
    title: A brief imported on its own
    kind: POLICY_BRIEF
    summary: It names an organization, a theme and a lesson the knowledge base already has.
    publisher: policy-analysis-for-california-education
    themes: [data-use]
    lessons:
      - statement: Imported lesson.
lessonLinks:
  - { from: "imported-alone#1", to: "always-room-for-improvement#1", kind: SUPPORTS, rationale: Both agree. }
`;
      const imported = await mutate('knowledgeBaseImport', importMutation, { input: { documents: [{ name: 'brief.yaml', content: brief }] } }, admin);
      expect(imported.userErrors).toEqual([]);
      expect(countOf(imported, 'lessonLinks')).toMatchObject({ created: 1 });
      const read = (await server.graphql(`{ brief(slug: "imported-alone") { publisher { slug } themes { slug } } }`, undefined, { apiKey: admin })).data!.brief;
      expect(read).toEqual({ publisher: { slug: 'policy-analysis-for-california-education' }, themes: [{ slug: 'data-use' }] });
      const missing = await mutate(
        'knowledgeBaseImport',
        importMutation,
        {
          input: {
            documents: [{ name: 'brief.yaml', content: brief.replace('publisher: policy-analysis-for-california-education', 'publisher: nobody-at-all') }],
          },
        },
        admin,
      );
      expect(missing.userErrors.map((error: { message: string }) => error.message)).toEqual([
        expect.stringMatching(
          /^brief\.yaml:2: briefs\[0\] \(slug "imported-alone"\): field "publisher": unknown organization "nobody-at-all".*in the documents or the database$/,
        ),
      ]);
    });

    it('reports every problem with document, line, record and field', async () => {
      const payload = await mutate(
        'knowledgeBaseImport',
        importMutation,
        {
          input: { documents: [{ name: 'bad.yaml', content: 'themes:\n  - { slug: Bad Slug, name: x }\n  - { slug: fine-theme }\n' }] },
        },
        admin,
      );
      expect(payload.counts).toBeNull();
      expect(payload.userErrors.map((error: { message: string }) => error.message)).toEqual([
        expect.stringMatching(/^bad\.yaml:2: .*field "slug"/),
        expect.stringMatching(/^bad\.yaml:3: .*field "name"/),
      ]);
      expect(payload.userErrors[0].field).toEqual(['input', 'documents', '0', 'content']);
    });
  });
});
