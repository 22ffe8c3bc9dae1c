/**
 * The servers a benchmark measures, each in a process of its own as in production:
 * Briefgraph (`node dist/src/main.js`) and the floor (floor-server.js), started on a
 * free port against the benchmark database, and stopped afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { projectRoot } from '../shared/project-root';

export interface ServerProcess {
  name: string;
  port: number;
  child: ChildProcess;
  /** Resident memory in MB, read from /proc (Linux). */
  residentMegabytes(): number;
  /** CPU time the process has used so far, in milliseconds (user + system), read from /proc (Linux). */
  cpuMilliseconds(): number;
  stop(): Promise<void>;
}

function residentMegabytes(pid: number | undefined): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
  } catch {
    return NaN;
  }
}

function cpuMilliseconds(pid: number | undefined): number {
  try {
    // Fields 14 and 15 of /proc/<pid>/stat (after the command in parentheses): user and system time in clock ticks.
    const fields = fs
      .readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /, '')
      .split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts `script` on a free port and resolves once `readyPath` answers 200 there. */
async function startProcess(
  name: string,
  script: string,
  nodeArguments: string[],
  environment: Record<string, string>,
  readyPath: string,
): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArguments, path.join(projectRoot, 'dist', 'src', script)], {
    env: { ...process.env, ...environment, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const startedAt = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode} before it was ready:\n${output}`);
    const ready = await fetch(`http://127.0.0.1:${port}${readyPath}`).then(
      (response) => response.status === 200,
      () => false,
    );
    if (ready) break;
    if (Date.now() - startedAt > 60_000) throw new Error(`${name} was not ready within 60 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    name,
    port,
    child,
    residentMegabytes: () => residentMegabytes(child.pid),
    cpuMilliseconds: () => cpuMilliseconds(child.pid),
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

export interface BriefgraphProcessOptions {
  /** Extra environment (CACHE_MAX_AGE_SECONDS, …). */
  environment?: Record<string, string>;
  /** Write a CPU profile into this folder when the process exits. */
  cpuProfileDirectory?: string;
  /** More options for node (`-r` a module to load first). */
  nodeArguments?: string[];
}

/**
 * Briefgraph as deployed (NODE_ENV=production), with the rate limit and the response
 * cache off unless `environment` turns them on: one benchmark client would otherwise
 * measure the limiter or the cache.
 */
export function startBriefgraph(databaseUrl: string, options: BriefgraphProcessOptions = {}): Promise<ServerProcess> {
  const environment = {
    DATABASE_URL: databaseUrl,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
    RATE_LIMIT_POINTS: '0',
    CACHE_MAX_AGE_SECONDS: '0',
    SEED_ON_START: 'never',
    HOST: '127.0.0.1',
    ...options.environment,
  };
  const profiling = options.cpuProfileDirectory ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDirectory}`] : [];
  return startProcess('briefgraph', 'main.js', [...profiling, ...(options.nodeArguments ?? [])], environment, '/readyz');
}

export interface FloorProcessOptions {
  /** CPU burnt before each statement (the wake benchmark); none by default. */
  extraCpuMilliseconds?: number;
  environment?: Record<string, string>;
  nodeArguments?: string[];
}

export function startFloor(databaseUrl: string, options: FloorProcessOptions = {}): Promise<ServerProcess> {
  const environment = { DATABASE_URL: databaseUrl, FLOOR_EXTRA_CPU_MS: String(options.extraCpuMilliseconds ?? 0), ...options.environment };
  return startProcess('floor', path.join('benchmark', 'floor-server.js'), options.nodeArguments ?? [], environment, '/ready');
}
