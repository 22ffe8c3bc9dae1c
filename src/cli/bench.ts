/**
 * Benchmarks through the real HTTP endpoint, on an embedded PostgreSQL in a temporary
 * folder filled with the shipped dataset plus deterministic synthetic data at each scale.
 * Each prints a Markdown table for docs/benchmarks.md.
 *
 * `npm run bench -- [--lessons 1000,100000] [--runs 500] [--seconds 5] [--clients 10] [--only name] [--cached]`:
 *   the read path against the floor (one hand-written SQL statement per request), both as
 *   processes of their own: p50/p95 with one client, requests per second with ten, ratios,
 *   memory. --cached turns Briefgraph's response cache on (every request after the first a hit).
 *   --profile instead writes CPU profiles of Briefgraph under that load (--clients 1: one client) and summarises them.
 * `npm run bench -- --research [--lessons …] [--runs 200] [--only name]`: search, facets,
 *   related records and connection paths: p50/p95 and SQL statements per request.
 * `npm run bench -- --hostile [--runs 50]`: how fast each hostile request is refused.
 * `npm run bench -- --abuse [--lessons 100000] [--seconds 10] [--per-client 4] [--per-request 2]`: the expensive queries the limits accept, ten
 *   concurrent copies each from one client, and how another client's small queries fare meanwhile.
 * `npm run bench -- --writes [--lessons 1000] [--seconds 10]`: mutations per second with one and four concurrent writers.
 * `npm run bench -- --freshness [--runs 200]`: how soon a write made elsewhere (SQL) stops a cached answer being served.
 * `npm run bench -- --changes [--lessons 1000] [--runs 200]`: commit to webhook delivery and to subscriber (p50, p95), and change feed read throughput.
 * `npm run bench -- --timeline [--lessons 1000] [--runs 2000] [--only name]`: where each server's time goes within a request
 *   (before the SQL, waiting for PostgreSQL, after it), measured from inside both processes, one client.
 * `npm run bench -- --wake [--lessons 1000] [--runs 2000]`: what extra CPU before the SQL costs the floor in latency, and
 *   PostgreSQL's round trip after the sender has been busy or asleep (why a server's extra work costs more than itself).
 */
import 'reflect-metadata';
import { benchmarkChanges, changeTable } from '../benchmark/change-benchmark';
import type { DataSource } from 'typeorm';
import { withBenchmarkDatabase } from '../benchmark/benchmark-database';
import { benchmarkHostileRequests } from '../benchmark/hostile-benchmark';
import { benchmarkAbuse } from '../benchmark/abuse-benchmark';
import { benchmarkWake, wakeTables } from '../benchmark/wake-benchmark';
import { benchmarkTimeline, timelineTable } from '../benchmark/timeline-benchmark';
import { defaultDatabaseShare } from '../traffic/database-share';
import { readOperations, type Operation } from '../benchmark/operations';
import { floorOperations } from '../benchmark/floor-operations';
import { benchmarkFreshness, benchmarkWrites, writeTable } from '../benchmark/write-benchmark';
import { benchmarkScale as benchmarkReadPathScale, profileScale, readPathTable, type ScaleFigures } from '../benchmark/read-path-benchmark';
import { percentile } from '../benchmark/statistics';
import { createServer, type ServerOptions } from '../server';

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

interface Result {
  operation: Operation;
  p50: number;
  p95: number;
  statements: number;
  bytes: number;
}

async function measure(url: string, operation: Operation, runs: number): Promise<Result> {
  const timings: number[] = [];
  let statements = -1;
  let bytes = 0;
  const warmUp = Math.min(20, runs);
  for (let run = 0; run < warmUp + runs; run++) {
    const startedAt = performance.now();
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: operation.query, variables: operation.variables(run) }),
    });
    const body = await response.text();
    const elapsed = performance.now() - startedAt;
    if (response.status !== 200 || body.includes('"errors"')) throw new Error(`${operation.name} failed: ${response.status} ${body.slice(0, 500)}`);
    if (run < warmUp) continue;
    timings.push(elapsed);
    const count = Number(response.headers.get('x-sql-statements'));
    if (statements !== -1 && count !== statements)
      statements = Math.max(statements, count); // report the highest seen
    else statements = count;
    bytes = body.length;
  }
  timings.sort((a, b) => a - b);
  return { operation, p50: percentile(timings, 0.5), p95: percentile(timings, 0.95), statements, bytes };
}

/**
 * Runs `work` against a server over a temporary embedded database holding the shipped
 * dataset plus synthetic data for `lessons` lessons. One client sends every benchmark
 * request: a rate limit would measure the limiter, not the API, and the response cache
 * would measure the cache, so both are off unless `serverOptions` says otherwise.
 */
export function withBenchmarkServer<T>(
  lessons: number,
  serverOptions: Partial<ServerOptions>,
  work: (url: string, dataSource: DataSource) => Promise<T>,
): Promise<T> {
  return withBenchmarkDatabase(lessons, async (_url, dataSource) => {
    const server = await createServer({ dataSource, rateLimit: { points: 0, windowSeconds: 3600 }, cacheMaxAgeSeconds: 0, ...serverOptions });
    const port = await server.listen(0, '127.0.0.1');
    try {
      return await work(`http://127.0.0.1:${port}/graphql`, dataSource);
    } finally {
      await server.close();
    }
  });
}

function benchmarkScale(lessons: number, runs: number, only: string | undefined, serverOptions: Partial<ServerOptions>): Promise<Result[]> {
  return withBenchmarkServer(lessons, serverOptions, async (url, dataSource) => {
    const results: Result[] = [];
    for (const operation of await readOperations(dataSource)) {
      // The read path's operations are measured against the floor (the default mode).
      if (floorOperations[operation.name] || (only && !operation.name.includes(only))) continue;
      results.push(await measure(url, operation, runs));
      process.stderr.write(`  ${operation.name}: p50 ${results[results.length - 1].p50.toFixed(1)} ms\n`);
    }
    return results;
  });
}

async function benchmarkReadPath(): Promise<void> {
  const scales = option('lessons', '1000,100000').split(',').map(Number);
  const settings = {
    scales,
    runs: Number(option('runs', '500')),
    seconds: Number(option('seconds', '5')),
    clients: Number(option('clients', '10')),
    only: process.argv.includes('--only') ? option('only', '') : undefined,
    // --cached: the response cache on, so every request after the first is a hit.
    briefgraphEnvironment: process.argv.includes('--cached') ? { CACHE_MAX_AGE_SECONDS: '3600' } : undefined,
  };
  if ([...scales, settings.runs, settings.seconds, settings.clients].some((value) => !Number.isInteger(value) || value < 1)) {
    throw new Error('usage: npm run bench -- [--lessons 1000,100000] [--runs 500] [--seconds 5] [--clients 10] [--only <operation name part>] [--cached]');
  }
  if (process.argv.includes('--profile')) {
    // --profile: CPU profiles of Briefgraph under the load of --clients (10 by default), summarised.
    for (const lessons of scales) console.log(await profileScale(lessons, settings, (line) => process.stderr.write(`${line}\n`)));
    return;
  }
  const figures: ScaleFigures[] = [];
  for (const lessons of scales) {
    process.stderr.write(
      `read path at ${lessons.toLocaleString('en-US')} lessons: ${settings.runs} sequential requests, then ${settings.seconds} s with ${settings.clients} clients, per operation and server\n`,
    );
    figures.push(await benchmarkReadPathScale(lessons, settings, (line) => process.stderr.write(`${line}\n`)));
  }
  console.log(readPathTable(figures, settings.clients));
  console.log('\nOperations:');
  for (const result of figures[0]?.operations ?? []) console.log(`- ${result.operation.name}: ${result.operation.description}`);
}

async function benchmarkResearch(): Promise<void> {
  const scales = option('lessons', '1000,100000').split(',').map(Number);
  const runs = Number(option('runs', '200'));
  const only = process.argv.includes('--only') ? option('only', '') : undefined;
  if (scales.some((scale) => !Number.isInteger(scale) || scale < 1) || !Number.isInteger(runs) || runs < 1) {
    throw new Error('usage: npm run bench -- --research [--lessons 1000,100000] [--runs 200] [--only <operation name part>]');
  }
  const byScale = new Map<number, Result[]>();
  for (const scale of scales) {
    process.stderr.write(`benchmarking at ${scale.toLocaleString('en-US')} lessons, ${runs} runs per operation\n`);
    byScale.set(scale, await benchmarkScale(scale, runs, only, {}));
  }
  const header = ['operation', ...scales.flatMap((scale) => [`p50 ms @${scale}`, `p95 ms @${scale}`, `SQL @${scale}`])];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  const first = byScale.get(scales[0])!;
  first.forEach((result, index) => {
    const cells = scales.flatMap((scale) => {
      const scaled = byScale.get(scale)![index];
      return [scaled.p50.toFixed(1), scaled.p95.toFixed(1), String(scaled.statements)];
    });
    lines.push(`| ${result.operation.name} | ${cells.join(' | ')} |`);
  });
  console.log(lines.join('\n'));
  console.log('\nOperations:');
  for (const result of first) console.log(`- ${result.operation.name}: ${result.operation.description}`);
}

async function main(): Promise<void> {
  if (process.argv.includes('--writes')) {
    const figures = await benchmarkWrites(Number(option('lessons', '1000')), Number(option('seconds', '10')), [1, 4], (line) =>
      process.stderr.write(`${line}\n`),
    );
    console.log(writeTable(figures));
    return;
  }
  if (process.argv.includes('--freshness')) {
    const figures = await benchmarkFreshness(Number(option('lessons', '1000')), Number(option('runs', '200')), (line) => process.stderr.write(`${line}\n`));
    console.log(
      `| writes | p50 ms | p95 ms | max ms |\n|--:|--:|--:|--:|\n| ${figures.writes} | ${figures.p50.toFixed(1)} | ${figures.p95.toFixed(1)} | ${figures.max.toFixed(1)} |`,
    );
    return;
  }
  if (process.argv.includes('--changes')) {
    console.log(
      changeTable(await benchmarkChanges(Number(option('lessons', '1000')), Number(option('runs', '200')), (line) => process.stderr.write(`${line}\n`))),
    );
    return;
  }
  if (process.argv.includes('--timeline')) {
    const only = process.argv.includes('--only') ? option('only', '') : undefined;
    const figures = await benchmarkTimeline(Number(option('lessons', '1000')), Number(option('runs', '2000')), only, (line) =>
      process.stderr.write(`${line}\n`),
    );
    console.log(timelineTable(figures));
    return;
  }
  if (process.argv.includes('--wake')) {
    console.log(
      wakeTables(await benchmarkWake(Number(option('lessons', '1000')), Number(option('runs', '2000')), (line) => process.stderr.write(`${line}\n`))),
    );
    return;
  }
  if (process.argv.includes('--abuse')) {
    const share = {
      perClient: Number(option('per-client', String(defaultDatabaseShare.perClient))),
      perRequest: Number(option('per-request', String(defaultDatabaseShare.perRequest))),
    };
    console.log(
      await benchmarkAbuse(withBenchmarkServer, Number(option('lessons', '100000')), Number(option('seconds', '10')), share, (line) =>
        process.stderr.write(`${line}\n`),
      ),
    );
    return;
  }
  if (process.argv.includes('--hostile')) {
    console.log(await benchmarkHostileRequests(withBenchmarkServer, Number(option('runs', '50'))));
    return;
  }
  if (process.argv.includes('--research')) return benchmarkResearch();
  return benchmarkReadPath();
}

main().catch((error: Error) => {
  console.error(`bench: ${error.message}`);
  process.exit(1);
});
