/**
 * A throwaway embedded PostgreSQL for benchmarks and the soak run: migrated, holding the
 * shipped dataset plus deterministic synthetic data for `lessons` lessons. Everything
 * is removed when `work` ends.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { connectDataSource } from '../database/connect';
import { createDataSource } from '../database/data-source';
import { EmbeddedDatabase } from '../database/embedded-postgres';
import { runPendingMigrations } from '../database/migrate';
import { statementCountingLogger } from '../database/statement-counter';
import { loadSeedDataset } from '../seed/seed-loader';
import { createLogger, silentLogger } from '../shared/logger';
import { projectRoot } from '../shared/project-root';
import { writeSyntheticData } from '../synthetic/synthetic-data';

export async function withBenchmarkDatabase<T>(lessons: number, work: (url: string, dataSource: DataSource) => Promise<T>): Promise<T> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'briefgraph-bench-'));
  fs.chmodSync(directory, 0o755); // as root, PostgreSQL runs as `postgres`, which must reach the folder
  const database = new EmbeddedDatabase({ dataDirectory: path.join(directory, 'data') });
  // BENCH_SLOW_MS=5 lists every statement slower than 5 ms, to see where time goes.
  const slowMilliseconds = Number(process.env.BENCH_SLOW_MS ?? 200);
  const dataSource = createDataSource('postgresql://unset', {
    logger: statementCountingLogger(createLogger('warn', 'pretty'), slowMilliseconds),
    slowStatementMilliseconds: slowMilliseconds,
  });
  try {
    const url = await database.start();
    dataSource.setOptions({ url });
    await connectDataSource(dataSource, url);
    await runPendingMigrations(dataSource, silentLogger);
    await loadSeedDataset(dataSource, path.join(projectRoot, 'seeds'));
    const startedAt = Date.now();
    await dataSource.transaction((manager) => writeSyntheticData(manager, lessons));
    process.stderr.write(`  ${lessons.toLocaleString('en-US')} lessons generated in ${((Date.now() - startedAt) / 1000).toFixed(1)} s\n`);
    return await work(url, dataSource);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.stop();
    fs.rmSync(directory, { recursive: true, force: true });
  }
}
