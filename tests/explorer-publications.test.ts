/**
 * The explorer's publication journeys, end to end in headless Chromium against the real server: a
 * brief's byline leads to its people's pages, its files and identifiers are links, and its citation
 * can be read in a chosen style, copied, and downloaded for a reference manager (checked against what
 * the API and the brief's stable URL answer). The seeded data has no DOI or ORCID iD yet, so one
 * example brief and person (ORCID's own documented example iD) are imported beside the seeds.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readSeedDocuments } from '../src/seed/seed-reader';
import { importDataset } from '../src/transfer/import';
import {
  accessibilityViolations,
  chromiumPath,
  launchChromium,
  missingChromiumMessage,
  recordGraphQL,
  saveScreenshot,
  type GraphQLExchange,
} from './support/browser';
import { createMigratedDatabase, type MigratedDatabase } from './support/test-database';
import { seedDirectory, startTestServer, type TestServer } from './support/test-server';

const turnaroundSlug = 'district-role-in-school-turnaround';
const turnaroundBrief = 'Beyond the School: Exploring a Systemic Approach to School Turnaround';

const exampleRecords = `
people:
  - slug: josiah-carberry
    name: Josiah Carberry
    sortName: Carberry, Josiah
    orcid: 0000-0002-1825-0097
    affiliations:
      - { organization: policy-analysis-for-california-education, startYear: 2015, endYear: 2019 }
      - { organization: american-institutes-for-research, startYear: 2020 }
briefs:
  - slug: an-example-report-with-identifiers
    title: An Example Report with Identifiers
    kind: REPORT
    published: 2020-03-05
    publisher: policy-analysis-for-california-education
    summary: An example brief, imported by the explorer's tests, with the identifiers and files the shipped seeds do not have yet.
    contributors:
      - { person: josiah-carberry, role: AUTHOR }
      - { person: heather-j-hough, role: AUTHOR }
      - { organization: policy-analysis-for-california-education, role: EDITOR }
    files:
      - { kind: FULL_TEXT, title: The full report, url: "https://example.org/reports/example.pdf", mediaType: application/pdf, sizeInKilobytes: 812.5, language: en }
      - { kind: LANDING_PAGE, title: The report's page, url: "https://example.org/reports/example", mediaType: text/html }
    identifiers:
      - { scheme: DOI, value: "10.1000/Example.2020" }
      - { scheme: ERIC, value: ED000001 }
`;

const describeInBrowser = chromiumPath() ? describe : describe.skip;
const suiteName = chromiumPath()
  ? 'the explorer’s people, files and citations in a browser'
  : `the explorer’s people, files and citations in a browser (${missingChromiumMessage})`;

describeInBrowser(suiteName, () => {
  let database: MigratedDatabase;
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const exchanges: GraphQLExchange[] = [];
  const pending: Array<Promise<void>> = [];
  const pageErrors: string[] = [];
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    database = await createMigratedDatabase();
    const documents = fs.readdirSync(seedDirectory).map((name) => ({ name, content: fs.readFileSync(path.join(seedDirectory, name)) }));
    await importDataset(database.dataSource, readSeedDocuments([...documents, { name: 'explorer-examples.yaml', content: exampleRecords }]));
    server = await startTestServer({ database, server: { rateLimit: { points: 1_000_000, windowSeconds: 3600 } } });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 860 }, reducedMotion: 'reduce', acceptDownloads: true });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    recordGraphQL(page, exchanges, pending);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await database?.close();
    fs.mkdirSync(path.join(__dirname, '..', 'dist'), { recursive: true });
    fs.writeFileSync(path.join(__dirname, '..', 'dist', 'explorer-publications-timings.json'), JSON.stringify({ timings, costs: exchanges }, null, 2));
  });

  afterEach(async () => {
    await Promise.all(pending.splice(0));
    expect(pageErrors.splice(0)).toEqual([]);
  });

  /** Opens an explorer URL as a fresh page load and waits for its main heading; records how long that took. */
  async function open(explorerPath: string, heading: string | RegExp, timingName?: string): Promise<void> {
    const started = Date.now();
    await page.goto(`${server.url}/explore${explorerPath}`);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    if (timingName) timings[timingName] = Date.now() - started;
  }

  async function expectAccessible(): Promise<void> {
    expect(await accessibilityViolations(page)).toEqual([]);
  }

  /** A fact of the page's facts list: the text of the <dd> after the <dt> named `label`. */
  const fact = (label: string) =>
    page
      .locator('dl.facts > div')
      .filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) })
      .locator('dd');

  const normalized = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

  it('opens a brief, reads its authors, cites it in a chosen style, copies and downloads its BibTeX', async () => {
    const api = await server.graphql(
      `query($slug: String!) { brief(slug: $slug) {
        contributors { role: contributorRole name person { slug } }
        files { title url }
        apa: citation(style: "apa") harvard: citation(style: "harvard1")
        bibtex: citationData(format: BIBTEX) ris: citationData(format: RIS)
      } }`,
      { slug: turnaroundSlug },
    );
    const brief = api.data!.brief;
    await open(`/briefs/${turnaroundSlug}`, turnaroundBrief);
    timings['brief page: citation shown'] = await (async () => {
      const started = Date.now();
      await page.reload();
      await page.locator('.citation-text').waitFor();
      return Date.now() - started;
    })();

    // The byline, in order, each author a link to their page.
    const authors = fact('Authors').getByRole('link');
    expect(await authors.allTextContents()).toEqual((brief.contributors as Array<{ name: string }>).map((contributor) => contributor.name));
    expect(await authors.first().getAttribute('href')).toBe(`/explore/people/${brief.contributors[0].person.slug}`);
    expect(normalized(await fact('Authors').textContent())).toBe("Joel Knudson, Larisa Shambaugh and Jennifer O'Day");

    // Its files, as links.
    const files = page.locator('section.files li');
    expect(await files.count()).toBe(brief.files.length);
    expect(await files.first().getByRole('link').getAttribute('href')).toBe(brief.files[0].url);
    expect(await files.first().textContent()).toContain('Publisher’s page, Web page, English');

    // The citation is at the foot of the page, a link away from its top; APA first; another style is a choice away, and the choice is in the URL.
    await page.getByRole('link', { name: 'Cite this brief' }).click();
    await page.waitForURL(/#cite$/, { waitUntil: 'commit' });
    const citation = page.locator('.citation-text');
    await citation.waitFor();
    expect(await citation.isVisible()).toBe(true);
    expect(normalized(await citation.textContent())).toBe(normalized(brief.apa));
    expect(await citation.locator('i').first().textContent()).toBe(turnaroundBrief);
    await page.getByLabel('Citation style').selectOption('harvard1');
    await page.waitForURL(/\?style=harvard1$/, { waitUntil: 'commit' });
    await citation.filter({ hasText: /^Knudson, J\., Shambaugh, L\. and O’Day, J\. \(2011\)/ }).waitFor();
    expect(normalized(await citation.textContent())).toBe(normalized(brief.harvard));

    // Copy, from the keyboard: the plain-text citation is on the clipboard.
    await page.getByRole('button', { name: 'Copy citation' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Copied to the clipboard.' }).waitFor();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(brief.harvard);

    // Download the BibTeX: a file named after the brief holding what the API and the stable URL answer.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /^BibTeX/ }).click()]);
    expect(download.suggestedFilename()).toBe(`${turnaroundSlug}.bib`);
    const downloaded = fs.readFileSync((await download.path())!, 'utf8');
    expect(downloaded).toBe(brief.bibtex);
    expect(downloaded).toMatch(/^@techreport\{/);
    const stableUrl = `${server.url}/briefs/${turnaroundSlug}`;
    await page.getByRole('link', { name: stableUrl }).waitFor();
    const negotiated = await fetch(stableUrl, { headers: { accept: 'application/x-bibtex' } });
    expect(await negotiated.text()).toBe(downloaded);
    const [risDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /^RIS/ }).click()]);
    expect(fs.readFileSync((await risDownload.path())!, 'utf8')).toBe(brief.ris);

    // The BibTeX can be read on the page too.
    await page.getByText('Show the BibTeX').click();
    expect(await page.locator('.citation-data pre').textContent()).toBe(brief.bibtex);
    await expectAccessible();
    await page.getByRole('heading', { name: 'Cite this brief' }).scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, -120));
    await saveScreenshot(page, 'brief-citation');

    // Follow an author to their page.
    await fact('Authors').getByRole('link', { name: 'Joel Knudson' }).click();
    await page.getByRole('heading', { level: 1, name: 'Joel Knudson' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/explore/people/joel-knudson');
    await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('H1');
  });

  it('gives every person a page: affiliations, identifiers and their briefs as links', async () => {
    await open('/people/joel-knudson', 'Joel Knudson', 'person page');
    expect(normalized(await fact('Affiliation').textContent())).toBe('American Institutes for Research (2011)');
    expect(await fact('Affiliation').getByRole('link').getAttribute('href')).toBe('/explore/organizations/american-institutes-for-research');
    expect(normalized(await fact('ORCID iD').textContent())).toBe('None recorded');
    const briefs = page.getByRole('region', { name: /^Briefs/ }).getByRole('listitem');
    await briefs.first().waitFor();
    expect(await briefs.count()).toBe(1);
    await briefs.getByRole('link', { name: turnaroundBrief }).waitFor();
    expect(normalized(await briefs.textContent())).toContain('Policy brief · California Collaborative on District Reform · February 2011 · Author');
    await expectAccessible();
    await saveScreenshot(page, 'person');

    // A person with an ORCID iD and two affiliations, co-author of a brief with a group editor.
    await open('/people/josiah-carberry', 'Josiah Carberry');
    expect(await fact('ORCID iD').getByRole('link').getAttribute('href')).toBe('https://orcid.org/0000-0002-1825-0097');
    expect(normalized(await fact('Affiliations').textContent())).toBe(
      'Policy Analysis for California Education (2015–2019)American Institutes for Research (from 2020)',
    );
    await page.getByRole('link', { name: 'An Example Report with Identifiers' }).click();
    await page.getByRole('heading', { level: 1, name: 'An Example Report with Identifiers' }).waitFor();
    expect(normalized(await fact('Authors').textContent())).toBe('Josiah Carberry and Heather J. Hough');
    expect(await fact('Editor').getByRole('link', { name: 'Policy Analysis for California Education' }).getAttribute('href')).toBe(
      '/explore/organizations/policy-analysis-for-california-education',
    );
    expect(await fact('DOI').getByRole('link').getAttribute('href')).toBe('https://doi.org/10.1000/example.2020');
    expect(await fact('ERIC number').getByRole('link').getAttribute('href')).toMatch(/^https:\/\/eric\.ed\.gov\/\?id=ED000001$/);
    const files = page.locator('section.files li');
    expect(normalized(await files.first().textContent())).toBe('The full report (Full text, PDF, 812.5 kB, English)');
    expect(await files.first().getByRole('link').getAttribute('type')).toBe('application/pdf');
    await page
      .locator('.citation-text')
      .filter({ hasText: /^Carberry, J\., & Hough, H\. J\. \(2020\)/ })
      .waitFor();
    await expectAccessible();
    await saveScreenshot(page, 'brief-identifiers');

    await open('/people/no-such-person', 'Not found');
  });

  it('lists everyone by family name, and the people affiliated with an organization', async () => {
    const api = await server.graphql(`{ people(first: 100) { totalCount nodes { name } } }`);
    await open('/people', 'People', 'people list');
    const people = page.getByRole('region', { name: /^Everyone, by family name/ }).getByRole('listitem');
    await people.first().waitFor();
    expect(await people.getByRole('link').allTextContents()).toEqual(
      (api.data!.people.nodes as Array<{ name: string }>).slice(0, 20).map((person) => person.name),
    );
    expect(normalized(await people.filter({ hasText: 'Joel Knudson' }).textContent())).toBe('Joel KnudsonAmerican Institutes for Research (2011)');
    await expectAccessible();

    await open('/organizations/american-institutes-for-research', 'American Institutes for Research');
    const affiliated = page.getByRole('region', { name: /^People affiliated/ }).getByRole('listitem');
    await affiliated.first().waitFor();
    expect((await affiliated.allTextContents()).map(normalized)).toEqual([
      'Josiah Carberry (from 2020)',
      'Joel Knudson (2011)',
      "Jennifer O'Day (2011)",
      'Larisa Shambaugh (2011)',
    ]);
    await affiliated.getByRole('link', { name: "Jennifer O'Day" }).click();
    await page.getByRole('heading', { level: 1, name: "Jennifer O'Day" }).waitFor();
    await expectAccessible();
  });

  it('finds people by name, as suggestions while typing and as a kind of search result', async () => {
    await open('/briefs', 'Briefs and reports');
    const box = page.getByRole('combobox', { name: 'Search the knowledge base' });
    await box.fill('Knuds');
    await page.getByRole('option', { name: /Person\s*Joel Knudson/ }).waitFor();
    const options = await page.getByRole('option').allTextContents();
    const index = options.findIndex((text) => text.includes('Joel Knudson'));
    for (let step = 0; step <= index; step++) await box.press('ArrowDown');
    await box.press('Enter');
    await page.waitForURL(/\/explore\/people\/joel-knudson$/, { waitUntil: 'commit' });
    await page.getByRole('heading', { level: 1, name: 'Joel Knudson' }).waitFor();

    await open('/search?q=Gallagher&in=people', 'Results for “Gallagher”');
    const results = page.locator('ol.results > li');
    await results.first().waitFor();
    expect(normalized(await results.first().textContent())).toMatch(/^Person\s*H\. Alix Gallagher/);
    expect(await page.getByRole('navigation', { name: 'Kinds of record' }).getByRole('link', { name: 'People' }).getAttribute('aria-current')).toBe('page');
    await expectAccessible();
  });

  it('is readable on a phone: a person and a brief’s citation need no sideways scrolling', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
    const phonePage = await phone.newPage();
    for (const [explorerPath, heading] of [
      ['/people/josiah-carberry', 'Josiah Carberry'],
      ['/briefs/an-example-report-with-identifiers', 'An Example Report with Identifiers'],
    ]) {
      await phonePage.goto(`${server.url}/explore${explorerPath}`);
      await phonePage.getByRole('heading', { level: 1, name: heading }).waitFor();
      await phonePage.locator('.citation-downloads, .record-list').first().waitFor();
      await expect(phonePage.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    }
    await phone.close();
  });

  it('sends only valid, cheap queries to the public API', async () => {
    // Its own visits (a person, the people lists, a brief's citation and downloads), so the operations below are
    // sent whatever ran before; what other tests sent is checked too.
    await open('/people/joel-knudson', 'Joel Knudson');
    await page
      .getByRole('region', { name: /^Briefs/ })
      .getByRole('listitem')
      .first()
      .waitFor();
    await open('/people', 'People');
    await page
      .getByRole('region', { name: /^Everyone, by family name/ })
      .getByRole('listitem')
      .first()
      .waitFor();
    await open('/organizations/american-institutes-for-research', 'American Institutes for Research');
    await page
      .getByRole('region', { name: /^People affiliated/ })
      .getByRole('listitem')
      .first()
      .waitFor();
    await open('/briefs/an-example-report-with-identifiers', 'An Example Report with Identifiers');
    await page.locator('.citation-text').waitFor();
    await page.getByRole('link', { name: /^BibTeX/ }).waitFor();
    await Promise.all(pending.splice(0));
    expect(exchanges.filter((exchange) => exchange.errors.length > 0)).toEqual([]);
    expect(exchanges.map((exchange) => exchange.operation)).toEqual(
      expect.arrayContaining(['PersonPage', 'PersonBriefs', 'PersonList', 'BriefCitation', 'BriefCitationData']),
    );
    // Under 1% of a client's hourly budget per request, as in tests/explorer.test.ts.
    expect(Math.max(...exchanges.map((exchange) => exchange.cost))).toBeLessThanOrEqual(150);
  });
});
