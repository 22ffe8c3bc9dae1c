/**
 * Depth and worst-case size of an operation, computed from its text and variables
 * before anything runs (GitHub's node limit): every connection field counts as
 * many nodes as its page size (first or last, 20 when neither is given), times the
 * page sizes of the connections around it. Plain lists count as five items.
 */
import {
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  valueFromASTUntyped,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { defaultPageSize } from './pagination/connection-arguments';

/** What a plain (non-connection) list is assumed to hold; they are small, fixed lists such as a lesson's themes. */
export const assumedListSize = 5;

export interface QueryCost {
  depth: number;
  nodes: number;
}

function isConnectionType(type: GraphQLCompositeType): boolean {
  return isObjectType(type) && type.name.endsWith('Connection') && 'pageInfo' in type.getFields();
}

function argumentValue(value: ValueNode | undefined, variables: Record<string, unknown>): unknown {
  if (!value) return undefined;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.LIST) return value.values;
  if (value.kind === Kind.VARIABLE) return variables[value.name.value];
  return undefined;
}

/** Lists whose size differs from `assumedListSize`: the facet lists hold up to 50; a change feed page's list was counted by its `first`. */
const listSizes: Record<string, number> = { FacetCounts: 50, RecordChangePage: 1 };

/**
 * How many items one field may return per parent, or undefined when it is not a list: its page size
 * for connections and ranked lists that take `first`, the number of IDs asked for, else an assumed size.
 */
function itemsPerParent(field: GraphQLField<unknown, unknown>, selection: FieldNode, parentType: GraphQLCompositeType, variables: Record<string, unknown>): number | undefined {
  const namedType = getNamedType(field.type) as GraphQLCompositeType;
  const argument = (name: string) => argumentValue(selection.arguments?.find((node) => node.name.value === name)?.value, variables);
  if (isConnectionType(namedType) || field.args.some((definition) => definition.name === 'first')) {
    // Connections, and ranked lists that take `first` (related lessons), count their page size.
    const pageSize = [argument('first'), argument('last')].find((value): value is number => typeof value === 'number');
    const fallback = isConnectionType(namedType) ? defaultPageSize : Number(field.args.find((definition) => definition.name === 'first')?.defaultValue ?? defaultPageSize);
    return Math.max(0, pageSize ?? fallback);
  }
  // (edges and nodes of a connection were counted with the connection)
  if (!isListType(getNullableType(field.type)) || parentType.name.endsWith('Connection')) return undefined;
  const ids = argument('ids');
  return Array.isArray(ids) ? ids.length : (listSizes[parentType.name] ?? assumedListSize);
}

/** The field a selection names, introspection's meta fields included (they are not among the type's fields, but count like any other). */
function fieldOf(parentType: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (name === '__schema') return SchemaMetaFieldDef;
  if (name === '__type') return TypeMetaFieldDef;
  return isObjectType(parentType) || isInterfaceType(parentType) ? parentType.getFields()[name] : undefined;
}

/** Variables as the operation runs with them: those left out take the defaults it declares, which count like any other value. */
function withDefaults(operation: OperationDefinitionNode, variables: Record<string, unknown>): Record<string, unknown> {
  const complete = { ...variables };
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (complete[name] === undefined && definition.defaultValue) complete[name] = valueFromASTUntyped(definition.defaultValue);
  }
  return complete;
}

function rootTypeOf(schema: GraphQLSchema, operation: OperationDefinitionNode): GraphQLObjectType | null | undefined {
  if (operation.operation === 'mutation') return schema.getMutationType();
  return operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
}

export function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): QueryCost {
  let nodes = 0;
  const values = withDefaults(operation, variables);
  const rootType = rootTypeOf(schema, operation);
  if (!rootType) return { depth: 0, nodes: 0 };
  const typeNamed = (name: string, otherwise: GraphQLCompositeType) => (schema.getType(name) as GraphQLCompositeType | undefined) ?? otherwise;

  /** Returns the depth below this selection set; adds to `nodes` as it goes. */
  const visit = (selectionSet: SelectionSetNode, parentType: GraphQLCompositeType, multiplier: number, fragmentPath: string[]): number => {
    let deepest = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        const fragment = fragments[name];
        if (!fragment || fragmentPath.includes(name)) continue; // validation rejects cycles; never loop here
        deepest = Math.max(deepest, visit(fragment.selectionSet, typeNamed(fragment.typeCondition.name.value, parentType), multiplier, [...fragmentPath, name]));
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? typeNamed(selection.typeCondition.name.value, parentType) : parentType;
        deepest = Math.max(deepest, visit(selection.selectionSet, type, multiplier, fragmentPath));
        continue;
      }
      const field = fieldOf(parentType, selection.name.value);
      if (!field || !selection.selectionSet) {
        deepest = Math.max(deepest, 1);
        continue;
      }
      const items = itemsPerParent(field, selection, parentType, values);
      const childMultiplier = items === undefined ? multiplier : multiplier * items;
      if (items !== undefined) nodes += childMultiplier;
      deepest = Math.max(deepest, 1 + visit(selection.selectionSet, getNamedType(field.type) as GraphQLCompositeType, childMultiplier, fragmentPath));
    }
    return deepest;
  };

  const depth = visit(operation.selectionSet, rootType, 1, []);
  return { depth, nodes };
}
