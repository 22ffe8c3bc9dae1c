import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadSeedDataset } from '../src/seed/seed-loader';
import { readSeedDataset, SeedValidationError } from '../src/seed/seed-reader';
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
    expect(problemsOf(folder)).toMatch(/extra\.yaml:\d+: briefs\[0\] \(slug "always-room-for-improvement"\): field "slug": duplicate slug; already used by briefs\[\d+\] .* in .*briefs\.yaml:\d+/);
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
    expect(problemsOf(seedFolderWith({ 'extra.yaml': Buffer.from([0x62, 0x72, 0x69, 0xff, 0xfe, 0x0a]) }))).toMatch(/extra\.yaml: the file is not valid UTF-8 text/);
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
    await database.dataSource.query(`CREATE FUNCTION refuse_brief() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.slug = 'second-brief' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$`);
    await database.dataSource.query(`CREATE TRIGGER refuse_brief BEFORE INSERT ON brief FOR EACH ROW EXECUTE FUNCTION refuse_brief()`);
    try {
      const folder = seedFolderWith({ 'extra.yaml': `briefs:${validBrief}${validBrief.replace('slug: new-brief', 'slug: second-brief')}` });
      await expect(loadSeedDataset(database.dataSource, folder)).rejects.toThrow(/refused/);
      expect(await count()).toBe(before);
    } finally {
      await database.dataSource.query(`DROP TRIGGER refuse_brief ON brief; DROP FUNCTION refuse_brief()`);
    }
  });
});
