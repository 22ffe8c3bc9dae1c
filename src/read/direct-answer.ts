/**
 * Answers a query made only of root fields the engine answers without graphql-js walking
 * the answer field by field: the statement already built it, so the walk here only picks
 * each selected field out of the compiled JSON in selection order, signs cursors, computes
 * the computed fields and serialises scalars and enums, as the engine's resolvers would.
 * The root fields' own resolvers still run (type-graphql's @Authorized checks among them)
 * and read the one statement as they do under graphql-js.
 *
 * Anything that is not plainly servable makes it give up (`NotDirect`) and graphql-js
 * executes the operation as usual, reusing the statement already run (RequestReads keeps
 * it per operation): a field compiled to an error marker, a null where the schema says
 * non-null, a scalar that does not serialise, a field with a resolver of its own (related
 * records, citations, search), a type-graphql field with middlewares or roles, a variable
 * that does not coerce, an argument that does not either.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import {
  getVariableValues,
  isAbstractType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLAbstractType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { collectFields, collectSubfields } from 'graphql/execution/collectFields';
import { getArgumentValues } from 'graphql/execution/values';
import type { RequestContext } from '../context';
import { encodeCursor, type CursorValue } from '../shared/pagination/cursor';
import { errorMarkerKey } from './compiler';
import { directReadOf } from './resolvers';
import { rootReadOf } from './root-reads';
import { propertyOfPlainField } from './value-types';

/** Thrown (one instance, no stack) when the operation is not plainly servable. */
const notDirect = Object.freeze(new Error('not directly answerable'));

function giveUp(): never {
  throw notDirect;
}

type Fields = Map<string, readonly FieldNode[]>;

/** One request's walk of the compiled answer. Selections are collected once per type and field nodes. */
class DirectAnswer {
  private readonly collected = new Map<readonly FieldNode[], Map<GraphQLObjectType, Fields>>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: Record<string, FragmentDefinitionNode>,
    private readonly variables: Record<string, unknown>,
  ) {}

  private subfields(type: GraphQLObjectType, nodes: readonly FieldNode[]): Fields {
    let byType = this.collected.get(nodes);
    if (!byType) {
      byType = new Map();
      this.collected.set(nodes, byType);
    }
    let fields = byType.get(type);
    if (!fields) {
      fields = collectSubfields(this.schema, this.fragments, this.variables, type, nodes as FieldNode[]);
      byType.set(type, fields);
    }
    return fields;
  }

  /** The value of `type` selected by `nodes`, as graphql-js would complete it. */
  value(type: GraphQLOutputType, nodes: readonly FieldNode[], value: unknown): unknown {
    if (isNonNullType(type)) return value === null || value === undefined ? giveUp() : this.value(type.ofType, nodes, value);
    if (value === null || value === undefined) return null;
    if (isListType(type)) return Array.isArray(value) ? value.map((item) => this.value(type.ofType, nodes, item)) : giveUp();
    if (isLeafType(type)) return type.serialize(value) ?? giveUp();
    if (typeof value !== 'object') giveUp();
    const objectType = isAbstractType(type) ? this.runtimeType(type, value as Record<string, unknown>) : type;
    return this.object(objectType, nodes, value as Record<string, unknown>);
  }

  private runtimeType(abstractType: GraphQLAbstractType, value: Record<string, unknown>): GraphQLObjectType {
    const name = value.$type;
    const type = typeof name === 'string' ? this.schema.getType(name) : undefined;
    return isObjectType(type) && this.schema.isSubType(abstractType, type) ? type : giveUp();
  }

  private object(type: GraphQLObjectType, nodes: readonly FieldNode[], source: Record<string, unknown>): Record<string, unknown> {
    if (type.isTypeOf) giveUp();
    const result: Record<string, unknown> = {};
    for (const [key, fieldNodes] of this.subfields(type, nodes)) {
      const fieldName = fieldNodes[0].name.value;
      if (fieldName === '__typename') {
        result[key] = type.name;
        continue;
      }
      const field = type.getFields()[fieldName];
      result[key] = this.value(field.type, fieldNodes, this.fieldValue(type, field, fieldNodes, key, source));
    }
    return result;
  }

  /** What the field's resolver would return: read from the compiled record, or a plain value type's property. */
  private fieldValue(
    type: GraphQLObjectType,
    field: GraphQLField<unknown, unknown>,
    nodes: readonly FieldNode[],
    key: string,
    source: Record<string, unknown>,
  ): unknown {
    const read = directReadOf(field);
    if (!read) {
      // A value a computed field made (a date, a place): type-graphql reads its property, unless the field has resolvers of its own.
      const value = source[propertyOfPlainField(type, field.name) ?? giveUp()];
      return typeof value === 'function' ? giveUp() : value;
    }
    if ((read === 'pageInfo' || read === 'pageInfoCursor') && !source.$engine) giveUp();
    const compiled = source[key];
    if (compiled !== null && typeof compiled === 'object' && errorMarkerKey in compiled) giveUp();
    if (read === 'compiled' || read === 'pageInfo') return compiled;
    if (read === 'cursor' || read === 'pageInfoCursor') {
      const values = compiled as CursorValue[] | null;
      return values ? encodeCursor(values[0] as string, values.slice(1)) : null;
    }
    return read.compute(compiled as Record<string, unknown>, getArgumentValues(field, nodes[0], this.variables));
  }
}

/** Documents are parsed once and reused (Apollo's document store), so their fragments are gathered once. */
const fragmentsByDocument = new WeakMap<DocumentNode, Record<string, FragmentDefinitionNode>>();

function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  let fragments = fragmentsByDocument.get(document);
  if (!fragments) {
    fragments = {};
    for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
    fragmentsByDocument.set(document, fragments);
  }
  return fragments;
}

/** The operation's root fields, when every one is an engine root field (or __typename); else undefined. */
function engineRootFields(
  schema: GraphQLSchema,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  operation: OperationDefinitionNode,
) {
  const queryType = schema.getQueryType()!;
  const fields = collectFields(schema, fragments, variables, queryType, operation.selectionSet);
  for (const nodes of fields.values()) {
    const fieldName = nodes[0].name.value;
    if (fieldName !== '__typename' && !rootReadOf(fieldName)) return undefined;
  }
  return fields;
}

export interface DirectRequest {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode | undefined;
  rawVariables: Record<string, unknown> | undefined;
  context: RequestContext;
}

/**
 * The operation's `data`, answered from the engine's statement without graphql-js's
 * executor; undefined when it is not plainly servable (graphql-js then executes it).
 */
export async function directAnswer(request: DirectRequest): Promise<Record<string, unknown> | undefined> {
  const { schema, document, operation, context } = request;
  // No operation: the name sent names none (Apollo's hook runs all the same); graphql-js reports it.
  if (!operation || operation.operation !== 'query') return undefined;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.rawVariables ?? {});
  if (coerced.errors) return undefined;
  const variables = coerced.coerced;
  const fragments = fragmentsOf(document);
  const rootFields = engineRootFields(schema, fragments, variables, operation);
  if (!rootFields) return undefined;
  const queryType = schema.getQueryType()!;
  const answer = new DirectAnswer(schema, fragments, variables);
  const data: Record<string, unknown> = {};
  try {
    for (const [key, nodes] of rootFields) {
      const fieldName = nodes[0].name.value;
      if (fieldName === '__typename') {
        data[key] = queryType.name;
        continue;
      }
      const field = queryType.getFields()[fieldName];
      if (!field.resolve) return undefined;
      const info: GraphQLResolveInfo = {
        fieldName,
        fieldNodes: nodes,
        returnType: field.type,
        parentType: queryType,
        path: { prev: undefined, key, typename: queryType.name },
        schema,
        fragments,
        rootValue: undefined,
        operation,
        variableValues: variables,
      };
      const value: unknown = await field.resolve(undefined, getArgumentValues(field, nodes[0], variables), context, info);
      data[key] = answer.value(field.type, nodes, value);
    }
  } catch {
    return undefined; // not plainly servable, or a resolver's error: graphql-js executes the operation and reports it at its path
  }
  return data;
}

/**
 * Apollo's hook for it: after the response cache (whose hits come first) and the limits,
 * before execution. Off when tracing is on, which follows graphql-js's execution.
 */
export function directAnswerPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ schema, document, operation, request, response, contextValue }) {
          const data = await directAnswer({ schema, document, operation, rawVariables: request.variables, context: contextValue });
          return data ? { http: response.http, body: { kind: 'single', singleResult: { data } } } : null;
        },
      };
    },
  };
}
