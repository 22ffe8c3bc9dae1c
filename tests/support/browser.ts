/**
 * Headless Chromium for the explorer's end-to-end tests, driven by playwright-core with the
 * system's Chromium (Debian's package; no browser is downloaded). When none is installed, the
 * browser tests are skipped and the test run says so in one line (REQUIRE_CHROMIUM=1 makes that
 * an error instead, as CI sets it). Also: axe-core accessibility checks, and screenshots for the README.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page, Response } from 'playwright-core';

const projectRoot = path.join(__dirname, '..', '..');
/**
 * Where the journeys' screenshots go: the README's pictures in docs/screenshots/ when asked for
 * (SAVE_SCREENSHOTS=1), else a folder of this run's own, so a test run leaves the checkout as it was.
 */
export const screenshotDirectory = process.env.SAVE_SCREENSHOTS
  ? path.join(projectRoot, 'docs', 'screenshots')
  : path.join(os.tmpdir(), `briefgraph-screenshots-${process.pid}`);

/** The Chromium to drive: CHROMIUM_PATH when set (only that one), else Debian's. */
export function chromiumPath(): string | undefined {
  const candidates = process.env.CHROMIUM_PATH ? [process.env.CHROMIUM_PATH] : ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((candidate) => fs.existsSync(candidate));
}

export const missingChromiumMessage =
  'explorer browser tests: SKIPPED, no Chromium found (install it with `apt-get install -y chromium`, or set CHROMIUM_PATH)';

/** Builds the explorer into dist/explorer when its sources changed (as npm start and npm test do). */
export function buildExplorerIfStale(): void {
  execFileSync(process.execPath, [path.join(projectRoot, 'scripts', 'build-if-stale.js'), '--explorer-only'], { cwd: projectRoot, stdio: 'inherit' });
}

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error(missingChromiumMessage);
  // launch() runs the browser on a fresh, temporary profile (its own --user-data-dir) and deletes it on close.
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--font-render-hinting=none',
    ],
  });
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/** Runs axe-core (WCAG 2.1 A and AA, and best practices) on the page; returns its violations, described. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated through the DevTools protocol: the page's Content-Security-Policy (no inline scripts) does not apply.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return result.violations;
  });
  return violations.map(
    (violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

export async function saveScreenshot(page: Page, name: string, fullPage = false): Promise<void> {
  fs.mkdirSync(screenshotDirectory, { recursive: true });
  // No focus ring or open suggestions in the picture: the same view gives the same image every run.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(screenshotDirectory, `${name}.png`), fullPage, animations: 'disabled', caret: 'hide' });
}

export interface GraphQLExchange {
  operation: string;
  cost: number;
  errors: unknown[];
}

/** Every GraphQL request the explorer makes: its cost in rate-limit points, and any errors. */
export function recordGraphQL(page: Page, exchanges: GraphQLExchange[], pending: Array<Promise<void>>): void {
  page.on('response', (response: Response) => {
    if (!response.url().endsWith('/graphql')) return;
    pending.push(
      (async () => {
        // A body the browser dropped (the page moved on before it was read) has no errors to report.
        const body = (await response.json().catch(() => ({}))) as { errors?: unknown[] };
        const request = JSON.parse(response.request().postData() ?? '{}') as { operationName?: string; query?: string };
        const operation = request.operationName ?? /query\s+(\w+)/.exec(request.query ?? '')?.[1] ?? 'anonymous';
        exchanges.push({ operation, cost: Number(response.headers()['x-ratelimit-cost'] ?? 0), errors: body.errors ?? [] });
      })(),
    );
  });
}
