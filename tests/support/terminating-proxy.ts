/**
 * A TCP proxy in front of a real PostgreSQL that can end new connections the way
 * PostgreSQL does when an administrator terminates a backend (pg_terminate_backend) or
 * the server restarts: a FATAL 57P01 ErrorResponse, then the connection closes. It can
 * send that in the same packet as the connection's first "ready for query", which is
 * the moment pg-pool hands a new connection over: the race that load makes rare and
 * this makes certain.
 */
import type net from 'node:net';
import { TcpProxy } from './tcp-proxy';

/** ErrorResponse: severity FATAL, SQLSTATE 57P01 (admin_shutdown), PostgreSQL's own message. */
function adminShutdownMessage(): Buffer {
  const fields = ['SFATAL', 'VFATAL', 'C57P01', 'Mterminating connection due to administrator command'];
  const body = Buffer.concat([...fields.map((field) => Buffer.from(`${field}\0`, 'utf8')), Buffer.from([0])]);
  const header = Buffer.alloc(5);
  header.write('E', 0, 'latin1');
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

/** The complete messages at the start of `received`: where they end, and whether the last is ReadyForQuery. */
function completeMessages(received: Buffer): { end: number; ready: boolean } {
  let offset = 0;
  while (offset + 5 <= received.length) {
    const end = offset + 1 + received.readInt32BE(offset + 1);
    if (end > received.length) break;
    if (received[offset] === 'Z'.charCodeAt(0)) return { end, ready: true };
    offset = end;
  }
  return { end: offset, ready: false };
}

export class TerminatingProxy extends TcpProxy {
  /** When on, each new connection is terminated in the packet that says it is ready. */
  terminateNewConnectionsWhenReady = false;

  static start(targetPort: number, targetHost = '127.0.0.1'): Promise<TerminatingProxy> {
    return new TerminatingProxy(targetPort, targetHost).listen();
  }

  protected accept(client: net.Socket, upstream: net.Socket): void {
    this.sockets.add(client).add(upstream);
    let ending = false;
    const forget = () => {
      this.sockets.delete(client);
      this.sockets.delete(upstream);
      // A client being sent its termination is closed by client.end() once the message is out.
      if (!ending) client.destroy();
      upstream.destroy();
    };
    client.on('error', forget).on('close', forget);
    upstream.on('error', forget).on('close', forget);
    client.pipe(upstream);

    const terminate = this.terminateNewConnectionsWhenReady;
    if (!terminate) {
      upstream.pipe(client);
      return;
    }
    // Authentication goes back and forth as usual; the first ReadyForQuery goes out with the termination.
    let received = Buffer.alloc(0);
    upstream.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const { end, ready } = completeMessages(received);
      if (!ready) {
        client.write(received.subarray(0, end));
        received = received.subarray(end);
        return;
      }
      // One write: the ready message and the termination arrive in the same read on the client.
      ending = true;
      client.end(Buffer.concat([received.subarray(0, end), adminShutdownMessage()]));
      upstream.destroy();
    });
  }
}
