/**
 * The server as a process: embedded PostgreSQL on first and later starts, a real
 * DATABASE_URL, and the ways start-up can fail. Runs the build that `npm test` makes.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { queryMeetingNumbers, startServerProcess } from './support/server-process';
import { createEmptyDatabase } from './support/test-database';

function temporaryDataDirectory(): string {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'briefgraph-start-'));
  fs.chmodSync(parent, 0o755); // as root, the embedded PostgreSQL runs as `postgres`, which must reach the folder
  return path.join(parent, 'data');
}

describe('starting the server', () => {
  it('creates, migrates and seeds an embedded database on first start, keeps it across restarts, and stops cleanly', async () => {
    const dataDirectory = temporaryDataDirectory();
    const first = startServerProcess({ DATA_DIR: dataDirectory });
    const port = await first.ready();
    expect(await queryMeetingNumbers(port)).toEqual([11, 12, 34]);
    expect(first.output()).toContain('loaded the seed dataset');

    const rival = startServerProcess({ DATA_DIR: dataDirectory });
    const rivalExit = await rival.exited();
    expect(rivalExit.code).toBe(1);
    expect(rival.output()).toMatch(/the data directory .* is in use by another Briefgraph server \(pid \d+\)/);
    expect(await queryMeetingNumbers(port)).toEqual([11, 12, 34]);

    first.child.kill('SIGTERM');
    expect((await first.exited()).code).toBe(0);
    expect(first.output()).toContain('stopped cleanly');
    expect(fs.existsSync(path.join(dataDirectory, 'briefgraph.lock'))).toBe(false);

    const idle = startServerProcess({ DATA_DIR: dataDirectory });
    await idle.ready();
    idle.child.kill('SIGTERM'); // stopped before it ever answered a request
    expect((await idle.exited()).code).toBe(0);

    const second = startServerProcess({ DATA_DIR: dataDirectory });
    const secondPort = await second.ready();
    expect(await queryMeetingNumbers(secondPort)).toEqual([11, 12, 34]);
    expect(second.output()).not.toContain('loaded the seed dataset');
    expect(second.output()).not.toContain('applied migration');
    // Ctrl-C under `npm start` delivers SIGINT twice at once (to the process group, and forwarded by npm).
    second.child.kill('SIGINT');
    second.child.kill('SIGINT');
    expect((await second.exited()).code).toBe(0);
    expect(second.output()).toContain('stopped cleanly');
    expect(fs.existsSync(path.join(dataDirectory, 'briefgraph.lock'))).toBe(false);
    fs.rmSync(path.dirname(dataDirectory), { recursive: true, force: true });
  });

  it('uses DATABASE_URL when set and never starts an embedded database', async () => {
    const database = await createEmptyDatabase();
    const dataDirectory = temporaryDataDirectory();
    try {
      const server = startServerProcess({ DATABASE_URL: database.url, DATA_DIR: dataDirectory });
      const port = await server.ready();
      expect(await queryMeetingNumbers(port)).toEqual([11, 12, 34]);
      expect(fs.existsSync(dataDirectory)).toBe(false);
      server.child.kill('SIGTERM');
      expect((await server.exited()).code).toBe(0);
    } finally {
      await database.drop();
    }
  });

  it('fails fast with one clear line when DATABASE_URL refuses connections', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const server = startServerProcess({ DATABASE_URL: `postgresql://briefgraph:secret@127.0.0.1:${closedPort}/briefgraph` });
    const exit = await server.exited();
    expect(exit.code).toBe(1);
    expect(exit.milliseconds).toBeLessThan(15_000);
    expect(server.output().trim()).toBe(
      `briefgraph: cannot reach PostgreSQL at postgresql://briefgraph:***@127.0.0.1:${closedPort}/briefgraph: connection refused (is the server running and listening there?)`,
    );
  });

  it('gives up within the connect timeout when DATABASE_URL never answers', async () => {
    // It accepts and never answers; the connections it accepted are ended with it (close() alone leaves them open).
    const accepted = new Set<net.Socket>();
    const silent = net.createServer((socket) => accepted.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    try {
      const server = startServerProcess({ DATABASE_URL: `postgresql://briefgraph@127.0.0.1:${port}/briefgraph`, DATABASE_CONNECT_TIMEOUT_MS: '1000' });
      const exit = await server.exited();
      expect(exit.code).toBe(1);
      expect(exit.milliseconds).toBeLessThan(15_000);
      expect(server.output().trim()).toMatch(/^briefgraph: cannot reach PostgreSQL at .*: no answer within the connect timeout$/);
    } finally {
      for (const socket of accepted) socket.destroy();
      silent.close();
    }
  });

  it('rejects wrong credentials with a clear message', async () => {
    const url = new URL(process.env.BRIEFGRAPH_TEST_SERVER_URL!);
    url.username = 'no_such_user_for_briefgraph';
    url.password = 'wrong';
    const server = startServerProcess({ DATABASE_URL: url.toString() });
    const exit = await server.exited();
    expect(exit.code).toBe(1);
    expect(server.output().trim()).toMatch(/^briefgraph: PostgreSQL at .*no_such_user_for_briefgraph:\*\*\*@.* refused the credentials/);
  });

  it('names the port when it is already in use', async () => {
    const database = await createEmptyDatabase();
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      const server = startServerProcess({ DATABASE_URL: database.url, PORT: String(port) });
      const exit = await server.exited();
      expect(exit.code).toBe(1);
      expect(server.output()).toContain(`briefgraph: port ${port} is already in use; stop whatever is using it or set PORT to another port`);
    } finally {
      blocker.close();
      await database.drop();
    }
  });

  // Only root has this rule: an ordinary user runs PostgreSQL as itself.
  (process.getuid?.() === 0 ? it : it.skip)("explains when, started as root, the data folder is out of the postgres user's reach", async () => {
    const closed = fs.mkdtempSync(path.join(os.tmpdir(), 'briefgraph-closed-')); // mode 700
    const server = startServerProcess({ DATA_DIR: path.join(closed, 'data') });
    const exit = await server.exited();
    expect(exit.code).toBe(1);
    expect(server.output()).toContain(`cannot enter ${closed} (mode 700); allow it with "chmod o+x ${closed}"`);
    fs.rmSync(closed, { recursive: true, force: true });
  });

  it('names the setting when the configuration is invalid', async () => {
    const server = startServerProcess({ PORT: 'eighty' });
    const exit = await server.exited();
    expect(exit.code).toBe(1);
    expect(server.output().trim()).toBe('briefgraph: configuration error: PORT must be a whole number between 0 and 65535, got "eighty"');
  });
});
