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
import type { GraphQLRequestContextResponseForOperation, GraphQLResponse } from '@apollo/server';
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
  type GraphQLLeafType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type OperationDefinitionNode,
  visit,
} from 'graphql';
import { collectFields, collectSubfields } from 'graphql/execution/collectFields';
import { getArgumentValues } from 'graphql/execution/values';
import type { RequestContext } from '../context';
import { encodeCursor, type CursorValue } from '../shared/pagination/cursor';
import { errorMarkerKey } from './compiler';
import { directReadOf, type DirectRead } from './resolvers';
import { rootReadOf } from './root-reads';
import { propertyOfPlainField } from './value-types';

/** Thrown (one instance, no stack) when the operation is not plainly servable. */
const notDirect = Object.freeze(new Error('not directly answerable'));

function giveUp(): never {
  throw notDirect;
}

/** How a value of an output type is completed, worked out once per type (wrapping types included). */
type TypePlan = { nonNull: boolean } & (
  | { kind: 'leaf'; type: GraphQLLeafType }
  | { kind: 'list'; item: TypePlan }
  | { kind: 'object'; type: GraphQLObjectType }
  | { kind: 'abstract'; type: GraphQLAbstractType }
);

const typePlans = new WeakMap<GraphQLOutputType, TypePlan>();

function typePlanOf(type: GraphQLOutputType): TypePlan {
  let plan = typePlans.get(type);
  if (plan) return plan;
  if (isNonNullType(type)) plan = { ...typePlanOf(type.ofType), nonNull: true };
  else if (isListType(type)) plan = { nonNull: false, kind: 'list', item: typePlanOf(type.ofType) };
  else if (isLeafType(type)) plan = { nonNull: false, kind: 'leaf', type };
  else if (isAbstractType(type)) plan = { nonNull: false, kind: 'abstract', type };
  else plan = { nonNull: false, kind: 'object', type: type as GraphQLObjectType };
  typePlans.set(type, plan);
  return plan;
}

/** One selected field of an object type: where its value comes from and how it completes. */
interface FieldPlan {
  key: string;
  /** For __typename: the type's name. */
  typeName?: string;
  field: GraphQLField<unknown, unknown>;
  nodes: readonly FieldNode[];
  output: TypePlan;
  /** How the engine reads it; undefined for a plain value type's property (`property`). */
  read?: DirectRead;
  property?: string;
}

/**
 * Each type's selection, planned once per field nodes: for all requests of an operation when
 * no @skip or @include can change what it selects (`variables` are then never read), else
 * for one request.
 */
class SelectionPlans {
  private readonly plans = new Map<readonly FieldNode[], Map<GraphQLObjectType, FieldPlan[]>>();

  constructor(
    readonly schema: GraphQLSchema,
    private readonly fragments: Record<string, FragmentDefinitionNode>,
    private readonly variables: Record<string, unknown>,
  ) {}

  fieldPlans(type: GraphQLObjectType, nodes: readonly FieldNode[]): FieldPlan[] {
    let byType = this.plans.get(nodes);
    if (!byType) {
      byType = new Map();
      this.plans.set(nodes, byType);
    }
    let plans = byType.get(type);
    if (!plans) {
      plans = this.plan(type, nodes);
      byType.set(type, plans);
    }
    return plans;
  }

  private plan(type: GraphQLObjectType, nodes: readonly FieldNode[]): FieldPlan[] {
    if (type.isTypeOf) giveUp();
    const plans: FieldPlan[] = [];
    for (const [key, fieldNodes] of collectSubfields(this.schema, this.fragments, this.variables, type, nodes as FieldNode[])) {
      const fieldName = fieldNodes[0].name.value;
      const field = type.getFields()[fieldName];
      if (fieldName === '__typename') {
        plans.push({ key, typeName: type.name, field, nodes: fieldNodes, output: typePlanOf(type) });
        continue;
      }
      const read = directReadOf(field);
      // Without an engine read: a value a computed field made (a date, a place), whose property type-graphql reads, unless the field has resolvers of its own.
      const property = read ? undefined : (propertyOfPlainField(type, fieldName) ?? giveUp());
      plans.push({ key, field, nodes: fieldNodes, output: typePlanOf(field.type), read, property });
    }
    return plans;
  }
}

/** One request's walk of the compiled answer. */
class DirectAnswer {
  /** The arguments of computed fields, coerced once per request. */
  private readonly argumentsOf = new Map<FieldPlan, Record<string, unknown>>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly plans: SelectionPlans,
    private readonly variables: Record<string, unknown>,
  ) {}

  /** A value of the type `plan` stands for, selected by `nodes`, as graphql-js would complete it. */
  value(plan: TypePlan, nodes: readonly FieldNode[], value: unknown): unknown {
    if (value === null || value === undefined) return plan.nonNull ? giveUp() : null;
    switch (plan.kind) {
      case 'leaf':
        return plan.type.serialize(value) ?? giveUp();
      case 'list':
        return Array.isArray(value) ? value.map((item) => this.value(plan.item, nodes, item)) : giveUp();
      case 'object':
        return this.object(plan.type, nodes, value);
      case 'abstract':
        return this.object(this.runtimeType(plan.type, value), nodes, value);
    }
  }

  private runtimeType(abstractType: GraphQLAbstractType, value: unknown): GraphQLObjectType {
    const name = typeof value === 'object' ? (value as Record<string, unknown>).$type : undefined;
    const type = typeof name === 'string' ? this.schema.getType(name) : undefined;
    return isObjectType(type) && this.schema.isSubType(abstractType, type) ? type : giveUp();
  }

  private object(type: GraphQLObjectType, nodes: readonly FieldNode[], value: unknown): Record<string, unknown> {
    if (typeof value !== 'object') giveUp();
    const source = value as Record<string, unknown>;
    const result: Record<string, unknown> = {};
    for (const plan of this.plans.fieldPlans(type, nodes)) {
      result[plan.key] = plan.typeName ?? this.value(plan.output, plan.nodes, this.fieldValue(plan, source));
    }
    return result;
  }

  /** What the field's resolver would return: read from the compiled record, or a plain value type's property. */
  private fieldValue(plan: FieldPlan, source: Record<string, unknown>): unknown {
    const read = plan.read;
    if (!read) {
      const value = source[plan.property!];
      return typeof value === 'function' ? giveUp() : value;
    }
    if ((read === 'pageInfo' || read === 'pageInfoCursor') && !source.$engine) giveUp();
    const compiled = source[plan.key];
    if (compiled !== null && typeof compiled === 'object' && errorMarkerKey in compiled) giveUp();
    if (read === 'compiled' || read === 'pageInfo') return compiled;
    if (read === 'cursor' || read === 'pageInfoCursor') {
      const values = compiled as CursorValue[] | null;
      return values ? encodeCursor(values[0] as string, values.slice(1)) : null;
    }
    let args = this.argumentsOf.get(plan);
    if (!args) {
      args = getArgumentValues(plan.field, plan.nodes[0], this.variables);
      this.argumentsOf.set(plan, args);
    }
    return read.compute(compiled as Record<string, unknown>, args);
  }
}

/** What a document's answers are planned from: its fragments, and whether @skip or @include can make its selections depend on variables. */
interface DocumentFacts {
  fragments: Record<string, FragmentDefinitionNode>;
  conditional: boolean;
}

/** Documents are parsed once and reused (Apollo's document store), so their facts are gathered once. */
const factsByDocument = new WeakMap<DocumentNode, DocumentFacts>();

function factsOf(document: DocumentNode): DocumentFacts {
  let facts = factsByDocument.get(document);
  if (!facts) {
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
    let conditional = false;
    visit(document, {
      Directive(directive) {
        if (directive.name.value === 'skip' || directive.name.value === 'include') conditional = true;
      },
    });
    facts = { fragments, conditional };
    factsByDocument.set(document, facts);
  }
  return facts;
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

/** An operation's root fields (undefined when one is not an engine root field) and its selections' plans. */
interface OperationPlan {
  rootFields: ReturnType<typeof engineRootFields>;
  selections: SelectionPlans;
}

/** Plans kept for all requests of an operation whose selections no variable can change. */
const operationPlans = new WeakMap<OperationDefinitionNode, OperationPlan>();

function operationPlanOf(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): OperationPlan {
  const { fragments, conditional } = factsOf(document);
  const planFor = (planVariables: Record<string, unknown>): OperationPlan => ({
    rootFields: engineRootFields(schema, fragments, planVariables, operation),
    selections: new SelectionPlans(schema, fragments, planVariables),
  });
  if (conditional) return planFor(variables);
  let plan = operationPlans.get(operation);
  if (!plan || plan.selections.schema !== schema) {
    plan = planFor({});
    operationPlans.set(operation, plan);
  }
  return plan;
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
  const { rootFields, selections } = operationPlanOf(schema, document, operation, variables);
  if (!rootFields) return undefined;
  const { fragments } = factsOf(document);
  const queryType = schema.getQueryType()!;
  const answer = new DirectAnswer(schema, selections, variables);
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
      data[key] = answer.value(typePlanOf(field.type), nodes, value);
    }
  } catch {
    return undefined; // not plainly servable, or a resolver's error: graphql-js executes the operation and reports it at its path
  }
  return data;
}

/**
 * For Apollo's responseForOperation hook (the /graphql plugin calls it after the response
 * cache, whose hits come first, and the limits, before execution): the answer, or null for
 * graphql-js to execute the operation. Not used when tracing is on, which follows graphql-js's execution.
 */
export async function directResponse({
  schema,
  document,
  operation,
  request,
  response,
  contextValue,
}: GraphQLRequestContextResponseForOperation<RequestContext>): Promise<GraphQLResponse | null> {
  const data = await directAnswer({ schema, document, operation, rawVariables: request.variables, context: contextValue });
  return data ? { http: response.http, body: { kind: 'single', singleResult: { data } } } : null;
}
