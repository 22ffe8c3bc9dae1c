/**
 * Rejects operations that are too deep or could return too many nodes, after
 * validation and before execution, so no SQL runs for them. The error names the
 * limit, the operation's figure and the excess.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type FragmentDefinitionNode, type GraphQLError } from 'graphql';
import { measureOperation } from './query-cost';
import { codedError, ErrorCode } from './error-codes';

export interface QueryLimits {
  maximumDepth: number;
  maximumNodes: number;
}

function limitError(message: string, limit: string, maximum: number, actual: number): GraphQLError {
  return codedError(ErrorCode.QUERY_LIMIT_EXCEEDED, message, { limit, maximum, actual });
}

/** What each operation measured, by request context, for the rate limiter to charge (src/traffic/rate-limit.ts). */
export const measuredOperations = new WeakMap<object, { depth: number; nodes: number; mutation: boolean }>();

export function queryLimitsPlugin<Context extends object>(limits: QueryLimits): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, schema, contextValue }) {
          if (!operation) return;
          if (operation.operation === 'subscription') {
            throw codedError(ErrorCode.BAD_REQUEST, 'Subscriptions are not offered by this API; use queries');
          }
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
          const { depth, nodes } = measureOperation(schema, operation, fragments, request.variables ?? {});
          measuredOperations.set(contextValue, { depth, nodes, mutation: operation.operation === 'mutation' });
          if (depth > limits.maximumDepth) {
            throw limitError(
              `Query is ${depth} levels deep, over the depth limit of ${limits.maximumDepth} (by ${depth - limits.maximumDepth}). Nest fewer fields.`,
              'depth', limits.maximumDepth, depth,
            );
          }
          if (nodes > limits.maximumNodes) {
            throw limitError(
              `Query could return up to ${nodes.toLocaleString('en-US')} nodes, over the limit of ${limits.maximumNodes.toLocaleString('en-US')} (by ${(nodes - limits.maximumNodes).toLocaleString('en-US')}). ` +
                'Ask for smaller pages (first/last) or fewer nested connections.',
              'nodes', limits.maximumNodes, nodes,
            );
          }
        },
      };
    },
  };
}
