/**
 * The benchmark's floor as a process of its own: a bare node:http server that answers
 * POST {"operation", "variables"} with one prepared SQL statement through a pg pool
 * (src/benchmark/floor-operations.ts). Reads through the `published` views, as
 * anonymous Briefgraph requests do. Started by `npm run bench`; GET /ready answers
 * once it listens.
 *
 *   DATABASE_URL=postgresql://… node dist/src/benchmark/floor-server.js
 */
import 'reflect-metadata';
import http from 'node:http';
import pg from 'pg';
import { connectionOptions } from '../database/data-source';
import { burnCpu } from './burn-cpu';
import { floorOperations } from './floor-operations';

pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

/**
 * FLOOR_EXTRA_CPU_MS (for `npm run bench -- --wake`): CPU time burnt before each statement
 * is sent, to measure what a server's extra work before its SQL costs in latency.
 */
const extraCpuMilliseconds = Number(process.env.FLOOR_EXTRA_CPU_MS ?? 0);

function main(): void {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('floor-server needs DATABASE_URL');
  // The same connection settings as Briefgraph's anonymous readers (generic plans for prepared statements, the published views).
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, options: `${connectionOptions} -c search_path=published,public` });
  pool.on('error', () => undefined);

  const server = http.createServer((request, response) => {
    if (request.method === 'GET' && request.url === '/ready') {
      response.end('ready');
      return;
    }
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const answer = (status: number, body: string) => {
        response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
        response.end(body);
      };
      let operation;
      let variables: Record<string, unknown>;
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { operation: string; variables?: Record<string, unknown> };
        operation = floorOperations[body.operation];
        variables = body.variables ?? {};
        if (!operation) throw new Error(`no floor for "${body.operation}"`);
      } catch (error) {
        answer(400, JSON.stringify({ error: (error as Error).message }));
        return;
      }
      const statement = operation.statement(variables);
      if (extraCpuMilliseconds > 0) burnCpu(extraCpuMilliseconds);
      pool.query(statement).then(
        (result) => answer(200, JSON.stringify({ data: operation.shape(result.rows[0].data, variables) })),
        (error: Error) => answer(500, JSON.stringify({ error: error.message })),
      );
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
  const stop = () => server.close(() => pool.end().then(() => process.exit(0)));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main();
