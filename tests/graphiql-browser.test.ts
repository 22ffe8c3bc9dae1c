/**
 * The IDE in a real headless Chromium, under its Content-Security-Policy: opened with
 * `/graphql?query=…`, it shows that query, runs it, and shows the answer, with no script
 * blocked and no error on the page. Needs Chromium (`apt-get install chromium`; CHROMIUM_PATH
 * to use another); as for the explorer tests, .ci/run installs it and sets REQUIRE_CHROMIUM=1, so there it cannot skip.
 */
import fs from 'node:fs';
import { chromium, type Browser, type Locator } from 'playwright-core';
import { startTestServer, type TestServer } from './support/test-server';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const browserAvailable = fs.existsSync(chromiumPath);
if (!browserAvailable && process.env.REQUIRE_CHROMIUM === '1') throw new Error(`REQUIRE_CHROMIUM=1 but there is no Chromium at ${chromiumPath}`);
if (!browserAvailable) process.stderr.write(`no Chromium at ${chromiumPath}: the IDE browser test is skipped\n`);

(browserAvailable ? describe : describe.skip)('GraphiQL in Chromium', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'], headless: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens /graphql?query=… with the query filled in, runs it, and nothing is blocked by the policy', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`));
    });
    const query = '{ meetings(first: 2) { nodes { number } } }';
    const response = await page.goto(`${server.url}/graphql?query=${encodeURIComponent(query)}`);
    expect(response!.headers()['content-security-policy']).toMatch(/script-src 'sha256-/);
    await page.locator('.graphiql-execute-button').waitFor({ timeout: 60_000 });
    await textEventually(page.locator('.graphiql-query-editor'), /meetings\(first: 2\)/);
    await page.locator('.graphiql-execute-button').click();
    await textEventually(page.locator('.graphiql-response'), /"number": 12/);
    expect(problems).toEqual([]);
  });
});

/** Polls the text of `element` until it matches (the page renders at its own pace), failing after a generous time. */
async function textEventually(element: Locator, pattern: RegExp, timeoutMilliseconds = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMilliseconds;
  let text: string;
  while (!pattern.test((text = (await element.innerText()).replace(/\s+/g, ' ')))) {
    if (Date.now() > deadline) throw new Error(`the page never showed ${pattern}; it shows: ${text.slice(0, 500)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
