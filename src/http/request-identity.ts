/**
 * What is known about a request before its body is read: its ID, its Idempotency-Key
 * and who sends it (the API key), so that a bad key is refused without reading the
 * body, and only keyed requests may send large bodies.
 */
import { isUtf8 } from 'node:buffer';
import { randomUUID } from 'node:crypto';
import express from 'express';
import { authenticate } from '../auth/viewer';
import type { DataSources } from '../context';
import type { Logger } from '../shared/logger';
import { jsonError } from './json-errors';
import { readJsonBody } from './json-body';
import { ErrorCode } from '../shared/error-codes';

/** Bodies of requests without an API key stay small; keyed requests (writes, imports) may send more. */
export const anonymousBodyLimit = '100kb';
export const keyedBodyLimit = '5mb';
// As body-parser reads those limits (bytes.parse: 1 kb = 1,024 bytes).
const anonymousBodyLimitBytes = 100 * 1024;
const keyedBodyLimitBytes = 5 * 1024 * 1024;

const requestIdPattern = /^[A-Za-z0-9._:-]{1,128}$/;
const idempotencyKeyPattern = /^[\x21-\x7e]{1,255}$/;

/** The JSON parser would quietly turn invalid UTF-8 into replacement characters, and they would be stored. */
function requireUtf8(_request: unknown, _response: unknown, body: Buffer): void {
  if (!isUtf8(body)) throw Object.assign(new Error('The request body is not valid UTF-8'), { status: 400, type: 'encoding.invalid' });
}

/**
 * Before the body is read: the request ID, the Idempotency-Key and the API key, so that
 * a bad key is refused without reading the body, and only keyed requests may send large ones.
 */
/**
 * Rate limiting of refused keys by address, so that guessing keys is bounded and costs its
 * sender (src/traffic/rate-limit.ts). A valid key is never refused for its address's
 * guesses (behind a proxy, one client's guesses would otherwise lock out every writer).
 */
export interface KeyAttemptGuard {
  /** Whether the address has spent its budget of refused keys (nothing is answered). */
  spent(request: express.Request): Promise<boolean>;
  /** Answers 429 for a refused key from an address that has spent that budget. */
  refuse(request: express.Request, response: express.Response): Promise<void>;
  /** Charges the address for a key that was refused. */
  refused(request: express.Request): Promise<void>;
}

/** Answers (and returns false) when the request may not go on once its sender is known, before its body is read (a spent budget). */
export type BeforeBody = (request: express.Request, response: express.Response) => Promise<boolean>;

/** Answers a request whose API key could not be accepted: 503 when it could not be checked, 429 for a spent guesser, else 401. */
async function refuseKey(
  error: unknown,
  refusal: { request: express.Request; response: express.Response; logger: Logger; keyAttempts?: KeyAttemptGuard; guessing: boolean },
): Promise<void> {
  const { request, response, logger, keyAttempts, guessing } = refusal;
  if ((error as { extensions?: { code?: string } }).extensions?.code !== ErrorCode.UNAUTHENTICATED) {
    // The database is away (or failing): one line per request, not a stack, and the client may retry soon.
    logger.warn('cannot check an API key; answering 503', { error: (error as Error).message ?? String(error) });
    response.setHeader('retry-after', '1');
    jsonError(response, ErrorCode.SERVICE_UNAVAILABLE, 'Cannot check the API key right now; retry shortly');
    return;
  }
  if (guessing && keyAttempts) {
    await keyAttempts.refuse(request, response);
    return;
  }
  await keyAttempts?.refused(request);
  response.setHeader('www-authenticate', 'Bearer realm="briefgraph"');
  jsonError(response, ErrorCode.UNAUTHENTICATED, (error as Error).message);
}

export function identifyRequest(dataSources: DataSources, logger: Logger, keyAttempts?: KeyAttemptGuard, beforeBody?: BeforeBody) {
  const readAnonymousBody = readJsonBody(anonymousBodyLimitBytes, express.json({ limit: anonymousBodyLimit, verify: requireUtf8 }));
  const readKeyedBody = readJsonBody(keyedBodyLimitBytes, express.json({ limit: keyedBodyLimit, verify: requireUtf8 }));
  return async (request: express.Request, response: express.Response, next: express.NextFunction) => {
    const sentRequestId = request.get('x-request-id');
    const requestId = sentRequestId && requestIdPattern.test(sentRequestId) ? sentRequestId : randomUUID();
    response.setHeader('x-request-id', requestId);
    response.locals.requestId = requestId;
    const idempotencyKey = request.get('idempotency-key');
    if (idempotencyKey !== undefined && !idempotencyKeyPattern.test(idempotencyKey)) {
      jsonError(response, ErrorCode.BAD_REQUEST, 'The Idempotency-Key header must be 1 to 255 visible ASCII characters, such as a UUID');
      return;
    }
    response.locals.idempotencyKey = idempotencyKey ?? null;
    const authorization = request.get('authorization');
    const guessing = authorization && keyAttempts ? await keyAttempts.spent(request) : false;
    try {
      response.locals.viewer = await authenticate(dataSources.writer.manager, authorization);
    } catch (error) {
      await refuseKey(error, { request, response, logger, keyAttempts, guessing: Boolean(guessing) });
      return;
    }
    if (beforeBody && !(await beforeBody(request, response))) return;
    (response.locals.viewer ? readKeyedBody : readAnonymousBody)(request, response, next);
  };
}
