/** Runs the built command-line tools (`dist/src/cli/<tool>.js`), as `npm run <tool>` does. */
import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';

const projectRoot = path.join(__dirname, '..', '..');

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The tools run from dist/, as under npm run; builds it when a source changed. */
export function buildIfStale(): void {
  execFileSync(process.execPath, [path.join(projectRoot, 'scripts', 'build-if-stale.js')], { cwd: projectRoot, stdio: 'pipe' });
}

/** Runs `tool` with `databaseUrl` as DATABASE_URL (or none, for tools that need no database). */
export function runCommand(tool: string, commandArguments: string[], databaseUrl?: string): Promise<CommandResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn' };
  delete env.DATA_DIR;
  delete env.DATABASE_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  const child = spawn(process.execPath, [path.join(projectRoot, 'dist', 'src', 'cli', `${tool}.js`), ...commandArguments], {
    env,
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}
