/**
 * Rejects operations that are too deep or could return too many nodes, after
 * validation and before execution, so no SQL runs for them. The error names the
 * limit, the operation's figure and the excess.
 */
import type { GraphQLRequestContextDidResolveOperation } from '@apollo/server';
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

/** Measures an operation (its depth, nodes, work and cost in points); `variablesRead` is told which variables that took. */
export function measureWithCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  variablesRead?: Set<string>,
): Omit<MeasuredOperation, 'refused'> {
  const { depth, nodes, work } = measureOperation(schema, operation, fragmentsOf(document), variables, variablesRead);
  const mutation = operation.operation === 'mutation';
  return { depth, nodes, work, cost: operationCost({ nodes, work }, mutation), mutation };
}

/** How many variable sets each operation keeps the measure of (the most recent ones). */
const maximumMeasuresPerOperation = 500;

/** An operation's measures, by the values of the variables the measure reads (page sizes, say: not a slug or an ID). */
interface OperationMeasures {
  variablesRead: string[];
  byValues: Map<string, Omit<MeasuredOperation, 'refused'>>;
}

const measures = new WeakMap<OperationDefinitionNode, OperationMeasures>();

/** The values of the named variables, as one key (a variable left out differs from one sent as null: only the first takes a default). */
function valuesKey(variables: Record<string, unknown>, names: string[]): string {
  return names.map((name) => (variables[name] === undefined ? '' : JSON.stringify(variables[name]))).join('\u0000');
}

/**
 * measureWithCost, kept per operation and the values of the variables it reads: the measure
 * depends on nothing else, and walking the operation costs more than the rest of serving a
 * small compiled read again. A brief page asked for 500 slugs is measured once, since the
 * measure never reads the slug. Operations are the parsed documents Apollo keeps and reuses,
 * so entries go with them.
 */
export function measureWithCostOnce(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): Omit<MeasuredOperation, 'refused'> {
  const known = measures.get(operation);
  const cached = known?.byValues.get(valuesKey(variables, known.variablesRead));
  if (cached) return cached;
  const variablesRead = new Set<string>();
  const measured = measureWithCost(schema, document, operation, variables, variablesRead);
  // The variables read are the same for every measure of an operation; should they ever differ, the entries start again.
  let entries = known;
  if (!entries || [...variablesRead].some((name) => !entries!.variablesRead.includes(name))) {
    entries = { variablesRead: [...new Set([...(known?.variablesRead ?? []), ...variablesRead])], byValues: new Map() };
    measures.set(operation, entries);
  }
  if (entries.byValues.size >= maximumMeasuresPerOperation) entries.byValues.delete(entries.byValues.keys().next().value!);
  entries.byValues.set(valuesKey(variables, entries.variablesRead), measured);
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

/**
 * Once the operation is known, before it runs: measures it (noted on the request context,
 * for the rate limiter, refused operations too) and throws QUERY_LIMIT_EXCEEDED when it is
 * over a limit. Subscriptions are refused over HTTP.
 */
export function limitOperation<Context extends object>(
  requestContext: Pick<GraphQLRequestContextDidResolveOperation<Context>, 'document' | 'operation' | 'request' | 'schema' | 'contextValue'>,
  limits: QueryLimits,
): void {
  const { document, operation, request, schema, contextValue } = requestContext;
  if (!operation) return;
  if (operation.operation === 'subscription') {
    throw codedError(ErrorCode.BAD_REQUEST, 'Subscriptions are served over WebSocket (the graphql-ws protocol) at /graphql, not over HTTP');
  }
  // Measured before the limits are checked, so the rate limiter charges refused operations too.
  const measured: MeasuredOperation = { ...measureWithCostOnce(schema, document, operation, request.variables ?? {}), refused: true };
  measuredOperations.set(contextValue, measured);
  checkOperationLimits(measured, limits);
  measured.refused = false;
}
