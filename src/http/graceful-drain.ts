/**
 * Stopping the HTTP server without dropping a request: the listening socket closes at
 * once (new connections are refused), requests already received run to their normal
 * answer, sent with `Connection: close`, and any connection still open when the grace
 * period ends is destroyed.
 *
 * Idle keep-alive connections may stay open for a moment (`idleGraceMilliseconds`, at most
 * a quarter of the grace period; SHUTDOWN_IDLE_GRACE_MS): a client may already be sending
 * its next request on one, and closing it under that request would answer it with a reset.
 * A request that arrives in that moment is answered, with `Connection: close`; the
 * connections still idle after it are closed.
 *
 * Unlike Apollo's drain plugin, a connection that has sent part of a request is left
 * to finish it: the request was on its way before the shutdown began. A connection
 * that has sent nothing at all is closed at once, like an idle keep-alive one.
 */
import type http from 'node:http';
import net, { type Socket } from 'node:net';

export interface HttpDrain {
  /** Resolves when every connection is closed; `gracefully` is false when the grace period ran out first. */
  drain(gracePeriodMilliseconds: number, idleGraceMilliseconds?: number): Promise<{ gracefully: boolean }>;
}

export function drainableHttpServer(server: http.Server): HttpDrain {
  const sockets = new Set<Socket>();
  const unansweredResponses = new Set<http.ServerResponse>();
  let draining = false;
  let idleGraceOver = false;

  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  // Before the application's own listener, which may answer at once.
  server.prependListener('request', (_request: http.IncomingMessage, response: http.ServerResponse) => {
    if (draining) {
      if (!response.headersSent) response.setHeader('connection', 'close');
      return;
    }
    unansweredResponses.add(response);
    response.once('close', () => {
      unansweredResponses.delete(response);
      // An answer whose headers had left before the drain began kept its connection alive; close it once idle.
      if (draining && idleGraceOver) setImmediate(() => server.closeIdleConnections());
    });
  });

  return {
    drain(gracePeriodMilliseconds, idleGraceMilliseconds = 0) {
      draining = true;
      // Clients must not send another request on a connection that is about to close.
      for (const response of unansweredResponses) if (!response.headersSent) response.setHeader('connection', 'close');
      // Node counts a connection that has sent nothing yet as busy (its header timer runs), so
      // server.close() leaves it open; nothing was asked on it, so nothing is lost by closing it.
      for (const socket of sockets) if (socket.bytesRead === 0) socket.destroy();
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          for (const socket of sockets) socket.destroy();
          resolve({ gracefully: false });
        }, gracePeriodMilliseconds);
        const closeIdleConnections = () => {
          idleGraceOver = true;
          server.closeIdleConnections();
        };
        const idleFor = Math.min(idleGraceMilliseconds, gracePeriodMilliseconds / 4);
        const idleGrace = idleFor > 0 ? setTimeout(closeIdleConnections, idleFor) : undefined;
        if (!idleGrace) closeIdleConnections();
        // Closes the listener only (http.Server's own close() would close idle connections at once, too);
        // the callback runs once every connection has closed.
        net.Server.prototype.close.call(server, () => {
          clearTimeout(timer);
          clearTimeout(idleGrace);
          resolve({ gracefully: true });
        });
      });
    },
  };
}
