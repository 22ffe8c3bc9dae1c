/**
 * A TCP proxy in front of a real PostgreSQL that, when asked, holds back what clients send on
 * their open connections for a while, but lets a new connection's CancelRequest straight
 * through: a cancel then reaches the backend before the statement it was meant for, the race
 * that a busy machine makes rare and this makes certain.
 */
import net from 'node:net';

/** A CancelRequest: 16 bytes, the length then the code 80877102, sent alone on a connection of its own. */
function isCancelRequest(chunk: Buffer): boolean {
  return chunk.length === 16 && chunk.readInt32BE(0) === 16 && chunk.readInt32BE(4) === 80877102;
}

export class DelayingProxy {
  /** How long bytes sent on an open connection wait before they go on (0: at once). */
  delayMilliseconds = 0;
  private readonly sockets = new Set<net.Socket>();

  private constructor(
    private readonly server: net.Server,
    readonly port: number,
  ) {}

  static async start(targetPort: number, targetHost = '127.0.0.1'): Promise<DelayingProxy> {
    // Assigned once the server listens; the server's handler only runs after that.
    let proxy: DelayingProxy | undefined; // eslint-disable-line prefer-const
    const server = net.createServer((client) => proxy!.accept(client, targetPort, targetHost));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    proxy = new DelayingProxy(server, (server.address() as net.AddressInfo).port);
    return proxy;
  }

  /** `databaseUrl` with its host and port replaced by the proxy's. */
  urlFor(databaseUrl: string): string {
    const url = new URL(databaseUrl);
    url.hostname = '127.0.0.1';
    url.port = String(this.port);
    return url.toString();
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private accept(client: net.Socket, targetPort: number, targetHost: string): void {
    const upstream = net.connect(targetPort, targetHost);
    this.sockets.add(client).add(upstream);
    const forget = () => {
      this.sockets.delete(client);
      this.sockets.delete(upstream);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', forget).on('close', forget);
    upstream.on('error', forget).on('close', forget);
    upstream.on('data', (chunk) => client.write(chunk));
    // Chunks keep their order: each waits for the one before it, then for the delay in force when it came.
    let previous = Promise.resolve();
    client.on('data', (chunk) => {
      if (isCancelRequest(chunk)) {
        upstream.write(chunk);
        return;
      }
      const delay = this.delayMilliseconds;
      previous = previous
        .then(() => (delay > 0 ? new Promise<void>((resolve) => setTimeout(resolve, delay)) : undefined))
        .then(() => {
          upstream.write(chunk);
        });
    });
  }
}
