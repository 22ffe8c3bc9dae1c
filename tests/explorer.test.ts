/**
 * The explorer's journeys, end to end: a real headless Chromium against the real server and a
 * seeded database. Each journey checks what a researcher sees against what the API says, checks
 * the page with axe-core, and saves a screenshot for the README (docs/screenshots/).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  accessibilityViolations,
  chromiumPath,
  launchChromium,
  missingChromiumMessage,
  recordGraphQL,
  saveScreenshot,
  type GraphQLExchange,
} from './support/browser';
import { startTestServer, type TestServer } from './support/test-server';

const turnaroundBrief = 'Beyond the School: Exploring a Systemic Approach to School Turnaround';
const cicReport = 'Engaging District, School, and Teacher Leaders in Improvement';
const cicLesson = 'Districts play a pivotal role in supporting and sustaining continuous improvement efforts aimed at classroom instruction.';

const describeInBrowser = chromiumPath() ? describe : describe.skip;
const suiteName = chromiumPath() ? 'the explorer in a browser' : `the explorer in a browser (${missingChromiumMessage})`;

describeInBrowser(suiteName, () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const exchanges: GraphQLExchange[] = [];
  const pending: Array<Promise<void>> = [];
  const pageErrors: string[] = [];
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    // Rate limiting on (with room to spare), so every answer says what the request cost.
    server = await startTestServer({ server: { rateLimit: { points: 1_000_000, windowSeconds: 3600 } } });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 860 }, reducedMotion: 'reduce' });
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
    fs.mkdirSync(path.join(__dirname, '..', 'dist'), { recursive: true });
    fs.writeFileSync(path.join(__dirname, '..', 'dist', 'explorer-timings.json'), JSON.stringify({ timings, costs: exchanges }, null, 2));
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

  const mainHeading = () => page.getByRole('heading', { level: 1 });

  it('searches with a typo, says what it searched for instead, and narrows by a facet', async () => {
    await open('/', 'Explore education research findings', 'home');
    await page.getByText(/^\d+ briefs, \d+ lessons, \d+ meetings/).waitFor();
    await page.getByRole('link', { name: 'Meeting 11' }).waitFor();
    await saveScreenshot(page, 'home');
    await page.getByRole('combobox', { name: 'Search the knowledge base' }).fill('contnuous improvment');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/explore\/search\?q=contnuous\+improvment$/, { waitUntil: 'commit' });
    await expect(page.getByRole('status').filter({ hasText: 'showing results for' }).textContent()).resolves.toContain('“continuous improvement”');
    const results = page.locator('ol.results > li');
    await results.first().waitFor();
    const api = await server.graphql(`{ search(query: "contnuous improvment", first: 20) { totalCount matchMode edges { node { __typename } } } }`);
    expect(api.data!.search.matchMode).toBe('FUZZY');
    expect(await results.count()).toBe(api.data!.search.edges.length);
    expect(await page.locator('ol.results mark').count()).toBeGreaterThan(0);
    await expectAccessible();
    await saveScreenshot(page, 'search');

    // The Kind facet counts briefs; choosing Report leaves exactly that many results, all reports.
    const reportFacet = page.getByLabel(/^Report \(\d+\)$/);
    const count = Number(/\((\d+)\)/.exec((await page.locator('label', { hasText: /^Report \(/ }).textContent())!)![1]);
    await reportFacet.check();
    await page.waitForURL(/kind=REPORT/, { waitUntil: 'commit' });
    await page.getByText(/Showing briefs narrowed by your choices/).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: count === 1 ? '1 brief' : `${count} briefs` })
      .waitFor();
    expect(await results.count()).toBe(count);
    for (const meta of await results.locator('.meta').allTextContents()) expect(meta).toMatch(/^Report ·/);
    expect(await page.locator('ol.results mark').count()).toBeGreaterThan(0);
    await expectAccessible();

    // The state is in the URL: back undoes the facet, and the URL alone reproduces the narrowed search.
    const narrowedUrl = page.url();
    await page.goBack();
    await page.getByRole('checkbox', { name: /^Report/ }).waitFor();
    expect(await page.getByRole('checkbox', { name: /^Report/ }).isChecked()).toBe(false);
    await page.goto(narrowedUrl);
    await page
      .getByRole('status')
      .filter({ hasText: count === 1 ? '1 brief' : `${count} briefs` })
      .waitFor();
    expect(await page.getByRole('checkbox', { name: /^Report/ }).isChecked()).toBe(true);
  });

  it('suggests records while typing, and opens one from the keyboard', async () => {
    await open('/meetings', 'Meetings');
    const box = page.getByRole('combobox', { name: 'Search the knowledge base' });
    await box.fill('turnaround');
    await page.getByRole('option', { name: /Beyond the School: Exploring a Systemic Approach/ }).waitFor();
    // Down to the brief, wherever it is among the suggestions, then Enter.
    const options = await page.getByRole('option').allTextContents();
    const index = options.findIndex((text) => text.includes('Beyond the School: Exploring a Systemic Approach'));
    for (let step = 0; step <= index; step++) await box.press('ArrowDown');
    await expect(box.getAttribute('aria-activedescendant')).resolves.toBeTruthy();
    await box.press('Enter');
    await page.waitForURL(/\/explore\/briefs\/district-role-in-school-turnaround$/, { waitUntil: 'commit' });
    await mainHeading().filter({ hasText: turnaroundBrief }).waitFor();
    // After a navigation inside the app, the focus is on the new page's heading.
    await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('H1');
  });

  it('opens a brief and follows a lesson link to another report', async () => {
    await open('/briefs/district-role-in-school-turnaround', turnaroundBrief, 'brief page');
    await page.getByRole('heading', { name: /Lessons/ }).waitFor();
    await page.getByText(/Why: Eight years apart/).waitFor();
    await expectAccessible();
    await saveScreenshot(page, 'brief');
    await page.getByRole('link', { name: cicLesson }).click();
    await mainHeading().filter({ hasText: cicLesson }).waitFor();
    expect(page.url()).toMatch(/\/explore\/lessons\/[\w-]+$/);
    await page
      .getByText(/supports this lesson|This lesson supports/)
      .first()
      .waitFor();
    await expectAccessible();
    await saveScreenshot(page, 'lesson');
    // The lesson's page has a stable URL of its own.
    const lessonUrl = page.url();
    await page.getByRole('link', { name: cicReport }).first().click();
    await mainHeading().filter({ hasText: cicReport }).waitFor();
    await open(new URL(lessonUrl).pathname.replace('/explore', ''), cicLesson, 'lesson page');
  });

  it('draws a brief’s lesson graph and expands it step by step', async () => {
    await open('/briefs/district-role-in-school-turnaround', turnaroundBrief);
    await page.getByRole('link', { name: 'Show in the lesson graph' }).click();
    const status = page.getByRole('status').filter({ hasText: /\d+ records, \d+ ties\./ });
    await status.waitFor();
    const countsOf = async () =>
      /(\d+) records, (\d+) ties/
        .exec((await status.textContent())!)!
        .slice(1, 3)
        .map(Number) as [number, number];
    const [records] = await countsOf();
    expect(records).toBeGreaterThanOrEqual(3);
    await page.locator('[data-testid="graph-canvas"] canvas').first().waitFor({ state: 'attached' });
    await page.getByRole('button', { name: `Expand: ${cicReport}` }).click();
    await page.waitForURL(/expand=/, { waitUntil: 'commit' });
    await page.getByRole('listitem').filter({ hasText: cicReport }).getByText('expanded').waitFor();
    const [expandedRecords, expandedTies] = await countsOf();
    expect(expandedRecords).toBeGreaterThan(records);
    expect(expandedTies).toBeGreaterThan(0);
    // The explicit link is listed with its kind and rationale, as it is drawn on the canvas.
    await page.locator('.graph-ties li').filter({ hasText: 'supports' }).filter({ hasText: 'Why: Eight years apart' }).waitFor();
    await expectAccessible();
    await saveScreenshot(page, 'graph');
    timings['graph (expanded, from the URL)'] = await (async () => {
      const started = Date.now();
      await page.reload();
      await page.getByRole('listitem').filter({ hasText: cicReport }).getByText('expanded').waitFor();
      return Date.now() - started;
    })();
  });

  it('finds the path between the 2011 turnaround brief and the 2019 CIC report, step by step', async () => {
    await open('/path', 'How are two records connected?');
    const choose = async (end: string, typed: string, option: RegExp) => {
      await page.getByRole('combobox', { name: `${end}: find a record` }).fill(typed);
      await page.getByRole('option', { name: option }).click();
    };
    await choose('From', 'turnaround', /Beyond the School: Exploring a Systemic Approach/);
    await page.waitForURL(/from=/, { waitUntil: 'commit' });
    await choose('To', 'Engaging District', /Engaging District, School, and Teacher Leaders/);
    await page.waitForURL(/from=.*&to=/, { waitUntil: 'commit' });
    const heading = page.getByRole('heading', { name: /Connected in \d+ steps?/ });
    await heading.waitFor();
    const ids = await server.graphql(
      `{ from: brief(slug: "district-role-in-school-turnaround") { id } to: brief(slug: "engaging-district-school-and-teacher-leaders-in-improvement") { id } }`,
    );
    const api = await server.graphql(`query($from: ID!, $to: ID!) { connection(from: $from, to: $to) { hops steps { relation } } }`, {
      from: ids.data!.from.id,
      to: ids.data!.to.id,
    });
    const hops = api.data!.connection.hops;
    expect(await heading.textContent()).toBe(`Connected in ${hops} ${hops === 1 ? 'step' : 'steps'}`);
    const steps = page.locator('ol.path-steps > li');
    expect(await steps.count()).toBe(hops);
    expect(await steps.first().textContent()).toContain(turnaroundBrief);
    expect(await steps.last().textContent()).toContain(cicReport);
    // Each step says why: the relation, in words.
    for (const step of await steps.locator('.relation').allTextContents()) expect(step.length).toBeGreaterThan(2);
    await expectAccessible();
    await saveScreenshot(page, 'path');
    const started = Date.now();
    await page.reload();
    await heading.waitFor();
    timings['path (from the URL)'] = Date.now() - started;

    // A step along an editors' link gives the link's rationale as its reason.
    const lessons = await server.graphql(`{ brief(slug: "district-role-in-school-turnaround") { lessons { nodes { id links { nodes { from { id } } } } } } }`);
    const lesson = lessons.data!.brief.lessons.nodes[0];
    await open(`/path?from=${encodeURIComponent(lesson.id)}&to=${encodeURIComponent(lesson.links.nodes[0].from.id)}`, 'How are two records connected?');
    await page.getByRole('heading', { name: 'Connected in 1 step' }).waitFor();
    await page
      .locator('ol.path-steps > li')
      .filter({ hasText: 'is supported by' })
      .getByText(/^Why: Eight years apart/)
      .waitFor();
  });

  it('reads a theme timeline, and opens the records of a year from the chart', async () => {
    await open('/themes/continuous-improvement', 'Continuous improvement', 'theme page');
    const api = await server.graphql(`{ theme(slug: "continuous-improvement") { timeline { years { year briefs meetings lessons } } } }`);
    const years = api.data!.theme.timeline.years as Array<{ year: number; briefs: number; meetings: number; lessons: number }>;
    expect(years.length).toBeGreaterThan(0);
    const rows = await page.locator('table.timeline-table tbody tr').allTextContents();
    expect(rows).toEqual(years.map((entry) => `${entry.year}${entry.briefs}${entry.meetings}${entry.lessons}`));
    const busiest = [...years].sort((left, right) => right.briefs - left.briefs || right.year - left.year)[0];
    await page.locator(`svg a[aria-label^="${busiest.year}:"]`).click();
    await page.waitForURL(new RegExp(`year=${busiest.year}$`), { waitUntil: 'commit' });
    const section = page.locator('section.year-records');
    await section.getByRole('heading', { name: `In ${busiest.year}` }).waitFor();
    const briefs = await server.graphql(
      `{ briefs(filter: { published: { from: "${busiest.year}-01-01", to: "${busiest.year}-12-31" } }) { nodes { title themes { slug parent { slug } } } } }`,
    );
    const onTheme = (briefs.data!.briefs.nodes as Array<{ title: string; themes: Array<{ slug: string; parent: { slug: string } | null }> }>).filter((brief) =>
      brief.themes.some((theme) => theme.slug === 'continuous-improvement' || theme.parent?.slug === 'continuous-improvement'),
    );
    expect(onTheme.length).toBe(busiest.briefs);
    for (const brief of onTheme) await section.getByRole('link', { name: brief.title }).waitFor();
    await expectAccessible();
    await saveScreenshot(page, 'theme-timeline', true);
  });

  it('lists the meetings and opens meeting 12’s materials', async () => {
    await open('/meetings', 'Meetings', 'meetings list');
    await page.getByRole('link', { name: /^Meeting 12\b/ }).click();
    await mainHeading()
      .filter({ hasText: /^Meeting 12/ })
      .waitFor();
    const api = await server.graphql(`{ meeting(number: 12) { dateRange location { text } materials { title sizeText } agendaTopics { title } } }`);
    const meeting = api.data!.meeting;
    const rows = page.locator('table.materials tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(meeting.materials.length);
    for (const [index, material] of (meeting.materials as Array<{ title: string; sizeText: string | null }>).entries()) {
      const cells = await rows.nth(index).locator('td').allTextContents();
      expect(cells[0]).toBe(material.title);
      expect(cells[2]).toBe(material.sizeText ?? '—');
    }
    await page.getByText(meeting.dateRange).first().waitFor();
    await page.getByText(meeting.location.text).first().waitFor();
    for (const topic of meeting.agendaTopics as Array<{ title: string }>) await page.getByRole('listitem').filter({ hasText: topic.title }).first().waitFor();
    await expectAccessible();
    await saveScreenshot(page, 'meeting');
    await open('/meetings/34', /^Meeting 34/, 'meeting page');
    // Meeting 34 was followed up by a brief: it is listed with its lessons.
    await page.getByRole('link', { name: /Always Room for Improvement/ }).waitFor();
    await page.getByRole('list', { name: /Lessons of Always Room/ }).waitFor();
  });

  it('gives every kind of record a page at a stable URL, with provenance and relations as links', async () => {
    const pages: Array<[string, string | RegExp, string]> = [
      ['/districts/long-beach-unified', /Long Beach/, 'district page'],
      ['/networks/core-districts', /CORE/, 'network page'],
      ['/organizations/policy-analysis-for-california-education', /Policy Analysis for California Education/, 'organization page'],
      ['/themes', 'Themes', 'theme list'],
      ['/briefs', 'Briefs and reports', 'brief list'],
    ];
    for (const [explorerPath, heading, timing] of pages) {
      await open(explorerPath, heading, timing);
      await page.locator('main a[href^="/explore/"]').first().waitFor();
      if (explorerPath.split('/').length > 2) await page.getByRole('heading', { name: 'Provenance' }).waitFor();
      await expectAccessible();
    }
    await open('/briefs/no-such-brief', 'Not found');
  });

  it('is usable from the keyboard: the skip link leads to the content', async () => {
    await open('/briefs/always-room-for-improvement', /^Always Room for Improvement/);
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to content');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
  });

  it('is readable on a phone', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
    const phonePage = await phone.newPage();
    await phonePage.goto(`${server.url}/explore/briefs/engaging-district-school-and-teacher-leaders-in-improvement`);
    await phonePage.getByRole('heading', { level: 1, name: cicReport }).waitFor();
    await phonePage.getByRole('heading', { name: /Lessons/ }).waitFor();
    // Nothing wider than the screen: no sideways scrolling to read a record.
    await expect(phonePage.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    await saveScreenshot(phonePage, 'brief-phone');
    await phone.close();
  });

  it('sends only valid, cheap queries to the public API', async () => {
    // Its own visits (home, a search with facets, lists and records), so there is traffic to check whatever ran before.
    await open('/', 'Explore education research findings');
    await page.getByText(/^\d+ briefs, \d+ lessons, \d+ meetings/).waitFor();
    await page.getByRole('combobox', { name: 'Search the knowledge base' }).fill('contnuous improvment');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'showing results for' }).waitFor();
    for (const [explorerPath, heading] of [
      ['/briefs/always-room-for-improvement', /^Always Room for Improvement/],
      ['/meetings', 'Meetings'],
      ['/themes', 'Themes'],
      ['/briefs', 'Briefs and reports'],
      ['/districts/long-beach-unified', /Long Beach/],
      ['/networks/core-districts', /CORE/],
      ['/organizations/policy-analysis-for-california-education', /Policy Analysis for California Education/],
      ['/briefs/engaging-district-school-and-teacher-leaders-in-improvement', cicReport],
      ['/meetings/12', /^Meeting 12/],
      ['/meetings/11', /^Meeting 11/],
      ['/briefs/lessons-from-the-core-districts', /Lessons from the CORE Districts/],
    ] as Array<[string, string | RegExp]>) {
      await open(explorerPath, heading);
    }
    await Promise.all(pending.splice(0));
    expect(exchanges.length).toBeGreaterThan(20);
    expect(exchanges.filter((exchange) => exchange.errors.length > 0)).toEqual([]);
    // One point per hundred nodes a query may return, plus the work of searches, facets and totals
    // (of 20,000 an hour per client by default): every list the explorer asks for is paged or capped,
    // so its heaviest request (a search with its facets, about 100) stays under 1% of the budget.
    for (const exchange of exchanges) expect(exchange.cost).toBeGreaterThanOrEqual(1);
    expect(Math.max(...exchanges.map((exchange) => exchange.cost))).toBeLessThanOrEqual(150);
  });
});
