/**
 * Briefgraph against the floor (one hand-written SQL statement per request, see
 * floor-operations.ts) on the same database in the same run: p50/p95 with one client,
 * requests per second with ten, resident memory, and the ratios. Both servers run as
 * processes of their own; before measuring, the floor's answers are checked to be
 * exactly Briefgraph's, so both do the same work, and both are warmed up alike.
 */
import { isDeepStrictEqual } from 'node:util';
import { floorOperations } from './floor-operations';
import { LoadClient, measureLatency, measureThroughput, type LatencyFigures, type ThroughputFigures } from './load-client';
import { readOperations, type Operation } from './operations';
import { startBriefgraph, startFloor, type ServerProcess } from './server-processes';
import { withBenchmarkDatabase } from './benchmark-database';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { profileSummaryMarkdown, summariseCpuProfile } from './cpu-profile-summary';

export interface ReadPathSettings {
  scales: number[];
  /** Sequential requests per operation and server for the latency figures. */
  runs: number;
  /** Seconds of ten-client load per operation and server. */
  seconds: number;
  clients: number;
  only?: string;
  /** Environment for the Briefgraph process (say, the response cache on). */
  briefgraphEnvironment?: Record<string, string>;
}

interface ServerFigures {
  latency: LatencyFigures;
  throughput: ThroughputFigures;
  /** CPU time of the server process per request under the ten-client load: work done, whatever else the machine is doing. */
  cpuMillisecondsPerRequest: number;
}

export interface OperationFigures {
  operation: Operation;
  briefgraph: ServerFigures;
  floor: ServerFigures;
  statements: number;
}

export interface ScaleFigures {
  lessons: number;
  operations: OperationFigures[];
  residentMegabytes: { briefgraph: number; floor: number };
}

export interface Endpoint {
  server: ServerProcess;
  client: LoadClient;
  /** Sends the operation's n-th request; rejects unless it succeeds. */
  send(operation: Operation, run: number): Promise<{ data: unknown; statements: number }>;
}

export function briefgraphEndpoint(server: ServerProcess, clients: number): Endpoint {
  const client = new LoadClient(server.port, '/graphql', clients);
  return {
    server,
    client,
    async send(operation, run) {
      const reply = await client.post(JSON.stringify({ query: operation.query, variables: operation.variables(run) }));
      const body = JSON.parse(reply.body) as { data?: unknown; errors?: unknown };
      if (reply.status !== 200 || body.errors) throw new Error(`briefgraph: ${operation.name} failed: ${reply.status} ${reply.body.slice(0, 500)}`);
      return { data: body.data, statements: Number(reply.headers['x-sql-statements']) };
    },
  };
}

export function floorEndpoint(server: ServerProcess, clients: number): Endpoint {
  const client = new LoadClient(server.port, '/', clients);
  return {
    server,
    client,
    async send(operation, run) {
      const reply = await client.post(JSON.stringify({ operation: operation.name, variables: operation.variables(run) }));
      if (reply.status !== 200) throw new Error(`floor: ${operation.name} failed: ${reply.status} ${reply.body.slice(0, 500)}`);
      return { data: (JSON.parse(reply.body) as { data: unknown }).data, statements: 1 };
    },
  };
}

/** Sends the operation's n-th request to the endpoint, for the measuring loops (which want no answer back). */
export function sendsOf(endpoint: Endpoint, operation: Operation): (run: number) => Promise<void> {
  return async (run) => {
    await endpoint.send(operation, run);
  };
}

/** The floor must answer what Briefgraph answers, or the comparison means nothing. */
async function checkSameAnswers(operation: Operation, briefgraph: Endpoint, floor: Endpoint): Promise<number> {
  let statements = 0;
  for (let run = 0; run < 20; run++) {
    const [ours, reference] = await Promise.all([briefgraph.send(operation, run), floor.send(operation, run)]);
    if (!isDeepStrictEqual(ours.data, reference.data)) {
      throw new Error(
        `the floor's answer to ${operation.name} (run ${run}) differs from Briefgraph's:\n${JSON.stringify(ours.data).slice(0, 800)}\n${JSON.stringify(reference.data).slice(0, 800)}`,
      );
    }
    statements = Math.max(statements, ours.statements);
  }
  return statements;
}

async function measureServer(endpoint: Endpoint, operation: Operation, settings: ReadPathSettings): Promise<ServerFigures> {
  const send = sendsOf(endpoint, operation);
  const latency = await measureLatency(send, settings.runs);
  const cpuBefore = endpoint.server.cpuMilliseconds();
  const throughput = await measureThroughput(send, settings.clients, settings.seconds);
  const requests = throughput.requestsPerSecond * settings.seconds;
  return { latency, throughput, cpuMillisecondsPerRequest: (endpoint.server.cpuMilliseconds() - cpuBefore) / requests };
}

const warmUpRounds = 200;

/**
 * Both servers sent every operation `warmUpRounds` times, one after another, before
 * anything is measured: a server that has run for a while has compiled its hot code
 * (V8 optimises a function after many calls, and Briefgraph has far more of it than the
 * floor), so the figures measure the servers as they run, not as they start.
 */
async function warmUp(operations: Operation[], endpoints: Endpoint[]): Promise<void> {
  for (let round = 0; round < warmUpRounds; round++) {
    for (const operation of operations) for (const endpoint of endpoints) await endpoint.send(operation, round);
  }
}

export async function benchmarkScale(lessons: number, settings: ReadPathSettings, progress: (line: string) => void): Promise<ScaleFigures> {
  return withBenchmarkDatabase(lessons, async (url, dataSource) => {
    const operations = (await readOperations(dataSource)).filter(
      (operation) => floorOperations[operation.name] && (!settings.only || operation.name.includes(settings.only)),
    );
    const [briefgraphServer, floorServer] = await Promise.all([startBriefgraph(url, { environment: settings.briefgraphEnvironment }), startFloor(url)]);
    const briefgraph = briefgraphEndpoint(briefgraphServer, settings.clients);
    const floor = floorEndpoint(floorServer, settings.clients);
    try {
      const statementsByOperation = new Map<Operation, number>();
      for (const operation of operations) statementsByOperation.set(operation, await checkSameAnswers(operation, briefgraph, floor));
      await warmUp(operations, [briefgraph, floor]);
      const figures: OperationFigures[] = [];
      for (const operation of operations) {
        const statements = statementsByOperation.get(operation)!;
        const ours = await measureServer(briefgraph, operation, settings);
        const reference = await measureServer(floor, operation, settings);
        figures.push({ operation, briefgraph: ours, floor: reference, statements });
        progress(
          `  ${operation.name}: p50 ${ours.latency.p50.toFixed(2)} vs ${reference.latency.p50.toFixed(2)} ms; ` +
            `${Math.round(ours.throughput.requestsPerSecond)} vs ${Math.round(reference.throughput.requestsPerSecond)} req/s; ` +
            `CPU ${ours.cpuMillisecondsPerRequest.toFixed(2)} vs ${reference.cpuMillisecondsPerRequest.toFixed(2)} ms/request`,
        );
      }
      return { lessons, operations: figures, residentMegabytes: { briefgraph: briefgraphServer.residentMegabytes(), floor: floorServer.residentMegabytes() } };
    } finally {
      briefgraph.client.close();
      floor.client.close();
      await Promise.all([briefgraphServer.stop(), floorServer.stop()]);
    }
  });
}

const fixed = (value: number, digits = 2) => value.toFixed(digits);

/** The Markdown table docs/benchmarks.md keeps: one row per operation and scale. */
export function readPathTable(scales: ScaleFigures[], clients: number): string {
  const header = [
    'operation',
    'lessons',
    'p50 ms',
    'floor p50',
    'p50 ratio',
    'p95 ms',
    'floor p95',
    `req/s (${clients} clients)`,
    'floor req/s',
    'share of floor',
    'CPU ms/request',
    'floor CPU ms/request',
    'SQL',
  ];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map((_, index) => (index < 2 ? '---' : '--:')).join('|')}|`];
  for (const scale of scales) {
    for (const figures of scale.operations) {
      const ours = figures.briefgraph;
      const floor = figures.floor;
      lines.push(
        `| ${[
          figures.operation.name,
          scale.lessons.toLocaleString('en-US'),
          fixed(ours.latency.p50),
          fixed(floor.latency.p50),
          `${fixed(ours.latency.p50 / floor.latency.p50, 1)}×`,
          fixed(ours.latency.p95),
          fixed(floor.latency.p95),
          Math.round(ours.throughput.requestsPerSecond).toLocaleString('en-US'),
          Math.round(floor.throughput.requestsPerSecond).toLocaleString('en-US'),
          `${fixed(ours.throughput.requestsPerSecond / floor.throughput.requestsPerSecond, 2)}`,
          fixed(ours.cpuMillisecondsPerRequest),
          fixed(floor.cpuMillisecondsPerRequest),
          String(figures.statements),
        ].join(' | ')} |`,
      );
    }
  }
  const memory = scales.map(
    (scale) =>
      `${scale.lessons.toLocaleString('en-US')} lessons: Briefgraph ${fixed(scale.residentMegabytes.briefgraph, 0)} MB, floor ${fixed(scale.residentMegabytes.floor, 0)} MB`,
  );
  return `${lines.join('\n')}\n\nResident memory after the load: ${memory.join('; ')}.`;
}

/**
 * CPU profiles of Briefgraph under the load of `settings.clients`, one server process per
 * operation (so each profile holds that operation alone), summarised as Markdown.
 */
export async function profileScale(lessons: number, settings: ReadPathSettings, progress: (line: string) => void): Promise<string> {
  return withBenchmarkDatabase(lessons, async (url, dataSource) => {
    const operations = (await readOperations(dataSource)).filter(
      (operation) => floorOperations[operation.name] && (!settings.only || operation.name.includes(settings.only)),
    );
    const sections: string[] = [];
    for (const operation of operations) {
      const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'briefgraph-profile-'));
      const startedAt = performance.now();
      const server = await startBriefgraph(url, { environment: settings.briefgraphEnvironment, cpuProfileDirectory: directory });
      let loadFrom: number;
      const endpoint = briefgraphEndpoint(server, settings.clients);
      try {
        const send = sendsOf(endpoint, operation);
        await measureLatency(send, 0, 200); // warm-up
        loadFrom = performance.now() - startedAt;
        const { requestsPerSecond } = await measureThroughput(send, settings.clients, settings.seconds);
        progress(`  ${operation.name}: ${Math.round(requestsPerSecond)} req/s while profiling`);
      } finally {
        endpoint.client.close();
        await server.stop();
      }
      const [file] = fs.readdirSync(directory).filter((name) => name.endsWith('.cpuprofile'));
      if (!file) throw new Error(`no CPU profile was written for ${operation.name}`);
      sections.push(
        profileSummaryMarkdown(`${operation.name}, ${lessons.toLocaleString('en-US')} lessons`, summariseCpuProfile(path.join(directory, file), loadFrom)),
      );
      // BENCH_KEEP_PROFILES=<folder> keeps the raw profiles, to open in Chrome DevTools.
      if (process.env.BENCH_KEEP_PROFILES)
        fs.copyFileSync(path.join(directory, file), path.join(process.env.BENCH_KEEP_PROFILES, `${operation.name.replace(/\W+/g, '-')}-${lessons}.cpuprofile`));
      fs.rmSync(directory, { recursive: true, force: true });
    }
    return sections.join('\n\n');
  });
}
