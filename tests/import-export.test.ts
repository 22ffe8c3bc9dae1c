/**
 * Bulk import and export: the knowledge base goes out as seed files and comes back
 * byte for byte; imports validate everything first, write in one transaction, and
 * write nothing on a dry run or on any problem. The command-line tools run from the
 * build, as `npm run import` and `npm run export` run them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { loadSeedDataset } from '../src/seed/seed-loader';
import { readSeedDataset, readSeedDocuments, SeedValidationError } from '../src/seed/seed-reader';
import { countRecords, type SeedSummary } from '../src/seed/seed-writer';
import { exportKnowledgeBase } from '../src/transfer/export';
import { ExportFolderError, writeExportFolder } from '../src/transfer/export-folder';
import { importDataset } from '../src/transfer/import';
import { throttledProgress } from '../src/transfer/progress';
import { seedFileLayout } from '../src/transfer/seed-files';
import { createEmptyDatabase, createMigratedDatabase, type MigratedDatabase } from './support/test-database';
import { buildIfStale, runCommand } from './support/run-command';
import { seedDirectory } from './support/test-server';
import { everyTable } from './support/seeded-tables';

const exportedFileNames = seedFileLayout.map((file) => file.name).sort();

function temporaryFolder(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `briefgraph-${prefix}-`));
}

/** Exports a database into a new folder and returns the folder. */
async function exportToFolder(database: MigratedDatabase): Promise<string> {
  const folder = path.join(temporaryFolder('export'), 'out');
  writeExportFolder(folder, await exportKnowledgeBase(database.dataSource));
  return folder;
}

function filesOf(folder: string): Record<string, Buffer> {
  return Object.fromEntries(
    fs
      .readdirSync(folder)
      .sort()
      .map((name) => [name, fs.readFileSync(path.join(folder, name))]),
  );
}

function expectSameFiles(left: string, right: string): void {
  const leftFiles = filesOf(left);
  const rightFiles = filesOf(right);
  expect(Object.keys(leftFiles)).toEqual(exportedFileNames);
  expect(Object.keys(rightFiles)).toEqual(exportedFileNames);
  for (const name of exportedFileNames) {
    // Compared as text first for a readable diff, then as bytes.
    expect({ name, text: rightFiles[name].toString('utf8') }).toEqual({ name, text: leftFiles[name].toString('utf8') });
    expect(rightFiles[name].equals(leftFiles[name])).toBe(true);
  }
}

async function rowCounts(database: MigratedDatabase): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of everyTable) counts[table] = (await database.dataSource.query(`SELECT count(*)::int AS count FROM public.${table}`))[0].count;
  return counts;
}

/** Every row of every table, timestamps and versions included: equal snapshots mean nothing was touched. */
async function snapshot(database: MigratedDatabase): Promise<string> {
  const tables: Record<string, unknown> = {};
  for (const table of everyTable) tables[table] = await database.dataSource.query(`SELECT * FROM public.${table} ORDER BY 1, 2`);
  return JSON.stringify(tables);
}

function totals(summary: SeedSummary): { created: number; updated: number; unchanged: number } {
  const sum = { created: 0, updated: 0, unchanged: 0 };
  for (const counts of Object.values(summary)) {
    sum.created += counts.created;
    sum.updated += counts.updated;
    sum.unchanged += counts.unchanged;
  }
  return sum;
}

/** Extra records that stretch the format: a draft, no source, every date precision, awkward text. */
const edgeRecords = `
organizations:
  - slug: api-made-organization
    name: "An organization: made through the API"
    kind: OTHER
themes:
  - slug: parentless-theme
    name: "yes"
    description: "  leading and trailing spaces  "
briefs:
  - slug: a-draft-brief
    title: "1984"
    kind: CASE_STUDY
    status: DRAFT
    published: 2021
    summary: "Line one\\nLine two with a # hash and a: colon\\n\\n  indented third line\\ttab, \\"quotes\\", 'single', émoji 🎓 and trailing space "
    authors: ["O'Brien, Pat", "- dash first", "null"]
    publisher: api-made-organization
    themes: [parentless-theme]
    lessons:
      - statement: ${'A very long statement that goes on and on, well past the width at which the renderer folds lines, '.repeat(3).trim()}
      - statement: "Second lesson"
        explanation: "true"
      - statement: Third lesson
  - slug: a-day-precise-brief
    title: A Day-Precise Brief
    kind: POLICY_BRIEF
    published: 2019-05-01
    summary: Known to the day.
    publisher: api-made-organization
    buildsOn: [a-draft-brief]
lessonLinks:
  - from: a-draft-brief#3
    to: always-room-for-improvement#2
    kind: QUALIFIES
    rationale: Links from a draft survive too.
`;

describe('bulk export and import', () => {
  let seeded: MigratedDatabase;
  beforeAll(async () => {
    buildIfStale();
    seeded = await createMigratedDatabase();
    await loadSeedDataset(seeded.dataSource, seedDirectory);
  }, 180_000);
  afterAll(async () => {
    await seeded?.close();
  });

  it('exports, imports into an empty database and exports again to byte-identical files; a second import changes nothing', async () => {
    const first = await exportToFolder(seeded);
    const dataset = readSeedDataset(first);
    expect(dataset.briefs).toHaveLength(7);
    expect(dataset.lessonLinks).toHaveLength(7);

    const fresh = await createMigratedDatabase();
    try {
      const summary = await importDataset(fresh.dataSource, dataset);
      expect(totals(summary)).toEqual({ created: countRecords(dataset), updated: 0, unchanged: 0 });
      expect(await rowCounts(fresh)).toEqual(await rowCounts(seeded));

      expectSameFiles(first, await exportToFolder(fresh));

      const before = await snapshot(fresh);
      const again = await importDataset(fresh.dataSource, readSeedDataset(first));
      expect(totals(again)).toEqual({ created: 0, updated: 0, unchanged: countRecords(dataset) });
      expect(await snapshot(fresh)).toBe(before);
    } finally {
      await fresh.close();
    }
  });

  it('writes records in the seed format: sorted by key, partial dates, lesson references, nested lessons', async () => {
    const folder = await exportToFolder(seeded);
    const briefs = fs.readFileSync(path.join(folder, 'briefs.yaml'), 'utf8');
    expect(briefs).toContain('published: 2018-09\n');
    expect(briefs).not.toContain('status:'); // every shipped brief is published, the default
    expect(briefs).not.toMatch(/version|updated|created|\bid:/);
    const slugs = [...briefs.matchAll(/^ {2}- slug: (.+)$/gm)].map((match) => match[1]);
    expect(slugs).toEqual([...slugs].sort());
    expect(slugs).toHaveLength(7);
    const links = fs.readFileSync(path.join(folder, 'lesson-links.yaml'), 'utf8');
    expect(links).toMatch(/^ {2}- from: [a-z0-9-]+#\d+\n {4}to: [a-z0-9-]+#\d+\n {4}kind: [A-Z]+\n/m);
    const districts = fs.readFileSync(path.join(folder, 'districts.yaml'), 'utf8');
    expect(districts).toMatch(/^districts:\n/m);
    expect(districts).toMatch(/^networks:\n/m);
    const meetings = parse(fs.readFileSync(path.join(folder, 'meetings.yaml'), 'utf8')) as { meetings: Array<{ number: number }> };
    expect(meetings.meetings.map((meeting) => meeting.number)).toEqual([11, 12, 34]);
  });

  it('keeps drafts, records without a source, every date precision and awkward text through the round trip', async () => {
    const start = await createMigratedDatabase();
    const fresh = await createMigratedDatabase();
    try {
      const documents = fs.readdirSync(seedDirectory).map((name) => ({ name, content: fs.readFileSync(path.join(seedDirectory, name)) }));
      await importDataset(start.dataSource, readSeedDocuments([...documents, { name: 'edge.yaml', content: edgeRecords }]));
      // Positions with a gap, as deleting a lesson through the API could leave them: references follow the order, not the number.
      await start.dataSource.query(
        `UPDATE lesson SET position = position + 10 WHERE position = 3 AND brief_id = (SELECT id FROM brief WHERE slug = 'a-draft-brief')`,
      );

      const first = await exportToFolder(start);
      const briefs = fs.readFileSync(path.join(first, 'briefs.yaml'), 'utf8');
      expect(briefs).toMatch(/slug: a-draft-brief\n {4}title: "1984"\n {4}kind: CASE_STUDY\n {4}status: DRAFT\n {4}published: "2021"\n/);
      expect(briefs).toMatch(/slug: a-day-precise-brief\n(?: {4}.*\n)*? {4}published: 2019-05-01\n/);
      expect(fs.readFileSync(path.join(first, 'lesson-links.yaml'), 'utf8')).toContain('from: a-draft-brief#3\n');
      expect(fs.readFileSync(path.join(first, 'organizations.yaml'), 'utf8')).toMatch(
        /slug: api-made-organization\n {4}name: .*\n {4}kind: OTHER\n(?! {4}source)/,
      );

      await importDataset(fresh.dataSource, readSeedDataset(first));
      const [draft] = await fresh.dataSource.query(
        `SELECT status, published_on, publication_date_precision AS precision, source_id, summary, authors FROM brief WHERE slug = 'a-draft-brief'`,
      );
      expect(draft).toEqual({
        status: 'DRAFT',
        published_on: '2021-01-01',
        precision: 'YEAR',
        source_id: null,
        summary: 'Line one\nLine two with a # hash and a: colon\n\n  indented third line\ttab, "quotes", \'single\', émoji 🎓 and trailing space ',
        authors: ["O'Brien, Pat", '- dash first', 'null'],
      });
      const [theme] = await fresh.dataSource.query(`SELECT name, description FROM theme WHERE slug = 'parentless-theme'`);
      expect(theme).toEqual({ name: 'yes', description: '  leading and trailing spaces  ' });
      const [link] = await fresh.dataSource.query(
        `SELECT l.position, l.statement FROM lesson_link k JOIN lesson l ON l.id = k.from_lesson_id WHERE k.rationale = 'Links from a draft survive too.'`,
      );
      expect(link).toEqual({ position: 3, statement: 'Third lesson' });
      const [{ count }] = await fresh.dataSource.query(`SELECT count(*)::int AS count FROM brief WHERE status = 'DRAFT'`);
      expect(count).toBe(1);

      expectSameFiles(first, await exportToFolder(fresh));
    } finally {
      await start.close();
      await fresh.close();
    }
  });

  it('keeps a stored draft a draft when a file omits `status`, and publishes it when the file says PUBLISHED', async () => {
    const database = await createMigratedDatabase();
    try {
      const documents = fs.readdirSync(seedDirectory).map((name) => ({ name, content: fs.readFileSync(path.join(seedDirectory, name)) }));
      await importDataset(database.dataSource, readSeedDocuments([...documents, { name: 'edge.yaml', content: edgeRecords }]));
      const silent = edgeRecords.replace('    status: DRAFT\n', '');
      const unchanged = await importDataset(database.dataSource, readSeedDocuments([...documents, { name: 'edge.yaml', content: silent }]));
      expect(unchanged.briefs).toEqual({ created: 0, updated: 0, unchanged: 9 });
      expect((await database.dataSource.query(`SELECT status FROM brief WHERE slug = 'a-draft-brief'`))[0].status).toBe('DRAFT');
      const published = edgeRecords.replace('    status: DRAFT\n', '    status: PUBLISHED\n');
      const summary = await importDataset(database.dataSource, readSeedDocuments([...documents, { name: 'edge.yaml', content: published }]));
      expect(summary.briefs).toEqual({ created: 0, updated: 1, unchanged: 8 });
      expect((await database.dataSource.query(`SELECT status FROM brief WHERE slug = 'a-draft-brief'`))[0].status).toBe('PUBLISHED');
    } finally {
      await database.close();
    }
  });

  it('a dry run reports what would change and writes nothing', async () => {
    const before = await snapshot(seeded);
    const counts = await rowCounts(seeded);
    const documents = fs.readdirSync(seedDirectory).map((name) => ({ name, content: fs.readFileSync(path.join(seedDirectory, name)) }));
    const dataset = readSeedDocuments([...documents, { name: 'edge.yaml', content: edgeRecords }]);
    const progress: number[] = [];
    const summary = await importDataset(seeded.dataSource, dataset, { dryRun: true, onProgress: (imported) => progress.push(imported) });
    expect(summary.briefs).toEqual({ created: 2, updated: 0, unchanged: 7 });
    expect(summary.organizations.created).toBe(1);
    expect(summary.lessonLinks).toEqual({ created: 1, updated: 0, unchanged: 7 });
    expect(progress).toEqual(Array.from({ length: countRecords(dataset) }, (_, index) => index + 1));
    expect(await rowCounts(seeded)).toEqual(counts);
    expect(await snapshot(seeded)).toBe(before);
  });

  it('reports every problem of an invalid file set at once, with file, record and field, and writes nothing', async () => {
    const folder = temporaryFolder('invalid');
    fs.writeFileSync(
      path.join(folder, 'a-briefs.yaml'),
      `briefs:
  - slug: ../escape
    title: Escaping
    kind: REPORT
    published: 2023-02-31
    summary: A summary.
    publisher: no-such-publisher
    status: ARCHIVED
`,
    );
    fs.writeFileSync(
      path.join(folder, 'b-meetings.yaml'),
      `meetings:
  - number: 7
    startsOn: 2020-05-02
    endsOn: 2020-05-01
    city: Fresno
    state: CA
    convener: nobody
lessonLinks:
  - from: missing-brief#1
    to: other-brief#1
    kind: SUPPORTS
    rationale: Because.
`,
    );
    const counts = await rowCounts(seeded);
    let error: unknown;
    try {
      readSeedDataset(folder, folder);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SeedValidationError);
    const problems = (error as SeedValidationError).problems.map((problem) => ({ file: problem.file, record: problem.record, field: problem.field }));
    expect(problems).toEqual(
      expect.arrayContaining([
        { file: 'a-briefs.yaml', record: 'briefs[0] (slug "../escape")', field: 'slug' },
        { file: 'a-briefs.yaml', record: 'briefs[0] (slug "../escape")', field: 'published' },
        { file: 'a-briefs.yaml', record: 'briefs[0] (slug "../escape")', field: 'status' },
        { file: 'a-briefs.yaml', record: 'briefs[0] (slug "../escape")', field: 'publisher' },
        { file: 'b-meetings.yaml', record: 'meetings[0] (number 7)', field: 'endsOn' },
        { file: 'b-meetings.yaml', record: 'meetings[0] (number 7)', field: 'convener' },
        { file: 'b-meetings.yaml', record: 'lessonLinks[0]', field: 'from' },
        { file: 'b-meetings.yaml', record: 'lessonLinks[0]', field: 'to' },
      ]),
    );
    for (const problem of (error as SeedValidationError).problems) expect(problem.line).toBeGreaterThan(0);
    expect((error as Error).message).toMatch(
      /a-briefs\.yaml:5: briefs\[0\] \(slug "\.\.\/escape"\): field "published": must be a date YYYY, YYYY-MM or YYYY-MM-DD, got "2023-02-31"/,
    );

    const command = await runCommand('import', [folder], seeded.url);
    expect(command.code).toBe(1);
    expect(command.stdout).toBe('');
    expect(command.stderr).toMatch(/the seed data has \d+ problems/);
    expect(command.stderr).toMatch(/a-briefs\.yaml:\d+: briefs\[0\] \(slug "\.\.\/escape"\): field "status": must be one of DRAFT, PUBLISHED, got "ARCHIVED"/);
    expect(command.stderr).toMatch(/b-meetings\.yaml:\d+: meetings\[0\] \(number 7\): field "endsOn": must be on or after startsOn/);
    expect(await rowCounts(seeded)).toEqual(counts);
  });

  it('reports progress every so many records, at most once per interval', () => {
    let clock = 0;
    const lines: string[] = [];
    const report = throttledProgress((imported, total) => lines.push(`imported ${imported}/${total} records`), {
      everyRecords: 500,
      minimumIntervalMilliseconds: 1000,
      now: () => clock,
    });
    for (let imported = 1; imported <= 3000; imported++) {
      clock += imported <= 1000 ? 0.5 : 2; // 500 records in a quarter second at first, then 1 s per 500
      report(imported, 3000);
    }
    expect(lines).toEqual(['imported 1500/3000 records', 'imported 2000/3000 records', 'imported 2500/3000 records', 'imported 3000/3000 records']);
  });

  describe('from the command line', () => {
    it('imports into an unmigrated database, migrating it first, and exports the same files back', async () => {
      const source = await exportToFolder(seeded);
      const database = await createEmptyDatabase();
      try {
        const dryRun = await runCommand('import', [source, '--dry-run'], database.url);
        expect(dryRun).toMatchObject({ code: 0, stderr: '' });
        expect(dryRun.stdout).toMatch(/^valid: \d+ records \(\d+ sources, .*7 briefs with 19 lessons, 7 lesson links\)\ndry run: nothing was written\n$/);

        const imported = await runCommand('import', [source], database.url);
        expect(imported.stderr).toBe('');
        expect(imported.code).toBe(0);
        expect(imported.stdout).toMatch(/^valid: /);
        expect(imported.stdout).toMatch(/^ {2}briefs: +7 created, 0 updated, 0 unchanged$/m);
        expect(imported.stdout).toMatch(/^ {2}lesson links: +7 created, 0 updated, 0 unchanged$/m);

        const again = await runCommand('import', [source], database.url);
        expect(again.code).toBe(0);
        expect(again.stdout).toMatch(/^ {2}briefs: +0 created, 0 updated, 7 unchanged$/m);

        const target = path.join(temporaryFolder('cli-export'), 'out');
        const exported = await runCommand('export', [target], database.url);
        expect(exported.stderr).toBe('');
        expect(exported.code).toBe(0);
        expect(exported.stdout).toContain(`to ${target}: sources.yaml, organizations.yaml`);
        expectSameFiles(source, target);
      } finally {
        await database.drop();
      }
    });

    it('refuses to export into a folder that is not empty, unless --force', async () => {
      const folder = temporaryFolder('not-empty');
      fs.writeFileSync(path.join(folder, 'notes.txt'), 'mine');
      const refused = await runCommand('export', [folder], seeded.url);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`the folder ${folder} is not empty`);
      expect(refused.stderr).toContain('--force');
      expect(fs.readdirSync(folder)).toEqual(['notes.txt']);
      expect(() => writeExportFolder(folder, [{ name: 'sources.yaml', content: 'sources: []\n' }])).toThrow(ExportFolderError);

      const forced = await runCommand('export', [folder, '--force'], seeded.url);
      expect(forced.code).toBe(0);
      expect(fs.readdirSync(folder).sort()).toEqual([...exportedFileNames, 'notes.txt'].sort());
      expect(fs.readFileSync(path.join(folder, 'notes.txt'), 'utf8')).toBe('mine');
    });

    it('explains its usage', async () => {
      const result = await runCommand('import', ['--verbose'], seeded.url);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('usage: npm run import -- <file or folder> [--dry-run]');
    });
  });
});
