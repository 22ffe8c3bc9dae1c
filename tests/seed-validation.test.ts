import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DistrictKind } from '../src/district/district.entity';
import { DistrictCreateInput } from '../src/district/district.mutation-inputs';
import { MeetingCreateInput } from '../src/meeting/meeting.mutation-inputs';
import { validateInput } from '../src/mutation/validation';
import { OrganizationKind } from '../src/organization/organization.entity';
import { OrganizationCreateInput } from '../src/organization/organization.mutation-inputs';
import { loadSeedDataset } from '../src/seed/seed-loader';
import { readSeedDataset, readSeedDocuments, SeedValidationError, type SeedDocument } from '../src/seed/seed-reader';
import { createMigratedDatabase, type MigratedDatabase } from './support/test-database';
import { seedDirectory } from './support/test-server';

/** A copy of the shipped seed folder with one file replaced or added. */
function seedFolderWith(files: Record<string, string | Buffer>): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'briefgraph-seed-'));
  for (const name of fs.readdirSync(seedDirectory)) fs.copyFileSync(path.join(seedDirectory, name), path.join(folder, name));
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(folder, name), content);
  return folder;
}

function problemsOf(folder: string): string {
  try {
    readSeedDataset(folder, folder);
  } catch (error) {
    expect(error).toBeInstanceOf(SeedValidationError);
    return (error as Error).message;
  }
  throw new Error('expected the seed data to be rejected');
}

function problemsOfDocuments(documents: SeedDocument[]): SeedValidationError {
  try {
    readSeedDocuments(documents);
  } catch (error) {
    expect(error).toBeInstanceOf(SeedValidationError);
    return error as SeedValidationError;
  }
  throw new Error('expected the documents to be rejected');
}

/** The shipped seed files as in-memory documents, plus `extra`. */
function seedDocumentsWith(extra: SeedDocument[]): SeedDocument[] {
  const shipped = fs
    .readdirSync(seedDirectory)
    .sort()
    .map((name) => ({ name, content: fs.readFileSync(path.join(seedDirectory, name)) }));
  return [...shipped, ...extra];
}

const validBrief = `
  - slug: new-brief
    title: A New Brief
    kind: REPORT
    published: 2020-05
    publisher: policy-analysis-for-california-education
    summary: A summary.
    source: pace-core-districts-publications
`;

describe('loading seed data', () => {
  let database: MigratedDatabase;
  beforeAll(async () => {
    database = await createMigratedDatabase();
    await loadSeedDataset(database.dataSource, seedDirectory);
  });
  afterAll(async () => {
    await database.close();
  });

  it('accepts a valid additional file', () => {
    const folder = seedFolderWith({ 'extra.yaml': `briefs:${validBrief}` });
    expect(readSeedDataset(folder).briefs.map((brief) => brief.slug)).toContain('new-brief');
  });

  it('names the file, line, record and field of a missing required field', () => {
    const folder = seedFolderWith({ 'extra.yaml': `briefs:${validBrief.replace('    title: A New Brief\n', '')}` });
    expect(problemsOf(folder)).toMatch(/extra\.yaml:\d+: briefs\[0\] \(slug "new-brief"\): field "title": is required/);
  });

  it('names a field of the wrong type', () => {
    const folder = seedFolderWith({ 'extra.yaml': `briefs:${validBrief.replace('summary: A summary.', 'summary: [not, text]')}` });
    expect(problemsOf(folder)).toMatch(/extra\.yaml:\d+: briefs\[0\] \(slug "new-brief"\): field "summary": must be text, got a list/);
  });

  it('names a reference to a record that does not exist', () => {
    const lessons = `
lessonLinks:
  - from: new-brief#1
    to: always-room-for-improvement#1
    kind: SUPPORTS
    rationale: Because.
    source: briefgraph-editorial-analysis
briefs:${validBrief.replace('publisher: policy-analysis-for-california-education', 'publisher: no-such-publisher')}`;
    const message = problemsOf(seedFolderWith({ 'extra.yaml': lessons }));
    expect(message).toMatch(/briefs\[0\] \(slug "new-brief"\): field "publisher": unknown organization "no-such-publisher"/);
    expect(message).toMatch(/lessonLinks\[0\]: field "from": brief "new-brief" has 0 lesson\(s\); there is no lesson #1/);
  });

  it('names a duplicate slug and where it was first used', () => {
    const folder = seedFolderWith({ 'extra.yaml': `briefs:${validBrief.replace('slug: new-brief', 'slug: always-room-for-improvement')}` });
    expect(problemsOf(folder)).toMatch(
      /extra\.yaml:\d+: briefs\[0\] \(slug "always-room-for-improvement"\): field "slug": duplicate slug; already used by briefs\[\d+\] .* in .*briefs\.yaml:\d+/,
    );
  });

  it('rejects impossible dates, bad slugs and unknown enum values, listing every problem at once', () => {
    const meeting = `
meetings:
  - number: 99
    startsOn: 2021-02-31
    endsOn: 2021-02-01
    city: Fresno
    state: California
    convener: california-collaborative-on-district-reform
    source: collaborative-about-us
organizations:
  - slug: ../etc/passwd
    name: Bad
    kind: CHARITY
    source: collaborative-about-us
`;
    const message = problemsOf(seedFolderWith({ 'extra.yaml': meeting }));
    expect(message).toMatch(/field "startsOn": must be a calendar date YYYY-MM-DD, got "2021-02-31"/);
    expect(message).toMatch(/field "state": must be a two-letter state code such as CA, got "California"/);
    expect(message).toMatch(/field "slug": must be a slug/);
    expect(message).toMatch(/field "kind": must be one of RESEARCH_COLLABORATIVE, .*got "CHARITY"/);
    expect(message).toMatch(/the seed data has [4-9] problems/);
  });

  it('rejects unknown fields and collections, which are usually typos', () => {
    const message = problemsOf(seedFolderWith({ 'extra.yaml': `brefs: []\nbriefs:${validBrief.replace('summary:', 'sumary: x\n    summary:')}` }));
    expect(message).toMatch(/unknown collection "brefs"/);
    expect(message).toMatch(/field "sumary": unknown field/);
  });

  it('rejects a file that is not UTF-8 or not YAML', () => {
    expect(problemsOf(seedFolderWith({ 'extra.yaml': Buffer.from([0x62, 0x72, 0x69, 0xff, 0xfe, 0x0a]) }))).toMatch(
      /extra\.yaml: the file is not valid UTF-8 text/,
    );
    expect(problemsOf(seedFolderWith({ 'extra.yaml': 'briefs: [unclosed' }))).toMatch(/extra\.yaml:\d+: not valid YAML or JSON/);
  });

  it('writes nothing when any record is invalid', async () => {
    const count = async () => (await database.dataSource.query(`SELECT count(*)::int AS count FROM brief`))[0].count as number;
    const before = await count();
    const folder = seedFolderWith({
      'extra.yaml': `briefs:${validBrief}${validBrief.replace('slug: new-brief', 'slug: second-brief').replace('kind: REPORT', 'kind: NOVEL')}`,
    });
    await expect(loadSeedDataset(database.dataSource, folder)).rejects.toThrow(/briefs\[1\] \(slug "second-brief"\): field "kind"/);
    expect(await count()).toBe(before);
  });

  it('rolls back everything when the database refuses a record part-way', async () => {
    const count = async () => (await database.dataSource.query(`SELECT count(*)::int AS count FROM brief`))[0].count as number;
    const before = await count();
    // Valid to the reader, but a concurrent edit made the slug unusable: the whole load must roll back.
    await database.dataSource.query(
      `CREATE FUNCTION refuse_brief() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.slug = 'second-brief' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$`,
    );
    await database.dataSource.query(`CREATE TRIGGER refuse_brief BEFORE INSERT ON brief FOR EACH ROW EXECUTE FUNCTION refuse_brief()`);
    try {
      const folder = seedFolderWith({ 'extra.yaml': `briefs:${validBrief}${validBrief.replace('slug: new-brief', 'slug: second-brief')}` });
      await expect(loadSeedDataset(database.dataSource, folder)).rejects.toThrow(/refused/);
      expect(await count()).toBe(before);
    } finally {
      await database.dataSource.query(`DROP TRIGGER refuse_brief ON brief; DROP FUNCTION refuse_brief()`);
    }
  });
  it('reads documents held in memory, as text or bytes, and names them in problems as it names files', () => {
    const dataset = readSeedDocuments(seedDocumentsWith([{ name: 'upload.yaml', content: new TextEncoder().encode(`briefs:${validBrief}`) }]));
    expect(dataset.briefs.map((brief) => brief.slug)).toContain('new-brief');
    const error = problemsOfDocuments(seedDocumentsWith([{ name: 'upload.yaml', content: `briefs:${validBrief.replace('kind: REPORT', 'kind: NOVEL')}` }]));
    expect(error.message).toMatch(/upload\.yaml:\d+: briefs\[0\] \(slug "new-brief"\): field "kind": must be one of POLICY_BRIEF, .*got "NOVEL"/);
    expect(error.problems).toHaveLength(1);
    expect(() => readSeedDocuments([])).toThrow(/no documents were given/);
  });

  it('accepts records without a source, and a brief status of DRAFT or PUBLISHED only', () => {
    const withoutSource = validBrief.replace('    source: pace-core-districts-publications\n', '');
    const draft = withoutSource.replace('slug: new-brief', 'slug: draft-brief').replace('kind: REPORT', 'kind: REPORT\n    status: DRAFT');
    const dataset = readSeedDocuments(seedDocumentsWith([{ name: 'extra.yaml', content: `briefs:${withoutSource}${draft}` }]));
    expect(dataset.briefs.find((brief) => brief.slug === 'new-brief')).not.toHaveProperty('source');
    expect(dataset.briefs.find((brief) => brief.slug === 'draft-brief')?.status).toBe('DRAFT');
    const error = problemsOfDocuments(seedDocumentsWith([{ name: 'extra.yaml', content: `briefs:${draft.replace('status: DRAFT', 'status: draft')}` }]));
    expect(error.message).toMatch(/field "status": must be one of DRAFT, PUBLISHED, got "draft"/);
  });

  it('names each kind of hostile input clearly, all at once, without echoing it whole', () => {
    const tenMegabytes = 'x'.repeat(10 * 1024 * 1024);
    const hundredThousandItems = `[${Array.from({ length: 100_000 }, (_, index) => `author-${index}`).join(', ')}]`;
    const hundredThousandThemes = `[${Array.from({ length: 100_000 }, (_, index) => `no-such-theme-${index}`).join(', ')}]`;
    const error = problemsOfDocuments(
      seedDocumentsWith([
        { name: 'not-utf8.yaml', content: Buffer.from([0x62, 0x72, 0x69, 0x65, 0x66, 0x73, 0x3a, 0x20, 0xc3, 0x28, 0x0a]) },
        {
          name: 'hostile.yaml',
          content: `briefs:
  - slug: ../x
    title: Path characters
    kind: REPORT
    summary: A summary.
    publisher: a/b
  - slug: impossible-date
    title: Impossible date
    kind: REPORT
    published: 2023-02-31
    summary: A summary.
    publisher: policy-analysis-for-california-education
  - slug: huge-title
    title: ${tenMegabytes}
    kind: REPORT
    summary: A summary.
    publisher: policy-analysis-for-california-education
  - slug: many-authors
    title: Many authors
    kind: REPORT
    summary: A summary.
    publisher: policy-analysis-for-california-education
    authors: ${hundredThousandItems}
    themes: ${hundredThousandThemes}
  - slug: unstorable
    title: "NUL \\0 inside"
    kind: REPORT
    url: "https://example.org/\\0"
    summary: "half a surrogate pair \\uD800"
    publisher: policy-analysis-for-california-education
meetings:
  - number: 99
    startsOn: 2023-02-31
    endsOn: 2023-03-01
    city: Fresno
    state: CA
    convener: california-collaborative-on-district-reform
`,
        },
        // A file may hold up to 20 MB, so each huge value gets one of its own.
        {
          name: 'huge-slug.yaml',
          content: `briefs:\n  - { slug: ${tenMegabytes}, title: Huge slug, kind: REPORT, summary: A summary., publisher: policy-analysis-for-california-education }\n`,
        },
      ]),
    );
    const lines = error.message.split('\n');
    const expected = [
      /^ {2}- not-utf8\.yaml: the file is not valid UTF-8 text$/,
      /^ {2}- hostile\.yaml:2: briefs\[0\] \(slug "\.\.\/x"\): field "slug": must be a slug .*got "\.\.\/x"$/,
      /^ {2}- hostile\.yaml:6: briefs\[0\] \(slug "\.\.\/x"\): field "publisher": must be the slug of a record in "organizations", got "a\/b"$/,
      /^ {2}- hostile\.yaml:10: briefs\[1\] \(slug "impossible-date"\): field "published": must be a date YYYY, YYYY-MM or YYYY-MM-DD, got "2023-02-31"$/,
      /^ {2}- hostile\.yaml:14: briefs\[2\] \(slug "huge-title"\): field "title": is 10485760 characters long; at most 500 allowed$/,
      /^ {2}- hostile\.yaml:\d+: briefs\[3\] \(slug "many-authors"\): field "authors": has 100000 items; at most 100 allowed$/,
      /^ {2}- hostile\.yaml:\d+: briefs\[3\] \(slug "many-authors"\): field "themes": has 100000 items; at most 100 allowed$/,
      /^ {2}- hostile\.yaml:\d+: briefs\[4\] \(slug "unstorable"\): field "title": holds a NUL character \(U\+0000\), which text may not contain$/,
      /^ {2}- hostile\.yaml:\d+: briefs\[4\] \(slug "unstorable"\): field "url": must be an http\(s\) URL/,
      /^ {2}- hostile\.yaml:\d+: briefs\[4\] \(slug "unstorable"\): field "summary": holds a lone surrogate \(half of a UTF-16 pair, such as \\ud800\), which is not a character$/,
      /^ {2}- huge-slug\.yaml:2: briefs\[0\] \(slug "x{60}…"\): field "slug": must be a slug .*got "x{60}…"$/,
      /^ {2}- hostile\.yaml:\d+: meetings\[0\] \(number 99\): field "startsOn": must be a calendar date YYYY-MM-DD, got "2023-02-31"$/,
    ];
    expect(lines).toEqual(expect.arrayContaining(expected.map((pattern) => expect.stringMatching(pattern))));
    // Over-long lists are reported once, not item by item; huge values are cut short.
    expect(error.problems).toHaveLength(expected.length);
    expect(error.message.length).toBeLessThan(5000);
  });

  it('rejects a file nested too deeply to read, without crashing', () => {
    const depth = 100_000;
    const error = problemsOfDocuments([{ name: 'deep.json', content: `{"briefs": ${'['.repeat(depth)}${']'.repeat(depth)}}` }]);
    expect(error.message).toMatch(/^ {2}- deep\.json:1: not valid YAML or JSON: lists or mappings are nested too deeply$/m);
  });

  it('lists at most a thousand problems in the message, and keeps them all', () => {
    const records = Array.from(
      { length: 1500 },
      (_, index) => `  - { slug: district-${index}, name: D, state: CA, kind: SCHOOL_DISTRICT, source: nowhere }`,
    ).join('\n');
    const error = problemsOfDocuments([{ name: 'many.yaml', content: `districts:\n${records}\n` }]);
    expect(error.problems).toHaveLength(1500);
    expect(error.message).toMatch(/^the seed data has 1500 problems:/);
    expect(error.message).toMatch(/\n {2}… and 500 more$/);
  });

  it('rejects two links between the same lessons of the same kind', () => {
    const link = `
  - from: lessons-from-the-core-districts#1
    to: always-room-for-improvement#1
    kind: CONTRADICTS
    rationale: Once.
`;
    const error = problemsOfDocuments(seedDocumentsWith([{ name: 'links.yaml', content: `lessonLinks:${link}${link.replace('Once.', 'Twice.')}` }]));
    expect(error.message).toMatch(
      /links\.yaml:\d+: lessonLinks\[1\]: field "from": duplicate link; lessonLinks\[0\] in links\.yaml:\d+ already links lessons-from-the-core-districts#1 to always-room-for-improvement#1 as CONTRADICTS/,
    );
  });

  it('names a district that is a member twice, and a membership that ends before it begins', () => {
    const network = `networks:
  - slug: test-network
    name: Test Network
    kind: CONSORTIUM
    members: [fresno-unified]
    memberships:
      - { district: fresno-unified, joined: "2012" }
      - { district: sanger-unified, joined: 2015-06, left: "2014", source: core-districts-history }
      - { district: oakland-unified, joined: 2014-06, left: "2014" }
`;
    const error = problemsOfDocuments(seedDocumentsWith([{ name: 'network.yaml', content: network }]));
    expect(error.message).toMatch(
      /network\.yaml:\d+: networks\[0\] \(slug "test-network"\): field "memberships\[0\]\.district": names district "fresno-unified" again \(already members\[0\]\)/,
    );
    expect(error.message).toMatch(/field "memberships\[1\]\.left": must be 2015-06 \(joined\) or later, got 2014/);
    // Left in the year it joined, to the precision both give: accepted.
    expect(error.message).not.toMatch(/memberships\[2\]/);
  });

  it('writes nothing when a file holds hostile input', async () => {
    const everything = async () =>
      (
        await database.dataSource.query(`SELECT (SELECT count(*) FROM brief) + (SELECT count(*) FROM meeting) + (SELECT count(*) FROM organization) AS count`)
      )[0].count;
    const before = await everything();
    const folder = seedFolderWith({
      'extra.yaml': `organizations:\n  - { slug: fine-organization, name: Fine, kind: OTHER }\nbriefs:${validBrief.replace('published: 2020-05', 'published: 2023-02-31')}`,
      'zz-bytes.yaml': Buffer.from([0xff, 0xfe, 0x00]),
    });
    await expect(loadSeedDataset(database.dataSource, folder)).rejects.toThrow(
      /extra\.yaml:\d+: briefs\[0\] \(slug "new-brief"\): field "published"[^]*zz-bytes\.yaml: the file is not valid UTF-8 text/,
    );
    expect(await everything()).toBe(before);
  });
});

/**
 * One validation language for the API and the files (issue 16): what a seed file or an import may
 * hold, the API accepts too, so whatever is imported can be saved again; refusals name the file,
 * the line, the record and the field.
 */
describe('the same value rules as the API', () => {
  /** The problem lines of a one-document import, or [] when it reads cleanly. */
  function importProblems(yaml: string): string[] {
    try {
      readSeedDocuments([{ name: 'upload.yaml', content: yaml }]);
      return [];
    } catch (error) {
      if (!(error instanceof SeedValidationError)) throw error;
      return error.message.split('\n').slice(1);
    }
  }
  const district = (slug: string, state: string) => `districts:\n  - { slug: ${slug}, name: X, state: "${state}", kind: SCHOOL_DISTRICT }\n`;
  const apiDistrict = (slug: string, state: string) => Object.assign(new DistrictCreateInput(), { slug, name: 'X', state, kind: DistrictKind.SCHOOL_DISTRICT });

  it('refuses the state code "ZZ", which the API refuses too, naming file, line, record and field', async () => {
    expect(importProblems(district('zz-unified', 'ZZ'))).toEqual([
      '  - upload.yaml:2: districts[0] (slug "zz-unified"): field "state": must be a two-letter state code such as CA, got "ZZ"',
    ]);
    expect((await validateInput(apiDistrict('zz-unified', 'ZZ'))).map((error) => error.field?.join('.'))).toEqual(['input.state']);
    expect(importProblems(district('zz-unified', 'WY'))).toEqual([]);
    expect(await validateInput(apiDistrict('zz-unified', 'WY'))).toEqual([]);
  });

  it('allows slugs of 120 characters and no more, as the API does', async () => {
    const longest = 'a'.repeat(120);
    expect(importProblems(district(longest, 'CA'))).toEqual([]);
    expect(await validateInput(apiDistrict(longest, 'CA'))).toEqual([]);
    expect(importProblems(district(`${longest}b`, 'CA'))).toEqual([
      expect.stringMatching(/^ {2}- upload\.yaml:2: districts\[0\] \(slug "a{60}…"\): field "slug": must be a slug \(up to 120 lower-case letters/),
    ]);
    expect((await validateInput(apiDistrict(`${longest}b`, 'CA'))).map((error) => error.field?.join('.'))).toEqual(['input.slug']);
  });

  it('allows meeting numbers up to 1,000,000 and no more, as the API does', async () => {
    const meeting = (number: number) =>
      `organizations:\n  - { slug: x-institute, name: X, kind: RESEARCH_INSTITUTE }\n` +
      `meetings:\n  - { number: ${number}, startsOn: 2024-03-07, endsOn: 2024-03-08, city: Sacramento, state: CA, convener: x-institute }\n`;
    const apiMeeting = (number: number) =>
      Object.assign(new MeetingCreateInput(), { number, startsOn: '2024-03-07', endsOn: '2024-03-08', city: 'Sacramento', state: 'CA', convenerId: 'x' });
    expect(importProblems(meeting(1_000_000))).toEqual([]);
    expect(await validateInput(apiMeeting(1_000_000))).toEqual([]);
    expect(importProblems(meeting(1_000_001))).toEqual([
      '  - upload.yaml:4: meetings[0] (number 1000001): field "number": must be a whole number from 1 to 1000000, got 1000001',
    ]);
    expect((await validateInput(apiMeeting(1_000_001))).map((error) => error.field?.join('.'))).toEqual(['input.number']);
  });

  it("checks web addresses with the API's rule", async () => {
    const organization = (websiteUrl: string) =>
      `organizations:\n  - { slug: x-institute, name: X, kind: RESEARCH_INSTITUTE, websiteUrl: ${JSON.stringify(websiteUrl)} }\n`;
    const apiOrganization = (websiteUrl: string) =>
      Object.assign(new OrganizationCreateInput(), { slug: 'x-institute', name: 'X', kind: OrganizationKind.RESEARCH_INSTITUTE, websiteUrl });
    expect(importProblems(organization('https://example.org/a report.pdf'))).toEqual([
      expect.stringMatching(/^ {2}- upload\.yaml:2: organizations\[0\] \(slug "x-institute"\): field "websiteUrl": must be an http\(s\) URL/),
    ]);
    expect((await validateInput(apiOrganization('https://example.org/a report.pdf'))).map((error) => error.field?.join('.'))).toEqual(['input.websiteUrl']);
    expect(importProblems(organization('https://example.org/report.pdf'))).toEqual([]);
    expect(await validateInput(apiOrganization('https://example.org/report.pdf'))).toEqual([]);
  });
});
