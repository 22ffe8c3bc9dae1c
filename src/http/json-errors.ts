/**
 * Anything that never reached GraphQL still answers in JSON: unknown paths, bodies
 * that are not JSON, too large or not UTF-8. Never express's HTML error page or a stack trace.
 */
import type express from 'express';
import { ErrorCode, httpStatusOf } from '../shared/error-codes';
import type { Logger } from '../shared/logger';

export function jsonError(response: express.Response, code: ErrorCode, message: string, status = httpStatusOf(code)): void {
  // For the request log and metrics (src/http/request-log.ts): why a request was refused before GraphQL.
  response.locals.errorCode = code;
  response.status(status).json({ errors: [{ message, extensions: { code } }] });
}

export function notFoundHandler(_request: express.Request, response: express.Response): void {
  jsonError(response, ErrorCode.NOT_FOUND, 'Not found: GraphQL is served at /graphql');
}

export function jsonErrorHandler(logger: Logger) {
  return (
    error: Error & { type?: string; status?: number; limit?: number },
    _request: express.Request,
    response: express.Response,
    _next: express.NextFunction,
  ): void => {
    if (error.type === 'entity.parse.failed') {
      jsonError(response, ErrorCode.BAD_REQUEST, `The request body is not valid JSON: ${error.message}`);
    } else if (error.type === 'entity.too.large') {
      jsonError(response, ErrorCode.PAYLOAD_TOO_LARGE, `The request body is larger than the limit of ${error.limit} bytes`);
    } else if (error.status && error.status >= 400 && error.status < 500) {
      jsonError(response, ErrorCode.BAD_REQUEST, error.message, error.status);
    } else {
      logger.error('unexpected error while handling a request', { error: String(error.stack ?? error) });
      jsonError(response, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error');
    }
  };
}
