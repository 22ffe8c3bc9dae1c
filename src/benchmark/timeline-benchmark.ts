/**
 * Where each server's time goes within a request, one client sending requests one after
 * another: Briefgraph and the floor each run with request-timeline.js loaded, which notes
 * from inside the process when the statement was sent, when PostgreSQL's answer arrived
 * and when the response was ended. The client's p50 minus the time in the server is what
 * the network, the kernel and the client take.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../shared/project-root';
import { withBenchmarkDatabase } from './benchmark-database';
import { floorOperations } from './floor-operations';
import { measureLatency } from './load-client';
import { readOperations, type Operation } from './operations';
import { briefgraphEndpoint, floorEndpoint, sendsOf, type Endpoint } from './read-path-benchmark';
import type { TimelineMedians } from './request-timeline';
import { startBriefgraph, startFloor, type ServerProcess } from './server-processes';

export interface TimelineFigures {
  operation: string;
  server: 'Briefgraph' | 'floor';
  clientP50: number;
  timeline: TimelineMedians;
}

/** Asks the server for its medians since the last request for them, and waits for the file it writes. */
async function collectTimeline(server: ServerProcess, file: string): Promise<TimelineMedians> {
  fs.rmSync(file, { force: true });
  server.child.kill('SIGUSR2');
  const givingUpAt = Date.now() + 10_000;
  while (!fs.existsSync(file)) {
    if (Date.now() > givingUpAt) throw new Error(`${server.name} wrote no request timeline to ${file} within 10 s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return JSON.parse(fs.readFileSync(file, 'utf8')) as TimelineMedians;
}

async function measureOne(endpoint: Endpoint, operation: Operation, file: string, runs: number): Promise<{ clientP50: number; timeline: TimelineMedians }> {
  const send = sendsOf(endpoint, operation);
  await measureLatency(send, 0, 500); // warm-up
  await collectTimeline(endpoint.server, file); // forgets the warm-up
  const { p50 } = await measureLatency(send, runs, 0);
  return { clientP50: p50, timeline: await collectTimeline(endpoint.server, file) };
}

export async function benchmarkTimeline(lessons: number, runs: number, only: string | undefined, progress: (line: string) => void): Promise<TimelineFigures[]> {
  return withBenchmarkDatabase(lessons, async (url, dataSource) => {
    const operations = (await readOperations(dataSource)).filter((operation) => floorOperations[operation.name] && (!only || operation.name.includes(only)));
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'briefgraph-timeline-'));
    const files = { briefgraph: path.join(directory, 'briefgraph.json'), floor: path.join(directory, 'floor.json') };
    const preload = ['-r', path.join(projectRoot, 'dist', 'src', 'benchmark', 'request-timeline.js')];
    const [briefgraphServer, floorServer] = await Promise.all([
      startBriefgraph(url, { nodeArguments: preload, environment: { REQUEST_TIMELINE_FILE: files.briefgraph } }),
      startFloor(url, { nodeArguments: preload, environment: { REQUEST_TIMELINE_FILE: files.floor } }),
    ]);
    const briefgraph = briefgraphEndpoint(briefgraphServer, 1);
    const floor = floorEndpoint(floorServer, 1);
    try {
      const figures: TimelineFigures[] = [];
      for (const operation of operations) {
        const ours = await measureOne(briefgraph, operation, files.briefgraph, runs);
        const reference = await measureOne(floor, operation, files.floor, runs);
        figures.push({ operation: operation.name, server: 'Briefgraph', ...ours }, { operation: operation.name, server: 'floor', ...reference });
        progress(`  ${operation.name}: in the server ${ours.timeline.inServer.toFixed(3)} vs ${reference.timeline.inServer.toFixed(3)} ms`);
      }
      return figures;
    } finally {
      briefgraph.client.close();
      floor.client.close();
      await Promise.all([briefgraphServer.stop(), floorServer.stop()]);
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });
}

export function timelineTable(figures: TimelineFigures[]): string {
  const header = [
    'operation',
    'server',
    'client p50 ms',
    'in the server',
    'before the SQL',
    'waiting for PostgreSQL',
    'of it running',
    'reading the answer',
    'after the SQL',
    'writing the answer',
    'outside the server',
    'running between requests',
  ];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map((_, index) => (index < 2 ? '---' : '--:')).join('|')}|`];
  for (const { operation, server, clientP50, timeline } of figures) {
    const cells = [
      clientP50,
      timeline.inServer,
      timeline.beforeStatement,
      timeline.waitingForDatabase,
      timeline.runningWhileWaiting,
      timeline.readingAnswer,
      timeline.afterStatement,
      timeline.ending,
      clientP50 - timeline.inServer,
      timeline.runningBetweenRequests,
    ].map((value) => value.toFixed(3));
    lines.push(`| ${operation} | ${server} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}
