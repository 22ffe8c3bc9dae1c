/**
 * An overall time limit per /graphql request. A request still running when it expires
 * gets HTTP 504 with code TIMEOUT at once, and its database work stops: statements it
 * is running are cancelled in PostgreSQL, further ones are refused, and an open
 * transaction rolls back (src/database/request-deadline.ts). Whatever GraphQL later
 * makes of the cancelled work is dropped, since the answer has been sent.
 */
import type express from 'express';
import { RequestDeadline, runWithDeadline } from '../database/request-deadline';
import type { Logger } from '../shared/logger';
import { jsonError } from './json-errors';
import { ErrorCode } from '../shared/error-codes';

export interface RequestTimeouts {
  /** First on the route: starts the request's clock. */
  start: express.RequestHandler;
  /** After the body is read: runs the rest of the request under its deadline. */
  runWithinDeadline: express.RequestHandler;
  /** Last on the route: errors from a request already answered with TIMEOUT are dropped. */
  dropLateErrors: express.ErrorRequestHandler;
  /** Stops the database work of every request still running (shutdown, once the grace period is over). */
  expireAll(): Promise<void>;
}

export function requestTimeouts(timeoutMilliseconds: number | undefined, logger: Logger): RequestTimeouts {
  const running = new Set<RequestDeadline>();
  return {
    start(_request, response, next) {
      const deadline = new RequestDeadline();
      running.add(deadline);
      response.locals.requestDeadline = deadline;
      const settle = () => {
        clearTimeout(timer);
        running.delete(deadline);
      };
      const timer = timeoutMilliseconds
        ? setTimeout(() => {
            settle();
            void deadline.expire();
            if (response.headersSent || response.socket?.destroyed) return;
            response.locals.timedOut = true;
            logger.warn('a request ran out of time; its database work was cancelled', { requestId: response.locals.requestId, timeoutMilliseconds });
            response.setHeader('connection', 'close');
            jsonError(
              response,
              ErrorCode.TIMEOUT,
              `The request took longer than the limit of ${timeoutMilliseconds} ms and was stopped; retry, or ask for less`,
            );
          }, timeoutMilliseconds)
        : undefined;
      response.once('finish', settle);
      // A client that went away before its answer was sent wants nothing more: its database work stops at once
      // (statements cancelled, waits for a connection given up), rather than running on for nobody.
      response.once('close', () => {
        if (response.writableFinished) return;
        settle();
        void deadline.expire();
      });
      next();
    },
    runWithinDeadline(_request, response, next) {
      if (response.locals.timedOut) return;
      const deadline = response.locals.requestDeadline as RequestDeadline | undefined;
      if (deadline) runWithDeadline(deadline, next);
      else next();
    },
    dropLateErrors(error, _request, response, next) {
      if (response.locals.timedOut) return;
      next(error);
    },
    async expireAll() {
      await Promise.all([...running].map((deadline) => deadline.expire()));
    },
  };
}
