/**
 * The publication parts of the seed format (people, bylines, files, identifiers):
 * validation of every rule with a clear problem, identifiers stored in one form and
 * unique across briefs, the import/export round trip byte for byte, and operator CSL
 * styles read from a folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import { checkIdentifier, IdentifierScheme, orcidCheckCharacter } from '../src/identifier/identifier-schemes';
import { CitationStyleError, loadCitationStyleFolder } from '../src/publication/citation-styles';
import { readSeedDocuments, SeedValidationError } from '../src/seed/seed-reader';
import { exportKnowledgeBase } from '../src/transfer/export';
import { importDataset } from '../src/transfer/import';
import { createMigratedDatabase } from './support/test-database';
import { startTestServer } from './support/test-server';

const base = `
sources:
  - { slug: a-source, title: A source, kind: PUBLIC_RECORD }
organizations:
  - { slug: an-institute, name: An Institute, kind: RESEARCH_INSTITUTE }
`;

function problemsOf(yaml: string): string[] {
  try {
    readSeedDocuments([{ name: 'publications.yaml', content: base + yaml }]);
  } catch (error) {
    if (error instanceof SeedValidationError) return error.problems.map((problem) => `${problem.record ?? ''} ${problem.field ?? ''}: ${problem.message}`);
    throw error;
  }
  return [];
}

describe('identifier rules', () => {
  it('checks DOI syntax, ERIC numbers, ISBN and ORCID check digits, and stores one form', () => {
    expect(checkIdentifier(IdentifierScheme.DOI, 'https://doi.org/10.1000/ABC.def')).toEqual({ value: '10.1000/abc.def' });
    expect(checkIdentifier(IdentifierScheme.DOI, 'doi:10.12/x')).toEqual({ problem: expect.stringMatching(/is not a DOI/) });
    expect(checkIdentifier(IdentifierScheme.ERIC, 'ed000001')).toEqual({ value: 'ED000001' });
    expect(checkIdentifier(IdentifierScheme.ERIC, 'EX000001')).toEqual({ problem: expect.stringMatching(/is not an ERIC number/) });
    expect(checkIdentifier(IdentifierScheme.ISBN, '978-0-306-40615-7')).toEqual({ value: '9780306406157' });
    expect(checkIdentifier(IdentifierScheme.ISBN, '0-306-40615-2')).toEqual({ value: '0306406152' });
    expect(checkIdentifier(IdentifierScheme.ISBN, '978-0-306-40615-8')).toEqual({ problem: expect.stringMatching(/check digit is wrong/) });
    expect(checkIdentifier(IdentifierScheme.HANDLE, 'hdl:1721.1/12345')).toEqual({ value: '1721.1/12345' });
    expect(checkIdentifier(IdentifierScheme.URL, 'ftp://example.org/x')).toEqual({ problem: expect.stringMatching(/http\(s\) URL/) });
    // ORCID's own documented example iD, and its check digit (ISO 7064 MOD 11-2).
    expect(orcidCheckCharacter('000000021825009')).toBe('7');
    expect(checkIdentifier(IdentifierScheme.ORCID, 'https://orcid.org/0000-0002-1825-0097')).toEqual({ value: '0000-0002-1825-0097' });
    expect(checkIdentifier(IdentifierScheme.ORCID, '0000-0002-1825-0098')).toEqual({ problem: expect.stringMatching(/check digit is wrong/) });
  });
});

describe('the seed format for publications', () => {
  it('accepts people, bylines, files and identifiers', () => {
    expect(
      problemsOf(`
people:
  - slug: pat-example
    name: Pat Example
    sortName: Example, Pat
    orcid: 0000-0002-1825-0097
    affiliations:
      - { organization: an-institute, startYear: 2010, endYear: 2012 }
    source: a-source
briefs:
  - slug: a-brief
    title: A brief
    kind: REPORT
    summary: About something.
    publisher: an-institute
    contributors:
      - { person: pat-example, role: AUTHOR }
      - { organization: an-institute, role: EDITOR }
    files:
      - { kind: FULL_TEXT, title: The report, url: "https://example.org/report.pdf", mediaType: application/pdf, sizeInKilobytes: 812.5, language: en, source: a-source }
    identifiers:
      - { scheme: DOI, value: "10.1000/ABC", source: a-source }
      - { scheme: ERIC, value: ED000001 }
`),
    ).toEqual([]);
  });

  it('reports every broken rule, naming record and field, and writes nothing', () => {
    const problems = problemsOf(`
people:
  - { slug: one, name: One, sortName: One, orcid: 0000-0002-1825-0098 }
  - slug: two
    name: Two
    sortName: Two
    orcid: 0000-0002-1825-0097
    affiliations: [{ organization: an-institute, startYear: 2012, endYear: 2010 }, { organization: nowhere }]
  - { slug: three, name: Three, sortName: Three, orcid: "https://orcid.org/0000-0002-1825-0097" }
briefs:
  - slug: first
    title: First
    kind: REPORT
    summary: S.
    publisher: an-institute
    contributors:
      - { person: two, organization: an-institute, role: AUTHOR }
      - { role: AUTHOR }
      - { person: two, role: AUTHOR }
      - { person: two, role: EDITOR }
      - { person: nobody, role: AUTHOR }
      - { person: three, role: WRITER }
    files:
      - { kind: FULL_TEXT, title: PDF, url: "ftp://example.org/x.pdf" }
      - { kind: FULL_TEXT, title: No address }
    identifiers:
      - { scheme: DOI, value: "11.1000/x" }
      - { scheme: ORCID, value: 0000-0002-1825-0097 }
      - { scheme: DOI, value: "10.1000/SAME" }
  - slug: second
    title: Second
    kind: REPORT
    summary: S.
    publisher: an-institute
    identifiers:
      - { scheme: DOI, value: "https://doi.org/10.1000/same" }
      - { scheme: ISBN, value: 978-0-306-40615-8 }
      - { scheme: ERIC, value: ED12 }
`);
    const expected = [
      /people\[0\].* orcid: is not a valid ORCID iD: its check digit is wrong/,
      /people\[1\].* affiliations\[0\]\.endYear: must be 2012 \(startYear\) or later, got 2010/,
      /people\[1\].* affiliations\[1\]\.organization: unknown organization "nowhere"/,
      /people\[2\].* orcid: duplicate ORCID iD https:\/\/orcid\.org\/0000-0002-1825-0097; already given to people\[1\]/,
      /briefs\[0\].* contributors\[0\]: must name exactly one of person or organization/,
      /briefs\[0\].* contributors\[1\]: must name exactly one of person or organization/,
      /briefs\[0\].* contributors\[3\]: names person "two" again \(already contributors\[2\]\)/,
      /briefs\[0\].* contributors\[4\]\.person: unknown person "nobody"/,
      /briefs\[0\].* contributors\[5\]\.role: must be one of AUTHOR, EDITOR, CONTRIBUTOR, got "WRITER"/,
      /briefs\[0\].* files\[0\]\.url: must be an http\(s\) URL/,
      /briefs\[0\].* files\[1\]\.url: is required/,
      /briefs\[0\].* identifiers\[0\]\.value: is not a DOI/,
      /briefs\[0\].* identifiers\[1\]\.scheme: must be one of DOI, ERIC, ISBN, HANDLE, URL, got "ORCID"/,
      /briefs\[1\].* identifiers\[0\]\.value: duplicate DOI 10\.1000\/same; already given to briefs\[0\]/,
      /briefs\[1\].* identifiers\[1\]\.value: is not a valid ISBN: its check digit is wrong/,
      /briefs\[1\].* identifiers\[2\]\.value: is not an ERIC number/,
    ];
    for (const pattern of expected) expect(problems).toContainEqual(expect.stringMatching(pattern));
    expect(problems).toHaveLength(expected.length);
  });
});

describe('importing and exporting publications', () => {
  const records = `
people:
  - slug: pat-example
    name: Pat Example
    sortName: Example, Pat
    orcid: https://orcid.org/0000-0002-1825-0097
    affiliations:
      - { organization: an-institute, startYear: 2010 }
briefs:
  - slug: a-brief
    title: A brief
    kind: REPORT
    published: 2020-03
    summary: About something.
    publisher: an-institute
    contributors:
      - { person: pat-example, role: AUTHOR }
      - { organization: an-institute, role: CONTRIBUTOR }
    files:
      - { kind: FULL_TEXT, title: The report, url: "https://example.org/report.pdf", mediaType: application/pdf, sizeInKilobytes: 812.5, language: en, source: a-source }
    identifiers:
      - { scheme: DOI, value: "https://doi.org/10.1000/ABC", source: a-source }
      - { scheme: ISBN, value: 978-0-306-40615-7 }
`;

  it('stores identifiers in one form, exports them so, and comes back byte for byte', async () => {
    const first = await createMigratedDatabase();
    const second = await createMigratedDatabase();
    try {
      await importDataset(first.dataSource, readSeedDocuments([{ name: 'a.yaml', content: base + records }]));
      const exported = await exportKnowledgeBase(first.dataSource);
      const people = exported.find((file) => file.name === 'people.yaml')!.content;
      const briefs = exported.find((file) => file.name === 'briefs.yaml')!.content;
      expect(people).toContain('orcid: 0000-0002-1825-0097\n');
      expect(briefs).toContain('value: 10.1000/abc\n');
      expect(briefs).toContain('value: "9780306406157"\n');
      expect(briefs).toMatch(/contributors:\n {6}- person: pat-example\n {8}role: AUTHOR\n {6}- organization: an-institute\n {8}role: CONTRIBUTOR\n/);
      await importDataset(second.dataSource, readSeedDocuments(exported.map((file) => ({ name: file.name, content: file.content }))));
      expect(await exportKnowledgeBase(second.dataSource)).toEqual(exported);
      // Importing the same again changes nothing.
      const again = await importDataset(second.dataSource, readSeedDocuments(exported.map((file) => ({ name: file.name, content: file.content }))));
      expect(again.people).toEqual({ created: 0, updated: 0, unchanged: 1 });
      expect(again.briefs).toEqual({ created: 0, updated: 0, unchanged: 1 });
    } finally {
      await first.drop();
      await second.drop();
    }
  });

  it('refuses an identifier another brief, or an ORCID iD another person, in the database already has, and writes nothing', async () => {
    const database = await createMigratedDatabase();
    try {
      await importDataset(database.dataSource, readSeedDocuments([{ name: 'a.yaml', content: base + records }]));
      const other = `
briefs:
  - { slug: another-brief, title: Another, kind: REPORT, summary: S., publisher: an-institute, identifiers: [{ scheme: DOI, value: "10.1000/abc" }] }
`;
      await expect(importDataset(database.dataSource, readSeedDocuments([{ name: 'b.yaml', content: base + other }]))).rejects.toThrow(
        /DOI 10\.1000\/abc is already the identifier of brief "a-brief"/,
      );
      expect(await database.dataSource.query(`SELECT slug FROM brief ORDER BY slug`)).toEqual([{ slug: 'a-brief' }]);
      const twin = `
people:
  - { slug: pat-twin, name: Pat Twin, sortName: "Twin, Pat", orcid: 0000-0002-1825-0097 }
`;
      await expect(importDataset(database.dataSource, readSeedDocuments([{ name: 'c.yaml', content: twin }]))).rejects.toThrow(
        /ORCID iD 0000-0002-1825-0097 is already the ORCID iD of person "pat-example"/,
      );
      expect(await database.dataSource.query(`SELECT slug FROM person ORDER BY slug`)).toEqual([{ slug: 'pat-example' }]);
    } finally {
      await database.drop();
    }
  });
});

describe('operator citation styles', () => {
  const harvard = (plugins.config.get('@csl').styles as unknown as { get(name: string): string }).get('harvard1');

  it('reads every .csl file of CITATION_STYLES_DIR as a style named after it, and refuses a file that is not a style', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'briefgraph-styles-'));
    fs.writeFileSync(path.join(folder, 'house-style.csl'), harvard);
    fs.writeFileSync(path.join(folder, 'notes.txt'), 'not a style, and not read');
    const server = await startTestServer({ server: { publications: { citationStylesDirectory: folder } } });
    try {
      const { data, errors } = await server.graphql(
        `{ citationStyles brief(slug: "always-room-for-improvement") { house: citation(style: "house-style") harvard: citation(style: "harvard1") } }`,
      );
      expect(errors).toBeUndefined();
      expect(data!.citationStyles).toEqual(['apa', 'harvard1', 'vancouver', 'house-style']);
      expect(data!.brief.house).toBe(data!.brief.harvard);
    } finally {
      await server.close();
    }
    const broken = fs.mkdtempSync(path.join(os.tmpdir(), 'briefgraph-styles-'));
    fs.writeFileSync(path.join(broken, 'broken.csl'), '<html>not a style</html>');
    expect(() => loadCitationStyleFolder(broken)).toThrow(CitationStyleError);
    expect(() => loadCitationStyleFolder(broken)).toThrow(/broken\.csl: not a CSL style/);
    expect(() => loadCitationStyleFolder(path.join(broken, 'missing'))).toThrow(/is not a folder/);
  });
});
