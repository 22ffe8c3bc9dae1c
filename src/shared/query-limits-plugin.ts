/**
 * Rejects operations that are too deep or could return too many nodes, after
 * validation and before execution, so no SQL runs for them. The error names the
 * limit, the operation's figure and the excess.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type DocumentNode, type FragmentDefinitionNode, type GraphQLError, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { measureOperation } from './query-cost';
import { codedError, ErrorCode } from './error-codes';

export interface QueryLimits {
  maximumDepth: number;
  maximumNodes: number;
  /** Most points one operation may cost (nodes / 100 plus the work of expensive fields, src/shared/query-cost.ts). */
  maximumCost: number;
}

/** What an operation costs in points: one per hundred nodes it may return, at least one, plus its fields' work; mutations more. */
export function operationCost(measured: { nodes: number; work: number }, mutation: boolean): number {
  return Math.max(mutation ? mutationCost : 1, Math.ceil(measured.nodes / 100)) + measured.work;
}

export const mutationCost = 10;

/** The one way to refuse an operation for a limit: QUERY_LIMIT_EXCEEDED, naming the limit and the figures (`details` adds to them). */
export function limitExceeded(message: string, limit: string, maximum: number, actual: number, details: Record<string, unknown> = {}): GraphQLError {
  return codedError(ErrorCode.QUERY_LIMIT_EXCEEDED, message, { limit, maximum, actual, ...details });
}

/** What each operation measured, by request context, for the rate limiter to charge (src/traffic/rate-limit.ts). */
export const measuredOperations = new WeakMap<object, MeasuredOperation>();

export interface MeasuredOperation {
  depth: number;
  nodes: number;
  work: number;
  cost: number;
  mutation: boolean;
  /** Refused for a limit before it ran: charged a token amount, not its cost (rate-limit.ts). */
  refused: boolean;
}

/** The fragments of a document, by name. */
export function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  return fragments;
}

/** Measures an operation (its depth, nodes, work and cost in points). */
export function measureWithCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): Omit<MeasuredOperation, 'refused'> {
  const { depth, nodes, work } = measureOperation(schema, operation, fragmentsOf(document), variables);
  const mutation = operation.operation === 'mutation';
  return { depth, nodes, work, cost: operationCost({ nodes, work }, mutation), mutation };
}

/** How many variable sets each operation keeps the measure of (the most recent ones). */
const maximumMeasuresPerOperation = 500;
const measures = new WeakMap<OperationDefinitionNode, Map<string, Omit<MeasuredOperation, 'refused'>>>();

/**
 * measureWithCost, kept per operation and variables: the measure depends on nothing else,
 * and walking the operation costs more than the rest of serving a small compiled read
 * again. Operations are the parsed documents Apollo keeps and reuses, so entries go with them.
 */
export function measureWithCostOnce(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): Omit<MeasuredOperation, 'refused'> {
  let byVariables = measures.get(operation);
  if (!byVariables) {
    byVariables = new Map();
    measures.set(operation, byVariables);
  }
  const key = JSON.stringify(variables);
  let measured = byVariables.get(key);
  if (!measured) {
    measured = measureWithCost(schema, document, operation, variables);
    if (byVariables.size >= maximumMeasuresPerOperation) byVariables.delete(byVariables.keys().next().value!);
    byVariables.set(key, measured);
  }
  return measured;
}

/** Throws QUERY_LIMIT_EXCEEDED when a measured operation is too deep, could return too many nodes or costs too much. */
export function checkOperationLimits(measured: Pick<MeasuredOperation, 'depth' | 'nodes' | 'cost'>, limits: QueryLimits): void {
  const { depth, nodes, cost } = measured;
  if (depth > limits.maximumDepth) {
    throw limitExceeded(
      `Query is ${depth} levels deep, over the depth limit of ${limits.maximumDepth} (by ${depth - limits.maximumDepth}). Nest fewer fields.`,
      'depth',
      limits.maximumDepth,
      depth,
    );
  }
  if (nodes > limits.maximumNodes) {
    throw limitExceeded(
      `Query could return up to ${nodes.toLocaleString('en-US')} nodes, over the limit of ${limits.maximumNodes.toLocaleString('en-US')} (by ${(nodes - limits.maximumNodes).toLocaleString('en-US')}). ` +
        'Ask for smaller pages (first/last) or fewer nested connections.',
      'nodes',
      limits.maximumNodes,
      nodes,
    );
  }
  if (cost > limits.maximumCost) {
    throw limitExceeded(
      `Query costs ${cost.toLocaleString('en-US')} points, over the limit of ${limits.maximumCost.toLocaleString('en-US')} per operation (by ${(cost - limits.maximumCost).toLocaleString('en-US')}). ` +
        'Searches, facets, totals, related records and paths cost points each time they are asked for: ask for them fewer times.',
      'cost',
      limits.maximumCost,
      cost,
    );
  }
}

export function queryLimitsPlugin<Context extends object>(limits: QueryLimits): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, schema, contextValue }) {
          if (!operation) return;
          if (operation.operation === 'subscription') {
            throw codedError(ErrorCode.BAD_REQUEST, 'Subscriptions are served over WebSocket (the graphql-ws protocol) at /graphql, not over HTTP');
          }
          // Measured before the limits are checked, so the rate limiter charges refused operations too.
          const measured: MeasuredOperation = { ...measureWithCostOnce(schema, document, operation, request.variables ?? {}), refused: true };
          measuredOperations.set(contextValue, measured);
          checkOperationLimits(measured, limits);
          measured.refused = false;
        },
      };
    },
  };
}
