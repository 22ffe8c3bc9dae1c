/**
 * How fast hostile requests are refused (the issue asks within 50 ms): each request of
 * the corpus sent `runs` times to a server over the seed dataset, through HTTP.
 */
import type { DataSource } from 'typeorm';
import { ApiKeyRole } from '../auth/api-key.entity';
import { createApiKey } from '../auth/api-key.service';
import type { ServerOptions } from '../server';
import { hostileRequests, sendHostileRequest } from './hostile-requests';
import { percentile } from './statistics';

type WithServer = <T>(lessons: number, serverOptions: Partial<ServerOptions>, work: (url: string, dataSource: DataSource) => Promise<T>) => Promise<T>;

export async function benchmarkHostileRequests(withServer: WithServer, runs: number): Promise<string> {
  return withServer(1000, {}, async (url, dataSource) => {
    const { secret } = await createApiKey(dataSource.manager, 'benchmark', ApiKeyRole.EDITOR);
    const rows: string[] = ['| request | status | p50 ms | p95 ms | max ms | SQL |', '|---|---|---|---|---|---|'];
    let slowest = 0;
    for (const request of hostileRequests) {
      const timings: number[] = [];
      let status = 0;
      let statements = '0';
      for (let run = 0; run < runs + 5; run++) {
        const startedAt = performance.now();
        const response = await sendHostileRequest(url, request, secret);
        await response.arrayBuffer();
        const elapsed = performance.now() - startedAt;
        if (run < 5) continue; // warm-up
        timings.push(elapsed);
        status = response.status;
        statements = response.headers.get('x-sql-statements') ?? '0';
      }
      timings.sort((a, b) => a - b);
      const at = (fraction: number) => percentile(timings, fraction);
      slowest = Math.max(slowest, timings[timings.length - 1]);
      rows.push(`| ${request.name} | ${status} | ${at(0.5).toFixed(1)} | ${at(0.95).toFixed(1)} | ${timings[timings.length - 1].toFixed(1)} | ${statements} |`);
    }
    rows.push('', `Slowest refusal of ${hostileRequests.length} requests × ${runs} runs: ${slowest.toFixed(1)} ms.`);
    return rows.join('\n');
  });
}
