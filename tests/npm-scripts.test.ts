/**
 * The npm scripts as a user runs them: `npm start` on an embedded database, the command-line
 * tools beside it on the same data directory, and SIGTERM sent to the npm process itself (as a
 * process manager does), which must stop the server and its PostgreSQL cleanly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const projectRoot = path.join(__dirname, '..');

function temporaryFolder(prefix: string): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.chmodSync(folder, 0o755); // as root, the embedded PostgreSQL runs as `postgres`, which must reach the folder
  return folder;
}

function npmEnvironment(dataDirectory: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDirectory, PORT: '0', LOG_FORMAT: 'json', LOG_LEVEL: 'info', NODE_ENV: 'development' };
  delete env.DATABASE_URL;
  return env;
}

interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

function collect(child: ChildProcess): { output: () => string; finished: Promise<Finished> } {
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const finished = new Promise<Finished>((resolve) => child.once('close', (code, signal) => resolve({ code, signal, output })));
  return { output: () => output, finished };
}

function runNpm(scriptArguments: string[], dataDirectory: string): Promise<Finished> {
  return collect(spawn('npm', scriptArguments, { cwd: projectRoot, env: npmEnvironment(dataDirectory), stdio: ['ignore', 'pipe', 'pipe'] })).finished;
}

function waitFor<T>(describeWait: string, probe: () => T | undefined, output: () => string, timeoutMilliseconds = 150_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + timeoutMilliseconds;
    const check = () => {
      const value = probe();
      if (value !== undefined) resolve(value);
      else if (Date.now() > deadline) reject(new Error(`timed out waiting for ${describeWait}; output:\n${output()}`));
      else setTimeout(check, 50);
    };
    check();
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

describe('npm scripts', () => {
  it('runs keys, import and export beside a running `npm start`, and SIGTERM to npm stops node and PostgreSQL cleanly', async () => {
    const dataDirectory = temporaryFolder('briefgraph-npm-');
    const exportFolder = path.join(temporaryFolder('briefgraph-npm-export-'), 'out');
    const npm = spawn('npm', ['start'], { cwd: projectRoot, env: npmEnvironment(dataDirectory), stdio: ['ignore', 'pipe', 'pipe'] });
    const server = collect(npm);
    let serverPid = 0;
    try {
      const port = await waitFor('the server to serve', () => /serving GraphQL at http:\/\/localhost:(\d+)\/graphql/.exec(server.output())?.[1], server.output);
      serverPid = Number(/"pid":(\d+)/.exec(server.output())![1]);
      const postgresPid = Number(fs.readFileSync(path.join(dataDirectory, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
      expect(serverPid).not.toBe(npm.pid);

      const created = await runNpm(['run', '--silent', 'keys', '--', 'create', '--name', 'beside-the-server', '--role', 'ADMIN'], dataDirectory);
      expect(created.output).not.toMatch(/in use/);
      expect(created.code).toBe(0);
      const secret = /^bgk_\S+$/m.exec(created.output)![0];
      const answer = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
        body: JSON.stringify({ query: '{ apiKeys { name role } }' }),
      });
      expect(await answer.json()).toEqual({ data: { apiKeys: [{ name: 'beside-the-server', role: 'ADMIN' }] } });

      const exported = await runNpm(['run', '--silent', 'export', '--', exportFolder], dataDirectory);
      expect(exported.code).toBe(0);
      expect(fs.readdirSync(exportFolder).length).toBeGreaterThan(0);
      const imported = await runNpm(['run', '--silent', 'import', '--', exportFolder], dataDirectory);
      expect(imported.output).toMatch(/unchanged/);
      expect(imported.code).toBe(0);
      // The tools used the server's PostgreSQL and left it running.
      expect(isAlive(postgresPid)).toBe(true);

      npm.kill('SIGTERM');
      const stopped = await server.finished;
      expect(stopped.output).toContain('received SIGTERM');
      expect(stopped.output).toContain('stopped cleanly');
      expect(stopped.code).toBe(0);
      await waitFor('node and PostgreSQL to exit', () => (isAlive(serverPid) || isAlive(postgresPid) ? undefined : true), server.output, 60_000);
      expect(fs.existsSync(path.join(dataDirectory, 'briefgraph.lock'))).toBe(false);
      expect(fs.existsSync(path.join(dataDirectory, 'running.json'))).toBe(false);
    } finally {
      // After a failure: stop the server itself (it stops its PostgreSQL), whatever became of npm.
      if (serverPid && isAlive(serverPid)) {
        process.kill(serverPid, 'SIGTERM');
        await waitFor('the server to exit', () => (isAlive(serverPid) ? undefined : true), server.output, 20_000).catch(() => undefined);
      }
      if (npm.exitCode === null) npm.kill('SIGKILL');
      fs.rmSync(dataDirectory, { recursive: true, force: true });
      fs.rmSync(path.dirname(exportFolder), { recursive: true, force: true });
    }
    // A first start (initdb, migrations, seeding) and three commands: generous for a busy CI machine.
  }, 300_000);
});
