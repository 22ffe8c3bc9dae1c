/**
 * HTTP status codes as the GraphQL-over-HTTP specification asks, by media type. A client that
 * takes `application/graphql-response+json` learns from a 4xx that its request never ran (a parse,
 * validation or variable error): Apollo's 400 stays. A legacy `application/json` client expects
 * 200 for every well-formed request, the errors being in the body, so those same answers get 200.
 * Refusals that are not GraphQL request errors (limits, rate limits, keys, faults) keep their status.
 */
import type { BaseContext, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import Negotiator from 'negotiator';
import { ErrorCode } from '../shared/error-codes';

/** The codes of request errors: the operation was never executed. */
const requestErrorCodes = new Set<unknown>([ErrorCode.GRAPHQL_PARSE_FAILED, ErrorCode.GRAPHQL_VALIDATION_FAILED, ErrorCode.BAD_USER_INPUT]);

// The media types as Apollo negotiates them (ApolloServer.chooseContentTypeForSingleResultResponse).
const applicationJson = 'application/json; charset=utf-8';
const offeredMediaTypes = [applicationJson, 'application/graphql-response+json; charset=utf-8', 'application/json; callbackSpec=1.0; charset=utf-8'];

/** True when Apollo answers this Accept header with plain application/json. */
export function answersWithApplicationJson(accept: string | undefined): boolean {
  if (!accept) return true;
  return new Negotiator({ headers: { accept } }).mediaType(offeredMediaTypes) === applicationJson;
}

/** Before the answer is sent: a request error answered as application/json gets 200 instead of Apollo's 400. */
export function setGraphqlOverHttpStatus({
  response,
  request,
  requestIsBatched,
}: Pick<GraphQLRequestContextWillSendResponse<BaseContext>, 'response' | 'request' | 'requestIsBatched'>): void {
  if (requestIsBatched || response.http.status !== 400 || response.body.kind !== 'single') return;
  const { data, errors } = response.body.singleResult;
  if (data !== undefined || !errors?.length) return;
  if (!errors.every((error) => requestErrorCodes.has(error.extensions?.code))) return;
  if (answersWithApplicationJson(request.http?.headers.get('accept'))) response.http.status = 200;
}
