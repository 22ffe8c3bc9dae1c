/**
 * Writing people and a brief's byline, files and identifiers through the API: what is
 * written when the input is good, and the user errors (nothing written) when it is not.
 */
import { ApiKeyRole } from '../src/auth/api-key.entity';
import { startTestServer, type GraphQLResponse, type TestServer, type UntypedData } from './support/test-server';

describe('publication mutations', () => {
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
      air: organization(slug: "american-institutes-for-research") { id }
      data: brief(slug: "learning-from-the-core-data-collaborative") { id version }
      other: brief(slug: "lessons-from-the-core-districts") { id }
      hough: person(slug: "heather-j-hough") { id }
    }`);
    for (const [name, value] of Object.entries(data!)) ids[name] = (value as { id: string }).id;
  });
  afterAll(async () => {
    await server.close();
  });

  async function mutate(field: string, document: string, variables: Record<string, unknown>, apiKey = editor): Promise<UntypedData[string]> {
    const response: GraphQLResponse = await server.graphql(document, variables, { apiKey });
    expect(response.errors).toBeUndefined();
    return response.data![field];
  }
  const errorsOf = (payload: { userErrors: Array<{ field: string[] | null; code: string; message: string }> }) =>
    payload.userErrors.map((error) => ({ field: error.field?.join('.') ?? null, code: error.code, message: error.message }));

  const personCreate = `mutation($input: PersonCreateInput!) { personCreate(input: $input) { person { id slug name sortName orcid identifiers { scheme value url } affiliations { organization { slug } startYear endYear } } userErrors { field message code } } }`;
  const briefUpdate = `mutation($id: ID!, $input: BriefUpdateInput!) { briefUpdate(id: $id, input: $input) {
    brief { version authors contributors { position role: contributorRole name } files { kind url sizeInKilobytes } identifiers { scheme value url } }
    userErrors { field message code } } }`;

  it('creates, updates and deletes a person with an ORCID iD and affiliations', async () => {
    const created = await mutate('personCreate', personCreate, {
      input: {
        slug: 'josiah-carberry',
        name: 'Josiah Carberry',
        sortName: 'Carberry, Josiah',
        orcid: '0000-0002-1825-0097',
        affiliations: [{ organizationId: ids.air, startYear: 2001 }],
      },
    });
    expect(created.userErrors).toEqual([]);
    expect(created.person).toMatchObject({
      slug: 'josiah-carberry',
      orcid: '0000-0002-1825-0097',
      identifiers: [{ scheme: 'ORCID', value: '0000-0002-1825-0097', url: 'https://orcid.org/0000-0002-1825-0097' }],
      affiliations: [{ organization: { slug: 'american-institutes-for-research' }, startYear: 2001, endYear: null }],
    });
    const found = await server.graphql(`{ byOrcid: person(orcid: "https://orcid.org/0000-0002-1825-0097") { slug } }`);
    expect(found.data).toEqual({ byOrcid: { slug: 'josiah-carberry' } });
    const bad = await server.graphql(`{ neither: person { slug } wrong: person(orcid: "0000-0002-1825-0098") { slug } }`);
    expect(bad.errors!.map((error) => [error.path, error.extensions!.code, error.message])).toEqual([
      [['neither'], 'BAD_USER_INPUT', 'Argument "slug" or orcid: give exactly one of them'],
      [['wrong'], 'BAD_USER_INPUT', expect.stringMatching(/^Argument "orcid" is not a valid ORCID iD: its check digit is wrong/)],
    ]);
    const updated = await mutate(
      'personUpdate',
      `mutation($id: ID!, $input: PersonUpdateInput!) { personUpdate(id: $id, input: $input) { person { name orcid affiliations { organization { slug } } } userErrors { field code } } }`,
      { id: created.person.id, input: { orcid: null, affiliations: [{ organizationId: ids.pace }, { organizationId: ids.air }] } },
    );
    expect(updated).toEqual({
      person: {
        name: 'Josiah Carberry',
        orcid: null,
        affiliations: [{ organization: { slug: 'policy-analysis-for-california-education' } }, { organization: { slug: 'american-institutes-for-research' } }],
      },
      userErrors: [],
    });
    const deleted = await mutate(
      'personDelete',
      `mutation($id: ID!) { personDelete(id: $id) { deletedPersonId userErrors { field code } } }`,
      { id: created.person.id },
      admin,
    );
    expect(deleted).toEqual({ deletedPersonId: created.person.id, userErrors: [] });
  });

  it('refuses an ORCID iD with a wrong check digit or one another person has, writing nothing', async () => {
    // An iD no other test uses, so the order of the tests does not matter.
    await mutate('personCreate', personCreate, { input: { slug: 'first-orcid', name: 'First', sortName: 'First', orcid: '0000-0001-5109-3700' } });
    const bad = await mutate('personCreate', personCreate, { input: { slug: 'second', name: 'Second', sortName: 'Second', orcid: '0000-0002-1825-0098' } });
    expect(errorsOf(bad)).toEqual([{ field: 'input.orcid', code: 'INVALID', message: expect.stringMatching(/valid check digit/) }]);
    const taken = await mutate('personCreate', personCreate, {
      input: {
        slug: 'third',
        name: 'Third',
        sortName: 'Third',
        orcid: '0000-0001-5109-3700',
        affiliations: [{ organizationId: ids.pace, startYear: 2020, endYear: 2019 }, { organizationId: ids.hough }],
      },
    });
    expect(errorsOf(taken).map((error) => [error.field, error.code])).toEqual(expect.arrayContaining([['input.orcid', 'TAKEN']]));
    expect(bad.person).toBeNull();
    expect(Number((await server.database.dataSource.query(`SELECT count(*) FROM person WHERE slug IN ('second', 'third')`))[0].count)).toBe(0);
  });

  it("sets a brief's byline, files and identifiers, stored in one form, and Brief.authors follows the byline", async () => {
    const result = await mutate('briefUpdate', briefUpdate, {
      id: ids.data,
      input: {
        contributors: [
          { personId: ids.hough, role: 'AUTHOR' },
          { organizationId: ids.pace, role: 'EDITOR' },
        ],
        files: [{ kind: 'FULL_TEXT', title: 'The report', url: 'https://example.org/report.pdf', mediaType: 'application/pdf', sizeInKilobytes: 812.5 }],
        identifiers: [
          { scheme: 'DOI', value: 'https://doi.org/10.1000/EXAMPLE' },
          { scheme: 'ISBN', value: '978-0-306-40615-7' },
        ],
      },
    });
    expect(result.userErrors).toEqual([]);
    expect(result.brief).toMatchObject({
      authors: ['Heather J. Hough'],
      contributors: [
        { position: 1, role: 'AUTHOR', name: 'Heather J. Hough' },
        { position: 2, role: 'EDITOR', name: 'Policy Analysis for California Education' },
      ],
      files: [{ kind: 'FULL_TEXT', url: 'https://example.org/report.pdf', sizeInKilobytes: 812.5 }],
      identifiers: [
        { scheme: 'DOI', value: '10.1000/example', url: 'https://doi.org/10.1000/example' },
        { scheme: 'ISBN', value: '9780306406157', url: null },
      ],
    });
    const audit = (await server.graphql(`{ auditLog(first: 1) { nodes { action recordType after } } }`, undefined, { apiKey: admin })).data!.auditLog.nodes[0];
    expect(audit).toMatchObject({ action: 'briefUpdate', recordType: 'Brief' });
    expect(audit.after.contributors).toEqual([
      expect.objectContaining({ role: 'AUTHOR', organizationKey: null }),
      expect.objectContaining({ role: 'EDITOR', personKey: null }),
    ]);
    expect(audit.after.identifiers).toEqual([
      { scheme: 'DOI', value: '10.1000/example' },
      { scheme: 'ISBN', value: '9780306406157' },
    ]);
    const { data } = await server.graphql(`{ work(identifier: "doi:10.1000/Example") { slug } byIsbn: work(identifier: "isbn:0-306-40615-2") { slug } }`);
    expect(data).toEqual({ work: { slug: 'learning-from-the-core-data-collaborative' }, byIsbn: null });
    // The same lists again change nothing.
    const again = await mutate('briefUpdate', briefUpdate, {
      id: ids.data,
      input: {
        identifiers: [
          { scheme: 'DOI', value: '10.1000/example' },
          { scheme: 'ISBN', value: '9780306406157' },
        ],
      },
    });
    expect(again.brief.version).toBe(result.brief.version);
  });

  it('refuses a bad byline, URL or identifier, and one another brief has, changing nothing', async () => {
    const before = (await server.graphql(`{ brief(slug: "lessons-from-the-core-districts") { version } }`)).data!.brief.version;
    await mutate('briefUpdate', briefUpdate, { id: ids.data, input: { identifiers: [{ scheme: 'ERIC', value: 'ED000001' }] } });
    const refused = await mutate('briefUpdate', briefUpdate, {
      id: ids.other,
      input: {
        contributors: [
          { personId: ids.hough, organizationId: ids.pace, role: 'AUTHOR' },
          { personId: ids.hough, role: 'AUTHOR' },
          { personId: ids.hough, role: 'EDITOR' },
          { personId: ids.pace, role: 'AUTHOR' },
        ],
        files: [{ kind: 'FULL_TEXT', title: 'x', url: 'javascript:alert(1)' }],
        identifiers: [
          { scheme: 'DOI', value: '10.1/x' },
          { scheme: 'ERIC', value: 'ed000001' },
          { scheme: 'ORCID', value: '0000-0002-1825-0097' },
          { scheme: 'ISBN', value: '9780306406158' },
        ],
      },
    });
    expect(refused.brief).toBeNull();
    expect(errorsOf(refused).map((error) => [error.field, error.code])).toEqual(expect.arrayContaining([['input.files.0.url', 'INVALID']]));
    const more = await mutate('briefUpdate', briefUpdate, {
      id: ids.other,
      input: {
        contributors: [
          { personId: ids.hough, organizationId: ids.pace, role: 'AUTHOR' },
          { personId: ids.hough, role: 'AUTHOR' },
          { personId: ids.hough, role: 'EDITOR' },
          { personId: ids.pace, role: 'AUTHOR' },
        ],
        identifiers: [
          { scheme: 'DOI', value: '10.1/x' },
          { scheme: 'ERIC', value: 'ed000001' },
          { scheme: 'ORCID', value: '0000-0002-1825-0097' },
          { scheme: 'ISBN', value: '9780306406158' },
        ],
      },
    });
    expect(errorsOf(more)).toEqual([
      { field: 'input.contributors.0', code: expect.any(String), message: 'Give exactly one of personId or organizationId' },
      { field: 'input.contributors.2.personId', code: expect.any(String), message: expect.stringMatching(/names this person already \(contributors\[1\]\)/) },
      {
        field: 'input.contributors.3.personId',
        code: expect.any(String),
        message: expect.stringMatching(/must be the ID of a Person, got the ID of a Organization/),
      },
      { field: 'input.identifiers.0.value', code: expect.any(String), message: expect.stringMatching(/is not a DOI/) },
      {
        field: 'input.identifiers.1.value',
        code: 'TAKEN',
        message: 'ERIC ED000001 is already the identifier of brief "learning-from-the-core-data-collaborative"',
      },
      { field: 'input.identifiers.2.scheme', code: expect.any(String), message: expect.stringMatching(/identifies people, not briefs/) },
      { field: 'input.identifiers.3.value', code: expect.any(String), message: expect.stringMatching(/check digit is wrong/) },
    ]);
    const after = (await server.graphql(`{ brief(slug: "lessons-from-the-core-districts") { version contributors { name } identifiers { value } } }`)).data!
      .brief;
    expect(after).toEqual({ version: before, contributors: [], identifiers: [] });
  });

  it('creates a draft with its byline, files and identifiers, which anonymous readers, feeds and stable URLs do not see', async () => {
    const created = await mutate(
      'briefCreate',
      `mutation($input: BriefCreateInput!) { briefCreate(input: $input) { brief { slug status contributors { name } identifiers { value } } userErrors { field message } } }`,
      {
        input: {
          slug: 'a-draft-with-a-byline',
          title: 'A draft with a byline',
          kind: 'REPORT',
          summary: 'Not yet out.',
          publisherId: ids.pace,
          contributors: [{ personId: ids.hough, role: 'AUTHOR' }],
          files: [{ kind: 'FULL_TEXT', title: 'Draft', url: 'https://example.org/draft.pdf' }],
          identifiers: [{ scheme: 'HANDLE', value: 'hdl:1721.1/99999' }],
        },
      },
    );
    expect(created).toEqual({
      brief: { slug: 'a-draft-with-a-byline', status: 'DRAFT', contributors: [{ name: 'Heather J. Hough' }], identifiers: [{ value: '1721.1/99999' }] },
      userErrors: [],
    });
    const anonymous = await server.graphql(
      `{ person(slug: "heather-j-hough") { briefs(first: 100) { totalCount nodes { slug } } } work(identifier: "hdl:1721.1/99999") { slug } }`,
    );
    const keyed = await server.graphql(
      `{ person(slug: "heather-j-hough") { briefs(first: 100) { totalCount nodes { slug } } } work(identifier: "hdl:1721.1/99999") { slug } }`,
      undefined,
      { apiKey: editor },
    );
    const slugs = (answer: GraphQLResponse) => answer.data!.person.briefs.nodes.map((brief: { slug: string }) => brief.slug);
    expect(slugs(anonymous)).not.toContain('a-draft-with-a-byline');
    expect(anonymous.data!.work).toBeNull();
    expect(slugs(keyed)).toContain('a-draft-with-a-byline');
    expect(keyed.data!.person.briefs.totalCount).toBe(anonymous.data!.person.briefs.totalCount + 1);
    expect(keyed.data!.work).toEqual({ slug: 'a-draft-with-a-byline' });
    expect((await fetch(`${server.url}/briefs/a-draft-with-a-byline`, { headers: { Accept: 'application/x-bibtex' } })).status).toBe(404);
    expect(await (await fetch(`${server.url}/feeds/briefs.rss`)).text()).not.toContain('A draft with a byline');
  });

  it('keeps a person a byline names from being deleted', async () => {
    const refused = await mutate(
      'personDelete',
      `mutation($id: ID!) { personDelete(id: $id) { deletedPersonId userErrors { field code message } } }`,
      { id: ids.hough },
      admin,
    );
    expect(refused.deletedPersonId).toBeNull();
    expect(refused.userErrors).toEqual([expect.objectContaining({ code: 'IN_USE', message: expect.stringMatching(/byline/) })]);
  });
});
