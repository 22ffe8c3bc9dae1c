/**
 * How long an answer may be cached, worked out once per operation from its selection,
 * not per resolved field: Apollo's cache-control plugin hooks every field of every
 * answer, which costs more than the rest of executing a compiled read. The rules are
 * Apollo's: every field is publicly cacheable for the default max-age, and a
 * `@cacheControl(maxAge:, scope:)` hint on a field, or on the type a field returns,
 * lowers that (`neverCache` marks API keys and the audit log). A field of an abstract
 * type counts the hints of the types its fragments name; requests with an API key (the
 * only ones that can read the restricted types) are `no-store` anyway.
 */
import type { GraphQLRequestContextDidResolveOperation, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import {
  getNamedType,
  isCompositeType,
  Kind,
  type ConstDirectiveNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { RequestContext } from '../context';
import { fragmentsOf } from '../shared/query-limits';

export interface CacheHint {
  maxAge: number;
  scope: 'PUBLIC' | 'PRIVATE';
}

function hintOf(directives: readonly ConstDirectiveNode[] | undefined): Partial<CacheHint> | undefined {
  const directive = directives?.find((candidate) => candidate.name.value === 'cacheControl');
  if (!directive) return undefined;
  const hint: Partial<CacheHint> = {};
  for (const argument of directive.arguments ?? []) {
    if (argument.name.value === 'maxAge' && argument.value.kind === Kind.INT) hint.maxAge = Number(argument.value.value);
    if (argument.name.value === 'scope' && argument.value.kind === Kind.ENUM) hint.scope = argument.value.value === 'PRIVATE' ? 'PRIVATE' : 'PUBLIC';
  }
  return hint;
}

function restrict(policy: CacheHint, hint: Partial<CacheHint> | undefined): void {
  if (hint?.maxAge !== undefined) policy.maxAge = Math.min(policy.maxAge, hint.maxAge);
  if (hint?.scope === 'PRIVATE') policy.scope = 'PRIVATE';
}

function rootTypeOf(schema: GraphQLSchema, operation: OperationDefinitionNode): GraphQLObjectType | null | undefined {
  if (operation.operation === 'mutation') return schema.getMutationType();
  return operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
}

/** The cache policy of an operation's answer, from its selection and the schema's hints. */
export function operationCachePolicy(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  defaultMaxAge: number,
): CacheHint {
  const policy: CacheHint = { maxAge: defaultMaxAge, scope: 'PUBLIC' };
  const typeHint = (type: GraphQLNamedType) => hintOf(type.astNode?.directives);
  /** Enters a fragment or a field's selection: the type's hint applies, then its selections'. */
  const enter = (type: GraphQLNamedType | null | undefined, selectionSet: SelectionSetNode, fragmentsSeen: Set<string>): void => {
    if (!type || !isCompositeType(type)) return;
    restrict(policy, typeHint(type));
    visit(selectionSet, type, fragmentsSeen);
  };
  const visitField = (selection: FieldNode, parentType: GraphQLCompositeType, fragmentsSeen: Set<string>): void => {
    if (!('getFields' in parentType)) return;
    const field = parentType.getFields()[selection.name.value] as GraphQLField<unknown, unknown> | undefined;
    if (!field) return; // __typename and introspection fields carry no hints
    restrict(policy, hintOf(field.astNode?.directives));
    const returned = getNamedType(field.type);
    if (!isCompositeType(returned)) return;
    if (selection.selectionSet) enter(returned, selection.selectionSet, fragmentsSeen);
    else restrict(policy, typeHint(returned));
  };
  const visit = (selectionSet: SelectionSetNode, parentType: GraphQLCompositeType, fragmentsSeen: Set<string>): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments[selection.name.value];
        if (fragment && !fragmentsSeen.has(fragment.name.value)) {
          enter(schema.getType(fragment.typeCondition.name.value), fragment.selectionSet, new Set([...fragmentsSeen, fragment.name.value]));
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        enter(selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parentType, selection.selectionSet, fragmentsSeen);
      } else {
        visitField(selection, parentType, fragmentsSeen);
      }
    }
  };
  const rootType = rootTypeOf(schema, operation);
  if (rootType) visit(operation.selectionSet, rootType, new Set());
  return policy;
}

/**
 * Each request's cache policy, from its operation (memoised per parsed document), and the
 * caching headers of its answer: Cache-Control, and `Vary: Authorization` on public answers,
 * so a CDN in front never serves an anonymous answer to a keyed request or the other way round.
 */
export class CachePolicies {
  private readonly policies = new WeakMap<DocumentNode, Map<string, CacheHint>>();

  constructor(private readonly defaultMaxAge: number) {}

  /** Once the operation is known: its policy restricts the request's; requests with a key, and mutations, are never cached. */
  applyToOperation(requestContext: GraphQLRequestContextDidResolveOperation<RequestContext>): void {
    const { document, operation, operationName, schema, overallCachePolicy, contextValue, response } = requestContext;
    // Apollo's cache-control plugin leaves an existing no-store alone.
    if (contextValue.viewer || operation?.operation !== 'query') response.http.headers.set('cache-control', 'no-store');
    if (!operation) return;
    let byOperation = this.policies.get(document);
    if (!byOperation) {
      byOperation = new Map();
      this.policies.set(document, byOperation);
    }
    const name = operationName ?? '';
    let policy = byOperation.get(name);
    if (!policy) {
      policy = operationCachePolicy(schema, operation, fragmentsOf(document), this.defaultMaxAge);
      byOperation.set(name, policy);
    }
    overallCachePolicy.restrict(policy);
  }

  /** Before the answer is sent: Cache-Control from the policy (no-store for errors, keys and what is not cacheable), and Vary. */
  setHeaders({ response, overallCachePolicy, contextValue }: GraphQLRequestContextWillSendResponse<RequestContext>): void {
    const headers = response.http.headers;
    if (contextValue.viewer || headers.get('cache-control') === 'no-store') {
      headers.set('cache-control', 'no-store');
      return;
    }
    const cacheable = overallCachePolicy.policyIfCacheable();
    if (cacheable && response.body.kind === 'single' && !response.body.singleResult.errors) {
      headers.set('cache-control', `max-age=${cacheable.maxAge}, ${cacheable.scope.toLowerCase()}`);
      if (cacheable.scope === 'PUBLIC') headers.set('vary', 'Authorization');
    } else {
      headers.set('cache-control', 'no-store');
    }
  }
}
