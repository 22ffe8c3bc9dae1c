/**
 * Stopping the HTTP server without dropping a request: the listening socket closes at
 * once (new connections are refused), idle keep-alive connections are closed, requests
 * already received run to their normal answer, sent with `Connection: close`, and any
 * connection still open when the grace period ends is destroyed.
 *
 * Unlike Apollo's drain plugin, a connection that has sent part of a request is left
 * to finish it: the request was on its way before the shutdown began. A connection
 * that has sent nothing at all is closed at once, like an idle keep-alive one.
 */
import type http from 'node:http';
import type { Socket } from 'node:net';

export interface HttpDrain {
  /** Resolves when every connection is closed; `gracefully` is false when the grace period ran out first. */
  drain(gracePeriodMilliseconds: number): Promise<{ gracefully: boolean }>;
}

export function drainableHttpServer(server: http.Server): HttpDrain {
  const sockets = new Set<Socket>();
  const unansweredResponses = new Set<http.ServerResponse>();
  let draining = false;

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
      if (draining) setImmediate(() => server.closeIdleConnections());
    });
  });

  return {
    drain(gracePeriodMilliseconds) {
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
        // Closes the listener and (Node 19 and later) every connection not in the middle of a request.
        server.close(() => {
          clearTimeout(timer);
          resolve({ gracefully: true });
        });
      });
    },
  };
}
