/**
 * One log line and one set of metric updates per request to /graphql, when its
 * answer has been sent: request ID, operation name, HTTP status, duration, SQL
 * statements, outcome with error codes, and the API key's name (never the key).
 *
 * Three pieces, because what a request came to is known in three places:
 * - `requestLog` runs first on /graphql: it starts the clock and writes the line when
 *   the response closes (refusals before GraphQL included);
 * - `bindRequestObservation` runs once the body is read, inside the statement scope,
 *   and makes the request's observation reachable from GraphQL's async context (an
 *   AsyncLocalStorage set before the body is read would be lost while reading it);
 * - `observeGraphQLRequest`, `observeOperation` and `observeAnswer`, called from the
 *   Apollo plugin (graphql-request-plugin.ts), note the operation name and errors.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';
import type { GraphQLRequest, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import type express from 'express';
import { Kind, type DocumentNode } from 'graphql';
import type { Viewer } from '../auth/viewer';
import type { RequestContext } from '../context';
import { currentStatementScope, type StatementScope } from '../database/statement-counter';
import type { Logger } from '../shared/logger';
import { recordRequest, type RequestOutcome, type ServerMetrics } from './metrics';
import { ErrorCode } from '../shared/error-codes';

export interface RequestObservation {
  /** The server's metrics, for GraphQL code (plugins, resolvers) that records into them. */
  metrics: ServerMetrics;
  startedAt: number;
  operationName: string | null;
  /** Set once Apollo starts on the request; before that, a 4xx answer is a refusal ("rejected"). */
  reachedGraphQL: boolean;
  /** GraphQL error codes of the answer. */
  errorCodes: string[];
  /** Codes of mutation payloads' `userErrors` (as far as the operation selected them). */
  userErrorCodes: string[];
  hasUserErrors: boolean;
  statementScope: StatementScope | undefined;
}

const observations = new AsyncLocalStorage<RequestObservation>();

/** The observation of the /graphql request being handled, from GraphQL code (plugins, resolvers). */
export function currentRequestObservation(): RequestObservation | undefined {
  return observations.getStore();
}

function outcomeOf(observation: RequestObservation, status: number, aborted: boolean): RequestOutcome {
  if (aborted) return 'aborted';
  if (observation.reachedGraphQL) {
    if (observation.errorCodes.length > 0 || status >= 400) return 'error';
    return observation.hasUserErrors ? 'user_error' : 'ok';
  }
  if (status >= 500) return 'error';
  return status >= 400 ? 'rejected' : 'ok';
}

/** First on /graphql: times the request and, once its answer is sent (or the client leaves), logs and counts it. */
export function requestLog(logger: Logger, metrics: ServerMetrics) {
  return (request: express.Request, response: express.Response, next: express.NextFunction): void => {
    const observation: RequestObservation = {
      metrics,
      startedAt: performance.now(),
      operationName: null,
      reachedGraphQL: false,
      errorCodes: [],
      userErrorCodes: [],
      hasUserErrors: false,
      statementScope: undefined,
    };
    response.locals.observation = observation;
    let finished = false;
    const finish = (aborted: boolean) => {
      if (finished) return;
      finished = true;
      const durationMilliseconds = performance.now() - observation.startedAt;
      const status = response.statusCode;
      const outcome = outcomeOf(observation, status, aborted);
      // Refusals before GraphQL carry the code jsonError answered with.
      const refusalCode = observation.reachedGraphQL ? undefined : (response.locals.errorCode as string | undefined);
      const errorCodes = [...new Set([...observation.errorCodes, ...observation.userErrorCodes, ...(refusalCode ? [refusalCode] : [])])];
      const bodyOperationName = (request.body as { operationName?: unknown } | undefined)?.operationName;
      const operationName = observation.operationName ?? (typeof bodyOperationName === 'string' && bodyOperationName ? bodyOperationName : null);
      const sqlStatements = observation.statementScope?.statements;
      const viewer = response.locals.viewer as Viewer | null | undefined;
      recordRequest(metrics, { operationName, outcome, errorCodes, durationSeconds: durationMilliseconds / 1000, sqlStatements });
      logger.info('graphql request', {
        requestId: response.locals.requestId as string | undefined,
        method: request.method,
        operation: operationName,
        status,
        durationMilliseconds: Math.round(durationMilliseconds * 10) / 10,
        ...(sqlStatements !== undefined ? { sqlStatements } : {}),
        outcome,
        ...(errorCodes.length > 0 ? { errorCodes } : {}),
        ...(viewer ? { apiKeyName: viewer.name } : {}),
      });
    };
    response.once('finish', () => finish(false));
    // 'close' without 'finish': the client went away before the answer was sent.
    response.once('close', () => finish(!response.writableFinished));
    next();
  };
}

/** After the body is read, inside the statement scope: makes the observation reachable from GraphQL. */
export function bindRequestObservation(_request: express.Request, response: express.Response, next: express.NextFunction): void {
  const observation = response.locals.observation as RequestObservation | undefined;
  if (!observation) {
    next();
    return;
  }
  observation.statementScope = currentStatementScope();
  observations.run(observation, next);
}

function userErrorsOf(data: Record<string, unknown> | null | undefined): { found: boolean; codes: string[] } {
  const codes: string[] = [];
  let found = false;
  for (const payload of Object.values(data ?? {})) {
    const userErrors = (payload as { userErrors?: unknown } | null)?.userErrors;
    if (!Array.isArray(userErrors) || userErrors.length === 0) continue;
    found = true;
    for (const userError of userErrors) {
      const code = (userError as { code?: unknown } | null)?.code;
      if (typeof code === 'string') codes.push(code);
    }
  }
  return { found, codes };
}

function soleOperationName(document: DocumentNode | undefined): string | null {
  const operations = (document?.definitions ?? []).filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  return operations.length === 1 ? (operations[0].name?.value ?? null) : null;
}

/** When Apollo starts on a request: the request's observation, noted as having reached GraphQL, with the operation name sent. */
export function observeGraphQLRequest(request: GraphQLRequest): RequestObservation | undefined {
  const observation = currentRequestObservation();
  if (!observation) return undefined;
  observation.reachedGraphQL = true;
  observation.operationName = request.operationName ?? null;
  return observation;
}

/** The resolved name also covers a document with one named operation and no operationName sent. */
export function observeOperation(observation: RequestObservation, operationName: string | null): void {
  observation.operationName = operationName ?? observation.operationName;
}

/** Notes the GraphQL error codes and mutation user errors of the answer. */
export function observeAnswer(
  observation: RequestObservation,
  { response, operation, document }: Pick<GraphQLRequestContextWillSendResponse<RequestContext>, 'response' | 'operation' | 'document'>,
): void {
  // A document that failed validation never resolved its operation; its name is still worth logging.
  observation.operationName ??= soleOperationName(document);
  if (response.body.kind !== 'single') return;
  const { errors, data } = response.body.singleResult;
  // Appended, not replaced: a batched HTTP request runs several operations.
  for (const error of errors ?? []) observation.errorCodes.push(String(error.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR));
  if (operation?.operation === 'mutation') {
    const userErrors = userErrorsOf(data);
    observation.hasUserErrors ||= userErrors.found;
    observation.userErrorCodes.push(...userErrors.codes);
  }
}
