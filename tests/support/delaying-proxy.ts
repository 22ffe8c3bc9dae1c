/**
 * A TCP proxy in front of a real PostgreSQL that, when asked, holds back what clients send on
 * their open connections for a while, but lets a new connection's CancelRequest straight
 * through: a cancel then reaches the backend before the statement it was meant for, the race
 * that a busy machine makes rare and this makes certain.
 */
import type net from 'node:net';
import { TcpProxy } from './tcp-proxy';

/** A CancelRequest: 16 bytes, the length then the code 80877102, sent alone on a connection of its own. */
function isCancelRequest(chunk: Buffer): boolean {
  return chunk.length === 16 && chunk.readInt32BE(0) === 16 && chunk.readInt32BE(4) === 80877102;
}

export class DelayingProxy extends TcpProxy {
  /** How long bytes sent on an open connection wait before they go on (0: at once). */
  delayMilliseconds = 0;

  static start(targetPort: number, targetHost = '127.0.0.1'): Promise<DelayingProxy> {
    return new DelayingProxy(targetPort, targetHost).listen();
  }

  protected accept(client: net.Socket, upstream: net.Socket): void {
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
