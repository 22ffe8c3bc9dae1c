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
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
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

export function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): QueryCost {
  let nodes = 0;
  // Variables left out take the defaults the operation declares, which count like any other value.
  variables = { ...variables };
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (variables[name] === undefined && definition.defaultValue) variables[name] = valueFromASTUntyped(definition.defaultValue);
  }
  const rootType = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  if (!rootType) return { depth: 0, nodes: 0 };

  /** Returns the depth below this selection set; adds to `nodes` as it goes. */
  const visit = (selectionSet: SelectionSetNode, parentType: GraphQLCompositeType, multiplier: number, fragmentPath: string[]): number => {
    let deepest = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        const fragment = fragments[name];
        if (!fragment || fragmentPath.includes(name)) continue; // validation rejects cycles; never loop here
        const type = schema.getType(fragment.typeCondition.name.value) as GraphQLCompositeType;
        deepest = Math.max(deepest, visit(fragment.selectionSet, type ?? parentType, multiplier, [...fragmentPath, name]));
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) as GraphQLCompositeType) : parentType;
        deepest = Math.max(deepest, visit(selection.selectionSet, type ?? parentType, multiplier, fragmentPath));
        continue;
      }
      const fields = isObjectType(parentType) || isInterfaceType(parentType) ? parentType.getFields() : {};
      // Introspection's meta fields are not among the type's fields, but count like any other.
      const name = selection.name.value;
      const field = name === '__schema' ? SchemaMetaFieldDef : name === '__type' ? TypeMetaFieldDef : fields[name];
      if (!field || !selection.selectionSet) {
        deepest = Math.max(deepest, 1);
        continue;
      }
      const namedType = getNamedType(field.type) as GraphQLCompositeType;
      let childMultiplier = multiplier;
      const argument = (name: string) => argumentValue(selection.arguments?.find((node) => node.name.value === name)?.value, variables);
      const pageSize = [argument('first'), argument('last')].find((value): value is number => typeof value === 'number');
      const hasPageArguments = field.args.some((definition) => definition.name === 'first');
      if (isConnectionType(namedType) || hasPageArguments) {
        // Connections, and ranked lists that take `first` (related lessons), count their page size.
        const fallback = isConnectionType(namedType) ? defaultPageSize : Number(field.args.find((definition) => definition.name === 'first')?.defaultValue ?? defaultPageSize);
        childMultiplier = multiplier * Math.max(0, pageSize ?? fallback);
        nodes += childMultiplier;
      } else if (isListType(getNullableType(field.type)) && !parentType.name.endsWith('Connection')) {
        // (edges and nodes of a connection were counted with the connection)
        const ids = argument('ids');
        const size = Array.isArray(ids) ? ids.length : (listSizes[parentType.name] ?? assumedListSize);
        childMultiplier = multiplier * size;
        nodes += childMultiplier;
      }
      deepest = Math.max(deepest, 1 + visit(selection.selectionSet, namedType, childMultiplier, fragmentPath));
    }
    return deepest;
  };

  const depth = visit(operation.selectionSet, rootType, 1, []);
  return { depth, nodes };
}
