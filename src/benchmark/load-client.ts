/**
 * The benchmark's HTTP client: keep-alive connections through node:http (lighter than
 * fetch, so the client takes less of the machine from the servers it measures), one
 * client sending requests one after another, or several at once for a fixed time.
 */
import http from 'node:http';
import { percentile } from './statistics';

export interface Reply {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

export class LoadClient {
  private readonly agent: http.Agent;

  constructor(
    private readonly port: number,
    private readonly path: string,
    connections = 10,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  }

  post(body: string, headers: Record<string, string> = {}): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const request = http.request(
        {
          host: '127.0.0.1',
          port: this.port,
          path: this.path,
          method: 'POST',
          agent: this.agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: response.headers }));
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

export interface LatencyFigures {
  p50: number;
  p95: number;
}

export interface ThroughputFigures {
  requestsPerSecond: number;
  p50: number;
}

/** Sends `runs` requests one after another (after a warm-up) and returns the p50 and p95 latency in milliseconds. */
export async function measureLatency(send: (run: number) => Promise<void>, runs: number, warmUp = Math.min(50, runs)): Promise<LatencyFigures> {
  const timings: number[] = [];
  for (let run = 0; run < warmUp + runs; run++) {
    const startedAt = performance.now();
    await send(run);
    if (run >= warmUp) timings.push(performance.now() - startedAt);
  }
  timings.sort((a, b) => a - b);
  return { p50: percentile(timings, 0.5), p95: percentile(timings, 0.95) };
}

/** `clients` loops send requests back to back for `seconds`; returns requests per second and their p50. */
export async function measureThroughput(send: (run: number) => Promise<void>, clients: number, seconds: number): Promise<ThroughputFigures> {
  const timings: number[] = [];
  let run = 0;
  const startedAt = performance.now();
  const endAt = startedAt + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < endAt) {
        const sentAt = performance.now();
        await send(run++);
        timings.push(performance.now() - sentAt);
      }
    }),
  );
  const elapsedSeconds = (performance.now() - startedAt) / 1000;
  timings.sort((a, b) => a - b);
  return { requestsPerSecond: timings.length / elapsedSeconds, p50: percentile(timings, 0.5) };
}
