/**
 * How many mutations per second commit with one writer and with four concurrent
 * writers, each changing records of its own (independent writes: nothing forces them
 * to wait for each other except the server's own locking). Briefgraph runs as a
 * process of its own on the benchmark database, its response cache on, as deployed.
 */
import { ApiKeyRole } from '../auth/api-key.entity';
import { createApiKey } from '../auth/api-key.service';
import { withBenchmarkDatabase } from './benchmark-database';
import { LoadClient, measureThroughput, type ThroughputFigures } from './load-client';
import { startBriefgraph } from './server-processes';
import { encodeGlobalId } from '../shared/global-id';
import { percentile } from './statistics';

export interface WriteFigures {
  writers: number;
  throughput: ThroughputFigures;
}

const updateBrief = `mutation($id: ID!, $title: String!) { briefUpdate(id: $id, input: { title: $title }) { brief { id } userErrors { message } } }`;

export async function benchmarkWrites(lessons: number, seconds: number, writerCounts: number[], progress: (line: string) => void): Promise<WriteFigures[]> {
  return withBenchmarkDatabase(lessons, async (url, dataSource) => {
    const { secret } = await createApiKey(dataSource.manager, 'write-benchmark', ApiKeyRole.EDITOR);
    const briefKeys = ((await dataSource.query(`SELECT id FROM brief ORDER BY id LIMIT 400`)) as Array<{ id: number }>).map((row) => row.id);
    const server = await startBriefgraph(url, { environment: { CACHE_MAX_AGE_SECONDS: '60' } });
    const client = new LoadClient(server.port, '/graphql', Math.max(...writerCounts));
    try {
      const figures: WriteFigures[] = [];
      for (const writers of writerCounts) {
        let sent = 0;
        // Each writer has briefs of its own: writer w updates the briefs whose index ≡ w (mod writers).
        const send = async () => {
          const index = sent++;
          const writer = index % writers;
          const brief = briefKeys[(writer + writers * Math.floor(index / writers)) % briefKeys.length];
          const reply = await client.post(
            JSON.stringify({ query: updateBrief, variables: { id: encodeGlobalId('Brief', brief), title: `Benchmark title ${index}` } }),
            {
              authorization: `Bearer ${secret}`,
            },
          );
          const body = JSON.parse(reply.body) as { errors?: unknown; data?: { briefUpdate: { userErrors: unknown[] } } };
          if (reply.status !== 200 || body.errors || body.data!.briefUpdate.userErrors.length)
            throw new Error(`briefUpdate failed: ${reply.status} ${reply.body.slice(0, 300)}`);
        };
        const throughput = await measureThroughput(send, writers, seconds);
        figures.push({ writers, throughput });
        progress(`  ${writers} writer(s): ${throughput.requestsPerSecond.toFixed(0)} mutations/s, p50 ${throughput.p50.toFixed(1)} ms`);
      }
      return figures;
    } finally {
      client.close();
      await server.stop();
    }
  });
}

export function writeTable(figures: WriteFigures[]): string {
  return [
    '| writers | mutations/s | p50 ms |',
    '|--:|--:|--:|',
    ...figures.map((figure) => `| ${figure.writers} | ${figure.throughput.requestsPerSecond.toFixed(0)} | ${figure.throughput.p50.toFixed(1)} |`),
  ].join('\n');
}

export interface FreshnessFigures {
  writes: number;
  p50: number;
  p95: number;
  max: number;
}

/**
 * How long after a write commits elsewhere (here: SQL on a connection of the benchmark's
 * own, as psql or another instance would) a server with the response cache on stops
 * serving the cached answer: each round caches a brief's title, renames the brief in
 * SQL, then asks again until the new title comes back.
 */
export async function benchmarkFreshness(lessons: number, writes: number, progress: (line: string) => void): Promise<FreshnessFigures> {
  return withBenchmarkDatabase(lessons, async (url, dataSource) => {
    const server = await startBriefgraph(url, { environment: { CACHE_MAX_AGE_SECONDS: '3600' } });
    const client = new LoadClient(server.port, '/graphql', 1);
    const query = JSON.stringify({ query: `{ brief(slug: "always-room-for-improvement") { title } }` });
    const title = async () => (JSON.parse((await client.post(query)).body) as { data: { brief: { title: string } } }).data.brief.title;
    const delays: number[] = [];
    try {
      for (let round = 0; round < writes; round++) {
        await title();
        await title(); // cached now
        const expected = `Renamed elsewhere ${round}`;
        await dataSource.query(`UPDATE brief SET title = $1 WHERE slug = 'always-room-for-improvement'`, [expected]);
        const committedAt = performance.now();
        while ((await title()) !== expected) {
          if (performance.now() - committedAt > 10_000) throw new Error('a write was not visible after 10 s');
        }
        delays.push(performance.now() - committedAt);
      }
    } finally {
      client.close();
      await server.stop();
    }
    delays.sort((a, b) => a - b);
    const figures = { writes, p50: percentile(delays, 0.5), p95: percentile(delays, 0.95), max: delays[delays.length - 1] };
    progress(`  visible after p50 ${figures.p50.toFixed(1)} ms, p95 ${figures.p95.toFixed(1)} ms, max ${figures.max.toFixed(1)} ms`);
    return figures;
  });
}
