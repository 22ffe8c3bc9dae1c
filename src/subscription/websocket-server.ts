/**
 * GraphQL subscriptions over WebSocket (the graphql-ws protocol, as Apollo Client, urql
 * and Relay speak it) on the same port and path as HTTP, `/graphql`. The same rules as
 * for queries: an API key in the connection's init payload (`{ authorization: "Bearer
 * <key>" }`, or `{ apiKey }`) is checked when the connection starts (a bad one closes it
 * with 4403); each operation is parsed with the token limit, validated with the alias and
 * directive limits, measured against the depth and node limits, and charged to the
 * client's rate-limit budget. Only subscriptions are served here; queries and mutations
 * go over HTTP. Frames are at most 100 kB.
 */
import type http from 'node:http';
import {
  GraphQLError,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValidationRule,
} from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { authenticate, type Viewer } from '../auth/viewer';
import { createRequestContext, type DataSources } from '../context';
import type { RequestLimits } from '../config';
import type { Logger } from '../shared/logger';
import { checkOperationLimits, measureWithCost, type QueryLimits } from '../shared/query-limits';
import { codedError, ErrorCode } from '../shared/error-codes';
import { textLiteralRule, variablesProblem } from '../http/input-text';
import { aliasLimitRule, directiveLimitRule } from '../shared/query-limits-rules';
import type { PointsStore } from '../traffic/points-store';
import type { RateLimitSettings } from '../traffic/rate-limit';
import type { RecordChangeFollower } from './record-change-follower';
import { clientAddress, rateLimitClientKey } from '../traffic/client-address';

export interface SubscriptionServerOptions {
  schema: GraphQLSchema;
  dataSources: DataSources;
  follower: RecordChangeFollower;
  queryLimits: QueryLimits;
  requestLimits: RequestLimits;
  rateLimit: RateLimitSettings;
  pointsStore: PointsStore;
  logger: Logger;
  /** Proxies in front whose X-Forwarded-For is believed (TRUST_PROXY), as for HTTP requests. */
  trustedProxyHops: number;
}

const maximumFrameBytes = 100 * 1024;

function authorizationOf(parameters: Record<string, unknown> | undefined): string | undefined {
  const value = parameters?.authorization ?? parameters?.Authorization;
  if (typeof value === 'string') return value;
  return typeof parameters?.apiKey === 'string' ? `Bearer ${parameters.apiKey}` : undefined;
}

// BAD_REQUEST and RATE_LIMITED are built by hand here, not by codedError: its extensions would add
// `http.status`, which a WebSocket message has no use for and these errors have never carried.
function badRequest(message: string): GraphQLError[] {
  return [new GraphQLError(message, { extensions: { code: ErrorCode.BAD_REQUEST } })];
}

interface ReadSubscription {
  document: DocumentNode;
  operation: OperationDefinitionNode;
}

/** The payload's operation, parsed with the token limit and validated with `rules`, if it is a subscription; else why not. */
function readSubscription(
  payload: SubscribePayload,
  options: SubscriptionServerOptions,
  rules: readonly ValidationRule[],
): ReadSubscription | readonly GraphQLError[] {
  const variablesRefusal = variablesProblem(payload.variables);
  if (variablesRefusal) return [codedError(variablesRefusal.code, variablesRefusal.message)];
  let document: DocumentNode;
  try {
    document = parse(payload.query, { maxTokens: options.requestLimits.maximumTokens });
  } catch (error) {
    return [error instanceof GraphQLError ? error : new GraphQLError(String(error))];
  }
  const errors = validate(options.schema, document, rules);
  if (errors.length > 0) return errors;
  const operation = getOperationAST(document, payload.operationName);
  if (!operation) return badRequest('The document names no operation to run (or several without an operationName)');
  if (operation.operation !== 'subscription') return badRequest('Only subscriptions are served over WebSocket; send queries and mutations over HTTP');
  return { document, operation };
}

/** Measures the subscription against the depth and node limits and charges its cost to the client's budget; the errors if refused. */
async function chargeSubscription(
  options: SubscriptionServerOptions,
  subscription: ReadSubscription,
  payload: SubscribePayload,
  rateLimitClient: string,
): Promise<readonly GraphQLError[] | null> {
  let cost: number;
  try {
    const measured = measureWithCost(options.schema, subscription.document, subscription.operation, payload.variables ?? {});
    checkOperationLimits(measured, options.queryLimits);
    cost = measured.cost;
  } catch (error) {
    return [error as GraphQLError];
  }
  if (options.rateLimit.points <= 0) return null;
  const charge = await options.pointsStore.charge(rateLimitClient, cost, options.rateLimit.points, options.rateLimit.windowSeconds * 1000);
  if (charge.allowed) return null;
  return [
    new GraphQLError('Rate limit exceeded: no points are left for this subscription in this window', {
      extensions: { code: ErrorCode.RATE_LIMITED },
    }),
  ];
}

export function serveSubscriptions(httpServer: http.Server, options: SubscriptionServerOptions): { close(): Promise<void> } {
  const webSockets = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: maximumFrameBytes });
  const viewers = new WeakMap<WebSocket, Viewer | null>();
  // The same checks as over HTTP (src/server.ts): GraphQL's rules, alias and directive counts, text literals.
  const rules = [
    ...specifiedRules,
    aliasLimitRule(options.requestLimits.maximumAliases),
    directiveLimitRule(options.requestLimits.maximumDirectives),
    textLiteralRule,
  ];
  const disposable = useServer(
    {
      schema: options.schema,
      onConnect: async (context) => {
        try {
          viewers.set(context.extra.socket, await authenticate(options.dataSources.writer.manager, authorizationOf(context.connectionParams)));
          return true;
        } catch {
          return false;
        }
      },
      onSubscribe: async (context, _id, payload) => {
        const subscription = readSubscription(payload, options, rules);
        if (!('document' in subscription)) return subscription;
        const viewer = viewers.get(context.extra.socket) ?? null;
        const rateLimitClient = rateLimitClientKey(viewer, clientAddress(context.extra.request, options.trustedProxyHops));
        const refusal = await chargeSubscription(options, subscription, payload, rateLimitClient);
        if (refusal) return refusal;
        const contextValue = createRequestContext(options.dataSources, { viewer, rateLimitClient });
        contextValue.liveChanges = { follower: options.follower, close: () => context.extra.socket.terminate() };
        return {
          schema: options.schema,
          document: subscription.document,
          operationName: payload.operationName,
          variableValues: payload.variables ?? undefined,
          contextValue,
        };
      },
      onError: (_context, _id, _payload, errors) => {
        options.logger.debug('a subscription failed', { errors: errors.map((error) => error.message) });
      },
    },
    webSockets,
  );
  return {
    async close() {
      await disposable.dispose();
      for (const client of webSockets.clients) client.terminate();
      await new Promise<void>((resolve) => webSockets.close(() => resolve()));
    },
  };
}
