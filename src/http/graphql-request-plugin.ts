/**
 * Briefgraph's one Apollo plugin: everything the server does per GraphQL request, in the
 * order it happens, as one set of hooks. (Apollo calls and awaits every hook of every
 * plugin on every request; ten plugins of a hook or two each cost more than the work in them.)
 *
 * - once the operation is known: its name for the log, its span attributes (when tracing),
 *   its cache policy, the depth, node and cost limits, and the rate-limit charge;
 * - before execution: a fresh cached answer, else the read engine's direct answer (not when
 *   tracing, which follows graphql-js's execution);
 * - before the answer is sent: HTTP status for database faults and request errors, the SQL
 *   statement count, the log's error codes, caching headers, the cache store, the budget headers.
 *
 * The response cache and the rate limit take part only when they are on.
 */
import type {
  ApolloServerPlugin,
  GraphQLRequestContextDidResolveOperation,
  GraphQLRequestContextResponseForOperation,
  GraphQLRequestContextWillSendResponse,
  GraphQLRequestListener,
  GraphQLResponse,
} from '@apollo/server';
import type { RequestContext } from '../context';
import type { CachePolicies } from '../caching/cache-policy';
import type { ResponseCache, ResponseCacheLookup } from '../caching/response-cache';
import { currentStatementScope } from '../database/statement-counter';
import { traceOperation } from '../observability/request-tracing';
import { directResponse } from '../read/direct-answer';
import { limitOperation, type QueryLimits } from '../shared/query-limits';
import type { OperationCharge, OperationCharges } from '../traffic/rate-limit';
import { noteUnreportedDatabaseFault, setDatabaseFaultStatus } from './database-fault-status';
import { setGraphqlOverHttpStatus } from './graphql-over-http-status';
import { observeAnswer, observeGraphQLRequest, observeOperation, type RequestObservation } from './request-log';

export interface GraphQLRequestSettings {
  limits: QueryLimits;
  cachePolicies: CachePolicies;
  /** When answers are cached. */
  responseCache?: ResponseCache;
  /** When rate limiting is on. */
  charges?: OperationCharges;
  tracing: boolean;
}

/** One request's hooks, with what it noted along the way. */
class GraphQLRequestHooks implements GraphQLRequestListener<RequestContext> {
  constructor(
    private readonly settings: GraphQLRequestSettings,
    private readonly observation: RequestObservation | undefined,
    private readonly cacheLookup: ResponseCacheLookup | undefined,
    private readonly charge: OperationCharge | undefined,
  ) {}

  async didResolveOperation(requestContext: GraphQLRequestContextDidResolveOperation<RequestContext>): Promise<void> {
    const { settings, observation } = this;
    const { operationName, operation } = requestContext;
    if (observation) observeOperation(observation, operationName);
    if (settings.tracing) traceOperation(operationName, operation);
    settings.cachePolicies.applyToOperation(requestContext);
    // An operation over a limit is charged (a token amount) like any other; its refusal is the error reported, before a spent budget.
    let refusal: Error | undefined;
    try {
      limitOperation(requestContext, settings.limits);
    } catch (error) {
      refusal = error as Error;
    }
    try {
      await this.charge?.chargeOperation(requestContext);
    } catch (error) {
      refusal ??= error as Error;
    }
    if (refusal) throw refusal;
  }

  async responseForOperation(requestContext: GraphQLRequestContextResponseForOperation<RequestContext>): Promise<GraphQLResponse | null> {
    const cached = await this.cacheLookup?.answer(requestContext);
    if (cached) return cached;
    return this.settings.tracing ? null : directResponse(requestContext);
  }

  async willSendResponse(requestContext: GraphQLRequestContextWillSendResponse<RequestContext>): Promise<void> {
    const { response } = requestContext;
    setDatabaseFaultStatus(response);
    setGraphqlOverHttpStatus(requestContext);
    // The SQL statements the request issued, for benchmarks, tests and operators.
    const scope = currentStatementScope();
    if (scope) response.http.headers.set('x-sql-statements', String(scope.statements));
    if (this.observation) observeAnswer(this.observation, requestContext);
    this.settings.cachePolicies.setHeaders(requestContext);
    await this.cacheLookup?.store(requestContext);
    await this.charge?.setBudget(requestContext);
  }
}

export function graphqlRequestPlugin(settings: GraphQLRequestSettings): ApolloServerPlugin<RequestContext> {
  return {
    async unexpectedErrorProcessingRequest({ error }) {
      noteUnreportedDatabaseFault(error);
    },
    async requestDidStart({ request, contextValue }) {
      return new GraphQLRequestHooks(
        settings,
        observeGraphQLRequest(request),
        settings.responseCache?.forRequest(contextValue),
        settings.charges?.forRequest(),
      );
    },
  };
}
