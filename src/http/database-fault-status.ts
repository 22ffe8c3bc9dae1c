/**
 * A request that failed because the database is unavailable or every connection stayed
 * busy (overloaded) answers HTTP 503 (with
 * Retry-After), one whose statements ran out of time 504, so that clients, proxies and
 * load balancers see the failure without reading the body.
 *
 * Errors in resolvers get their code from formatError (format-error.ts), and
 * `setDatabaseFaultStatus` sets the status from it. A database error thrown in a hook of the request's plugin
 * (the response cache reads the database before execution) never reaches formatError:
 * Apollo logs it, answers a bare 500 "Internal server error", and keeps only a generic
 * error. `noteUnreportedDatabaseFault` notes such a fault on the request, and the /graphql handler turns that
 * 500 into the same 503 or 504 answer (`unreportedDatabaseFaultAnswer`).
 */
import type { GraphQLResponse } from '@apollo/server';
import type express from 'express';
import { databaseFaultOf } from '../database/database-faults';
import { currentDeadline, type RequestDeadline } from '../database/request-deadline';
import { ErrorCode, httpStatusOf } from '../shared/error-codes';
import { databaseFaultAnswer, databaseFaultCodes } from './format-error';

/** Seconds a client is told to wait before retrying when the database is unavailable. */
export const retryAfterSeconds = 1;

/** Apollo's hook for errors outside the resolvers: a database fault is noted on the request's deadline. */
export function noteUnreportedDatabaseFault(error: Error): void {
  const fault = databaseFaultOf(error);
  const deadline = currentDeadline();
  if (fault && deadline) deadline.unreportedFault = fault;
}

/** Before the answer is sent: a 200 whose errors say the database failed becomes 503 (with Retry-After) or 504. */
export function setDatabaseFaultStatus(response: GraphQLResponse): void {
  if (response.body.kind !== 'single' || (response.http.status ?? 200) !== 200) return;
  const errors = response.body.singleResult.errors;
  if (!errors) return;
  const codes = new Set(errors.map((error) => error.extensions?.code));
  if (codes.has(databaseFaultCodes.unavailable) || codes.has(databaseFaultCodes.overloaded)) {
    response.http.status = httpStatusOf(ErrorCode.SERVICE_UNAVAILABLE);
    response.http.headers.set('retry-after', String(retryAfterSeconds));
  } else if (codes.has(databaseFaultCodes.timeout)) {
    response.http.status = httpStatusOf(ErrorCode.TIMEOUT);
  }
}

/**
 * When Apollo answered a bare 500 for a database fault the plugin noted, the answer to send
 * instead (the status and headers set here); else undefined. The /graphql handler asks
 * before it writes (graphql-handler.ts).
 */
export function unreportedDatabaseFaultAnswer(response: express.Response): string | undefined {
  const fault = (response.locals.requestDeadline as RequestDeadline | undefined)?.unreportedFault;
  if (!fault || response.statusCode !== 500) return undefined;
  response.status(httpStatusOf(databaseFaultCodes[fault]));
  if (fault !== 'timeout') response.setHeader('retry-after', String(retryAfterSeconds));
  response.setHeader('content-type', 'application/json; charset=utf-8');
  response.locals.errorCode = databaseFaultCodes[fault];
  return JSON.stringify({ errors: [databaseFaultAnswer(fault)] });
}
