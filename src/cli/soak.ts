/**
 * `npm run soak -- [--minutes 3] [--clients 4] [--lessons 1000] [--sample-seconds 5] [--warmup-seconds 15]`:
 * a few minutes of mixed traffic against the real server process, to show that it
 * answers without errors and keeps its memory flat.
 *
 * Like `npm run bench`, it builds an embedded PostgreSQL in a temporary folder with the
 * shipped seed dataset plus synthetic data. It then runs the server as `npm start` does
 * (`node dist/src/main.js`, with `--expose-gc` and soak-memory-probe.js preloaded so the
 * server reports its memory after a collection) and sends, from a few concurrent
 * clients, every read operation of the benchmark (half of them with an API key, which
 * skips the response cache) and, one request in five, a theme created, updated and
 * deleted (deletes need an ADMIN key). Any answer that is not HTTP 200 without errors
 * counts as an error.
 */
import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ApiKeyRole } from '../auth/api-key.entity';
import { createApiKey } from '../auth/api-key.service';
import { withBenchmarkDatabase } from '../benchmark/benchmark-database';
import { readOperations, type Operation } from '../benchmark/operations';
import { percentile } from '../benchmark/statistics';
import { findFreePort } from '../database/embedded-postgres';
import { projectRoot } from '../shared/project-root';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

const megabytes = (bytes: number) => bytes / (1024 * 1024);

interface MemorySample {
  /** Seconds since the measured run began. */
  seconds: number;
  rss: number;
  heapUsed: number;
}

/** Least-squares slope of y over x. */
function slope(points: Array<[number, number]>): number {
  const n = points.length;
  if (n < 2) return 0;
  const meanX = points.reduce((sum, [x]) => sum + x, 0) / n;
  const meanY = points.reduce((sum, [, y]) => sum + y, 0) / n;
  const covariance = points.reduce((sum, [x, y]) => sum + (x - meanX) * (y - meanY), 0);
  const variance = points.reduce((sum, [x]) => sum + (x - meanX) ** 2, 0);
  return variance === 0 ? 0 : covariance / variance;
}

/** A GraphQL answer, as far as the soak looks into it. */
interface ResponseBody {
  data?: Record<string, unknown> | null;
  errors?: unknown[];
}

class Traffic {
  readonly latencies: number[] = [];
  requests = 0;
  readonly errors: string[] = [];
  private errorCount = 0;
  measuring = false;
  stopped = false;

  constructor(
    private readonly url: string,
    private readonly reads: Operation[],
    private readonly apiKey: string,
  ) {}

  get errorTotal(): number {
    return this.errorCount;
  }

  private async send(query: string, variables: Record<string, unknown>, keyed: boolean): Promise<ResponseBody | undefined> {
    const startedAt = performance.now();
    let problem: string | undefined;
    let body: ResponseBody | undefined;
    try {
      const response = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(keyed ? { authorization: `Bearer ${this.apiKey}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      body = (await response.json()) as ResponseBody;
      if (response.status !== 200 || body.errors) problem = `HTTP ${response.status} ${JSON.stringify(body.errors ?? body).slice(0, 300)}`;
      const payload = body.data && (Object.values(body.data)[0] as { userErrors?: unknown[] } | null);
      if (!problem && payload?.userErrors?.length) problem = `user errors ${JSON.stringify(payload.userErrors).slice(0, 300)}`;
    } catch (error) {
      problem = `no answer: ${(error as Error).message}`;
    }
    const elapsed = performance.now() - startedAt;
    if (this.measuring) {
      this.requests++;
      this.latencies.push(elapsed);
    }
    if (problem) {
      this.errorCount++;
      if (this.errors.length < 10) this.errors.push(problem);
      return undefined;
    }
    return body;
  }

  async runClient(client: number): Promise<void> {
    let themeId: string | undefined;
    let writeStep = 0;
    for (let round = 0; !this.stopped; round++) {
      if (round % 5 === 4) {
        // One request in five writes: create a theme, then update it, then delete it, and again.
        if (writeStep % 3 === 0 || !themeId) {
          const slug = `soak-${client}-${round}`;
          const body = await this.send(
            `mutation($input: ThemeCreateInput!) { themeCreate(input: $input) { theme { id } userErrors { code message } } }`,
            { input: { slug, name: `Soak ${client} ${round}` } },
            true,
          );
          themeId = (body?.data?.themeCreate as { theme?: { id?: string } | null } | null | undefined)?.theme?.id;
        } else if (writeStep % 3 === 1) {
          await this.send(
            `mutation($id: ID!, $input: ThemeUpdateInput!) { themeUpdate(id: $id, input: $input) { theme { id version } userErrors { code message } } }`,
            { id: themeId, input: { description: `Updated in round ${round}` } },
            true,
          );
        } else {
          await this.send(`mutation($id: ID!) { themeDelete(id: $id) { deletedThemeId userErrors { code message } } }`, { id: themeId }, true);
          themeId = undefined;
        }
        writeStep++;
      } else {
        const operation = this.reads[(client + round) % this.reads.length];
        await this.send(operation.query, operation.variables(round), round % 2 === 1);
      }
    }
  }
}

function startServerProcess(databaseUrl: string, port: number): { child: ChildProcess; warnings: string[]; exited: Promise<number | null> } {
  const child = spawn(
    process.execPath,
    ['--expose-gc', '--require', path.join(__dirname, 'soak-memory-probe.js'), path.join(projectRoot, 'dist', 'src', 'main.js')],
    {
      cwd: projectRoot,
      // One client address sends everything, so the per-client rate limit is off; the rest are the defaults.
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        LOG_FORMAT: 'json',
        SEED_ON_START: 'never',
        RATE_LIMIT_POINTS: '0',
        NODE_ENV: 'production',
      },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    },
  );
  const warnings: string[] = [];
  let pending = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop()!;
    warnings.push(...lines.filter((line) => line.trim()));
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, warnings, exited };
}

function sampleMemory(child: ChildProcess): Promise<{ rss: number; heapUsed: number }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server did not report its memory within 10 s')), 10_000);
    const onMessage = (message: { type?: string; rss: number; heapUsed: number }) => {
      if (message?.type !== 'memory') return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(message);
    };
    child.on('message', onMessage);
    child.send('memory');
  });
}

async function waitUntilReady(port: number, exited: Promise<number | null>): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && !gone) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(gone ? 'the server exited during start-up' : 'the server was not ready within 60 s');
}

interface SoakSettings {
  minutes: number;
  clients: number;
  lessons: number;
  sampleSeconds: number;
  warmupSeconds: number;
}

type ServerProcess = ReturnType<typeof startServerProcess>;

const pause = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/**
 * Collections during the warm-up too (their figures are not kept): the first full one
 * returns the start-up's garbage, and the RSS needs a few seconds to shrink after it.
 */
async function warmUp(server: ServerProcess, settings: SoakSettings): Promise<void> {
  const warmupEnds = performance.now() + settings.warmupSeconds * 1000;
  while (performance.now() < warmupEnds) {
    await sampleMemory(server.child);
    await pause(Math.max(0, Math.min(settings.sampleSeconds * 1000, warmupEnds - performance.now())));
  }
}

/** Samples the server's memory every few seconds while the traffic is measured, reporting each sample on stderr. */
async function measure(server: ServerProcess, traffic: Traffic, settings: SoakSettings): Promise<{ samples: MemorySample[]; measuredSeconds: number }> {
  traffic.measuring = true;
  const samples: MemorySample[] = [];
  const startedAt = performance.now();
  const durationMilliseconds = settings.minutes * 60_000;
  for (;;) {
    const elapsed = performance.now() - startedAt;
    const memory = await sampleMemory(server.child);
    samples.push({ seconds: elapsed / 1000, rss: memory.rss, heapUsed: memory.heapUsed });
    process.stderr.write(
      `  ${(elapsed / 1000).toFixed(0).padStart(4)} s  ${String(traffic.requests).padStart(7)} requests  ${traffic.errorTotal} errors  rss ${megabytes(memory.rss).toFixed(1)} MB  heap ${megabytes(memory.heapUsed).toFixed(1)} MB\n`,
    );
    if (elapsed >= durationMilliseconds) break;
    await pause(Math.min(settings.sampleSeconds * 1000, durationMilliseconds - elapsed));
  }
  const measuredSeconds = (performance.now() - startedAt) / 1000;
  traffic.measuring = false;
  return { samples, measuredSeconds };
}

interface SoakOutcome {
  traffic: Traffic;
  samples: MemorySample[];
  measuredSeconds: number;
  server: ServerProcess;
  exitCode: number | null;
}

/** The report: latencies, memory at the start, middle and end with its slopes, then the first errors and server warnings. */
function printReport(settings: SoakSettings, { traffic, samples, measuredSeconds, server, exitCode }: SoakOutcome): void {
  const { minutes, clients, lessons, warmupSeconds } = settings;
  const sorted = [...traffic.latencies].sort((a, b) => a - b);
  const middle = samples[Math.floor(samples.length / 2)];
  const first = samples[0];
  const last = samples[samples.length - 1];
  const secondHalf = samples.slice(Math.floor(samples.length / 2));
  const slopeOf = (over: MemorySample[], pick: (sample: MemorySample) => number) => slope(over.map((sample) => [sample.seconds / 60, megabytes(pick(sample))]));
  const signed = (value: number) => `${value >= 0 ? '+' : ''}${value.toFixed(2)}`;
  const memoryRow = (name: string, pick: (sample: MemorySample) => number) =>
    `| ${name} | ${megabytes(pick(first)).toFixed(1)} | ${megabytes(pick(middle)).toFixed(1)} | ${megabytes(pick(last)).toFixed(1)} | ${signed(slopeOf(samples, pick))} | ${signed(slopeOf(secondHalf, pick))} |`;
  console.log(
    [
      `Soak run: ${minutes} min measured after ${warmupSeconds} s of warm-up, ${clients} concurrent clients, ${lessons.toLocaleString('en-US')} synthetic lessons plus the seed dataset.`,
      '',
      '| requests | errors | requests/s | p50 ms | p95 ms | p99 ms |',
      '|---|---|---|---|---|---|',
      `| ${traffic.requests.toLocaleString('en-US')} | ${traffic.errorTotal} | ${(traffic.requests / measuredSeconds).toFixed(0)} | ${percentile(sorted, 0.5).toFixed(1)} | ${percentile(sorted, 0.95).toFixed(1)} | ${percentile(sorted, 0.99).toFixed(1)} |`,
      '',
      `| server memory (MB, after a collection) | start | middle (${middle.seconds.toFixed(0)} s) | end (${last.seconds.toFixed(0)} s) | slope MB/min | slope MB/min, second half |`,
      '|---|---|---|---|---|---|',
      memoryRow('RSS', (sample) => sample.rss),
      memoryRow('JS heap used', (sample) => sample.heapUsed),
      '',
      `${samples.length} memory samples; the server logged ${server.warnings.length} warnings or errors; it exited with code ${exitCode} on SIGTERM.`,
    ].join('\n'),
  );
  for (const problem of traffic.errors) console.log(`error: ${problem}`);
  for (const line of server.warnings.slice(0, 10)) console.log(`server: ${line.slice(0, 300)}`);
}

/** Once the server is ready: warms it up, measures the traffic of `settings.clients` clients, stops the server and reports. */
async function soak(server: ServerProcess, port: number, reads: Operation[], secret: string, settings: SoakSettings): Promise<void> {
  await waitUntilReady(port, server.exited);
  process.stderr.write(
    `soak: ${settings.lessons.toLocaleString('en-US')} lessons, ${settings.clients} clients, ${settings.warmupSeconds} s warm-up, then ${settings.minutes} min measured\n`,
  );
  const traffic = new Traffic(`http://127.0.0.1:${port}/graphql`, reads, secret);
  const running = Array.from({ length: settings.clients }, (_, client) => traffic.runClient(client));
  await warmUp(server, settings);
  const { samples, measuredSeconds } = await measure(server, traffic, settings);
  traffic.stopped = true;
  await Promise.all(running);

  server.child.kill('SIGTERM');
  const exitCode = await server.exited;
  printReport(settings, { traffic, samples, measuredSeconds, server, exitCode });
  if (traffic.errorTotal > 0 || exitCode !== 0) process.exitCode = 1;
}

async function main(): Promise<void> {
  const settings: SoakSettings = {
    minutes: option('minutes', 3),
    clients: option('clients', 4),
    lessons: option('lessons', 1000),
    sampleSeconds: option('sample-seconds', 5),
    warmupSeconds: option('warmup-seconds', 15),
  };

  let server: ServerProcess | undefined;
  await withBenchmarkDatabase(settings.lessons, async (url, dataSource) => {
    try {
      const { secret } = await createApiKey(dataSource.manager, 'soak-admin', ApiKeyRole.ADMIN);
      const reads = await readOperations(dataSource);
      await dataSource.destroy();

      const port = await findFreePort();
      server = startServerProcess(url, port);
      await soak(server, port, reads, secret, settings);
    } finally {
      if (server && server.child.exitCode === null) {
        server.child.kill('SIGKILL');
        await server.exited;
      }
    }
  });
}

main().catch((error: Error) => {
  console.error(`soak: ${error.message}`);
  process.exit(1);
});
