/**
 * A TCP proxy on a free local port in front of a real PostgreSQL, for tests that need to
 * meddle with what passes between a client and the database (terminating-proxy.ts,
 * delaying-proxy.ts): a subclass decides, in `accept`, how each connection is relayed.
 */
import net from 'node:net';

export abstract class TcpProxy {
  protected readonly sockets = new Set<net.Socket>();
  private server: net.Server | undefined;
  port = 0;

  protected constructor(
    private readonly targetPort: number,
    private readonly targetHost: string,
  ) {}

  /** Listens on a free port; connections made from then on are relayed. */
  protected async listen(): Promise<this> {
    const server = net.createServer((client) => this.accept(client, net.connect(this.targetPort, this.targetHost)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.port = (server.address() as net.AddressInfo).port;
    return this;
  }

  /** `databaseUrl` with its host and port replaced by the proxy's. */
  urlFor(databaseUrl: string): string {
    const url = new URL(databaseUrl);
    url.hostname = '127.0.0.1';
    url.port = String(this.port);
    return url.toString();
  }

  /** Closes every connection through the proxy, as a database that went away would. */
  dropAllConnections(): void {
    for (const socket of this.sockets) socket.destroy();
  }

  async stop(): Promise<void> {
    this.dropAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  /** Relays one client connection to `upstream`, the connection just opened to the database. */
  protected abstract accept(client: net.Socket, upstream: net.Socket): void;
}
