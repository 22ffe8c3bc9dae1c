/**
 * What a server's extra CPU per request costs in latency on the benchmark's machine, and
 * why it costs more than itself: the floor with a fixed amount of CPU burnt before each
 * statement (p50 of one client sending requests one after another), and PostgreSQL's
 * round trip for the floor's statement sent back to back, after the sender has been busy
 * for a while, and after it has slept. On a virtual machine whose processors idle between
 * requests, a process that has been idle longer answers later, so every microsecond a
 * server spends before its SQL also lengthens its wait for the answer.
 */
import pg from 'pg';
import { connectionOptions } from '../database/data-source';
import { withBenchmarkDatabase } from './benchmark-database';
import { burnCpu } from './burn-cpu';
import { floorOperations } from './floor-operations';
import { measureLatency } from './load-client';
import { readOperations } from './operations';
import { floorEndpoint, sendsOf } from './read-path-benchmark';
import { startFloor } from './server-processes';
import { median } from './statistics';

const measuredOperations = ['brief by slug', 'meeting with materials'];
const extraCpuSteps = [0, 0.1, 0.2, 0.4];

/** What the sender does between two statements of the round-trip measurement. */
const gaps: Array<{ name: string; before: () => Promise<void> | void }> = [
  { name: 'back to back', before: () => undefined },
  { name: 'after 0.3 ms of work', before: () => burnCpu(0.3) },
  { name: 'after 0.7 ms of work', before: () => burnCpu(0.7) },
  { name: 'after sleeping 1 ms', before: () => new Promise<void>((resolve) => setTimeout(resolve, 1)) },
];

export interface WakeFigures {
  lessons: number;
  /** p50 of each operation by the CPU burnt before its statement. */
  extraCpu: Array<{ operation: string; extraMilliseconds: number; p50: number }>;
  /** p50 of the floor's brief statement, sent through pg, by what came before it. */
  roundTrips: Array<{ gap: string; p50: number }>;
}

export async function benchmarkWake(lessons: number, runs: number, progress: (line: string) => void): Promise<WakeFigures> {
  return withBenchmarkDatabase(lessons, async (url, dataSource) => {
    const operations = (await readOperations(dataSource)).filter((operation) => measuredOperations.includes(operation.name));
    const extraCpu: WakeFigures['extraCpu'] = [];
    for (const extraMilliseconds of extraCpuSteps) {
      const server = await startFloor(url, { extraCpuMilliseconds: extraMilliseconds });
      const endpoint = floorEndpoint(server, 1);
      try {
        for (const operation of operations) {
          const send = sendsOf(endpoint, operation);
          await measureLatency(send, 0, 500); // warm-up
          const { p50 } = await measureLatency(send, runs);
          extraCpu.push({ operation: operation.name, extraMilliseconds, p50 });
          progress(`  floor, ${operation.name}, ${extraMilliseconds} ms of CPU before the statement: p50 ${p50.toFixed(3)} ms`);
        }
      } finally {
        endpoint.client.close();
        await server.stop();
      }
    }
    const briefBySlug = operations.find((operation) => operation.name === 'brief by slug')!;
    const client = new pg.Client({ connectionString: url, options: `${connectionOptions} -c search_path=published,public` });
    await client.connect();
    try {
      const statement = (run: number) => floorOperations['brief by slug'].statement(briefBySlug.variables(run));
      for (let run = 0; run < 500; run++) await client.query(statement(run));
      const timings = gaps.map(() => [] as number[]);
      // The kinds of gap take turns in blocks: each block is that kind's steady state, and each kind sees the machine as the others do.
      const block = 200;
      for (let first = 0; first < runs; first += block) {
        for (const [index, gap] of gaps.entries()) {
          for (let run = first; run < Math.min(first + block, runs); run++) {
            await gap.before();
            const startedAt = performance.now();
            await client.query(statement(run));
            timings[index].push(performance.now() - startedAt);
          }
        }
      }
      const roundTrips = gaps.map((gap, index) => ({ gap: gap.name, p50: median(timings[index]) }));
      for (const { gap, p50 } of roundTrips) progress(`  round trip ${gap}: p50 ${p50.toFixed(3)} ms`);
      return { lessons, extraCpu, roundTrips };
    } finally {
      await client.end();
    }
  });
}

export function wakeTables(figures: WakeFigures): string {
  const header = ['CPU before the statement', ...measuredOperations.flatMap((name) => [`${name} p50 ms`, 'added to p50'])];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '--:').join('|')}|`];
  for (const extraMilliseconds of extraCpuSteps) {
    const cells = measuredOperations.flatMap((name) => {
      const row = figures.extraCpu.find((entry) => entry.operation === name && entry.extraMilliseconds === extraMilliseconds)!;
      const base = figures.extraCpu.find((entry) => entry.operation === name && entry.extraMilliseconds === 0)!;
      const added = row.p50 - base.p50;
      return [row.p50.toFixed(3), extraMilliseconds === 0 ? '' : `${added.toFixed(3)} (${(added / extraMilliseconds).toFixed(1)}×)`];
    });
    lines.push(`| ${extraMilliseconds} ms | ${cells.join(' | ')} |`);
  }
  const roundTrips = [
    '| before the statement | round trip p50 ms |',
    '|---|--:|',
    ...figures.roundTrips.map(({ gap, p50 }) => `| ${gap} | ${p50.toFixed(3)} |`),
  ];
  return `${lines.join('\n')}\n\n${roundTrips.join('\n')}`;
}
