/**
 * Depth, worst-case size and work of an operation, computed from its text and variables
 * before anything runs (GitHub's node limit, Shopify's field costs).
 *
 * Nodes: every connection counts as many nodes as its page size (first or last, 20 when
 * neither is given), times the page sizes of the lists around it; a plain list counts its
 * maximum (`listMaximum`): for the read engine's lists the number it reads at most, which
 * writes also enforce (src/shared/list-limits.ts), so the count is an upper bound
 * whatever the data holds.
 *
 * Work: fields that cost the database more than reading the records they return (a
 * search, facet counts, a total, related records, a path, a timeline) add points of
 * their own (`fieldCosts`), once per parent they are asked for. The rate limiter charges
 * nodes / 100 plus work (src/traffic/rate-limit.ts); docs/architecture.md has the table.
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
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { readsOfType } from '../read/record-reads';
import { maximumRelatedRecords } from './list-limits';
import { defaultPageSize } from './pagination/connection-arguments';

export interface QueryCost {
  depth: number;
  nodes: number;
  /** Points of work beyond the nodes (fieldCosts, times the parents each field is asked for). */
  work: number;
}

/**
 * Plain lists that are not the read engine's (whose maximum is declared with the field),
 * with the most items they can hold. Every list field of the schema is either a
 * connection's, the engine's, or here (a test checks).
 */
export const listMaximums: Record<string, number> = {
  // Facet values: the facet query keeps the 50 largest (src/search/facets.service.ts).
  'FacetCounts.themes': 50,
  'FacetCounts.years': 50,
  'FacetCounts.districts': 50,
  'FacetCounts.kinds': 50,
  'FacetCounts.publishers': 50,
  'FacetCounts.bases': 50,
  // One step per hop, at most four hops; the records along the way one more.
  'RecordPath.steps': 4,
  'RecordPath.nodes': 5,
  // One reason per kind of relation, one highlight per highlighted field.
  'RelatedBriefEdge.reasons': 10,
  'RelatedLessonEdge.reasons': 10,
  'SearchEdge.highlights': 10,
  // Years with records; the timeline covers at most this many.
  'ThemeTimeline.years': 200,
  // Administration and mutation answers.
  'Query.apiKeys': 1000,
  'Query.sourceDocuments': 1000,
  'KnowledgeBaseImportPayload.counts': 10,
  'Query.webhooks': 1000,
  // A brief's identifiers (writes take at most 20), a person's (the ORCID iD).
  'Brief.identifiers': 20,
  'Person.identifiers': 1,
  // The feed's page was counted by its `first` on `changes(first:)`: its list holds that page.
  'RecordChangePage.changes': 1,
};

/**
 * Introspection's lists (types, fields, arguments) are bounded by the schema, not by
 * data, and answered from memory; graphql's introspection depth rule bounds their
 * nesting. They count as small lists, so the standard introspection query fits.
 */
const introspectionListSize = 5;

/** Mutation payloads list their user errors: one per field at most. */
const userErrorsMaximum = 100;

/** How many items the plain list `Type.field` holds at most; undefined for a list nobody has bounded. */
export function listMaximum(typeName: string, fieldName: string): number | undefined {
  if (typeName.startsWith('__')) return introspectionListSize;
  const declared = readsOfType(typeName)?.fields[fieldName];
  if (declared?.kind === 'toMany') return declared.maximumItems;
  if (fieldName === 'userErrors') return userErrorsMaximum;
  return listMaximums[`${typeName}.${fieldName}`];
}

/** A breadth-first search from both ends, one statement per hop: 8 points per hop it may take (4 by default). */
function pathSearchCost(args: (name: string) => unknown): number {
  const maxHops = args('maxHops');
  return 8 * (typeof maxHops === 'number' ? Math.max(1, Math.min(4, maxHops)) : 4);
}

/**
 * Points of work of a field, beyond the nodes it returns, per parent it is asked for:
 * what the database does for it (a ranked search, grouped counts, a breadth-first
 * search one statement per hop) relative to reading a page of records. A point is
 * roughly 5 ms of database time at 100,000 lessons on a 2-core machine (docs/benchmarks.md:
 * a search 20-60 ms, brief facets 45-140 ms, lesson facets with a search about 340 ms,
 * related records 12-35 ms per record, a 4-hop path 60-230 ms).
 */
export const fieldCosts: Record<string, number | ((args: (name: string) => unknown) => number)> = {
  'Query.search': 10,
  'Query.briefFacets': 30,
  // Lessons outnumber briefs (ten to one in the synthetic data): their facets cost more.
  'Query.lessonFacets': 60,
  'Query.autocomplete': 2,
  'Query.connection': pathSearchCost,
  // The best k paths run the same search (one statement per hop, bounded frontier), then rank.
  'Query.connections': pathSearchCost,
  'Brief.relatedBriefs': 10,
  'Lesson.relatedLessons': 10,
  'Theme.timeline': 5,
  // Formatted by citation-js in the server, per brief.
  'Brief.citation': 1,
  'Brief.citationData': 1,
};

/** A total counts every matching row, not a page of them. */
export const totalCountCost = 1;
/** A field given a text search (briefs(search:), lessons(search:), the facets' search:) matches it against the search index. */
export const listSearchCost = 5;

function isConnectionType(type: GraphQLCompositeType): boolean {
  return isObjectType(type) && type.name.endsWith('Connection') && 'pageInfo' in type.getFields();
}

function argumentValue(value: ValueNode | undefined, variables: Record<string, unknown>, variablesRead: Set<string> | undefined): unknown {
  if (!value) return undefined;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.STRING) return value.value;
  if (value.kind === Kind.LIST) return value.values;
  if (value.kind === Kind.VARIABLE) {
    variablesRead?.add(value.name.value);
    return variables[value.name.value];
  }
  return undefined;
}

/** Variables as the operation sees them: those left out take the defaults it declares, which count like any other value. */
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

/** Where a selection set is visited: how many items it is asked of, how many objects of its type there are, the fragments entered. */
interface Visit {
  parentType: GraphQLCompositeType;
  /** How many items the selection set is asked of. */
  multiplier: number;
  /** How many objects of `parentType` there are: as many, except for a connection's own fields (its totalCount counts once per connection). */
  instances: number;
  fragmentPath: string[];
}

/** Walks an operation once, adding up its nodes and work; each visit returns the depth below it. */
class OperationMeasure {
  nodes = 0;
  work = 0;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: Record<string, FragmentDefinitionNode>,
    private readonly variables: Record<string, unknown>,
    private readonly variablesRead: Set<string> | undefined,
  ) {}

  selections(selectionSet: SelectionSetNode, at: Visit): number {
    let deepest = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        const fragment = this.fragments[name];
        if (!fragment || at.fragmentPath.includes(name)) continue; // validation rejects cycles; never loop here
        const type = this.schema.getType(fragment.typeCondition.name.value) as GraphQLCompositeType;
        deepest = Math.max(
          deepest,
          this.selections(fragment.selectionSet, { ...at, parentType: type ?? at.parentType, fragmentPath: [...at.fragmentPath, name] }),
        );
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? (this.schema.getType(selection.typeCondition.name.value) as GraphQLCompositeType) : at.parentType;
        deepest = Math.max(deepest, this.selections(selection.selectionSet, { ...at, parentType: type ?? at.parentType }));
      } else {
        deepest = Math.max(deepest, this.field(selection, at));
      }
    }
    return deepest;
  }

  private field(selection: FieldNode, at: Visit): number {
    const { parentType, multiplier, instances } = at;
    const fields = isObjectType(parentType) || isInterfaceType(parentType) ? parentType.getFields() : {};
    // Introspection's meta fields are not among the type's fields, but count like any other.
    const name = selection.name.value;
    const field = name === '__schema' ? SchemaMetaFieldDef : name === '__type' ? TypeMetaFieldDef : fields[name];
    const argument = (argumentName: string) =>
      argumentValue(selection.arguments?.find((node) => node.name.value === argumentName)?.value, this.variables, this.variablesRead);
    const fieldCost = fieldCosts[`${parentType.name}.${name}`];
    if (fieldCost !== undefined) this.work += instances * (typeof fieldCost === 'function' ? fieldCost(argument) : fieldCost);
    if (name === 'totalCount' && parentType.name.endsWith('Connection')) this.work += instances * totalCountCost;
    if (!field || !selection.selectionSet) return 1;
    const search = argument('search');
    if (typeof search === 'string' && search.trim() !== '') this.work += instances * listSearchCost;
    const namedType = getNamedType(field.type) as GraphQLCompositeType;
    const childMultiplier = multiplier * this.itemsPerParent(field, namedType, parentType, argument);
    if (this.isList(field, namedType, parentType)) this.nodes += childMultiplier;
    // Below a connection, its own fields (totalCount, pageInfo) exist once per connection; its edges and nodes once per item.
    const childInstances = isConnectionType(namedType) ? instances : childMultiplier;
    return (
      1 +
      this.selections(selection.selectionSet, { parentType: namedType, multiplier: childMultiplier, instances: childInstances, fragmentPath: at.fragmentPath })
    );
  }

  /** Whether the field's items are counted as nodes: connections, ranked lists taking `first`, and plain lists (not a connection's own edges and nodes). */
  private isList(field: MeasuredField, namedType: GraphQLCompositeType, parentType: GraphQLCompositeType): boolean {
    if (isConnectionType(namedType) || field.args.some((definition) => definition.name === 'first')) return true;
    return isListType(getNullableType(field.type)) && !parentType.name.endsWith('Connection');
  }

  /** How many items the field returns per parent: a page size, a list's maximum, or 1. */
  private itemsPerParent(field: MeasuredField, namedType: GraphQLCompositeType, parentType: GraphQLCompositeType, argument: (name: string) => unknown): number {
    const hasPageArguments = field.args.some((definition) => definition.name === 'first');
    if (isConnectionType(namedType) || hasPageArguments) {
      // Connections, and ranked lists that take `first` (related lessons), count their page size.
      const pageSize = [argument('first'), argument('last')].find((value): value is number => typeof value === 'number');
      const fallback = isConnectionType(namedType)
        ? defaultPageSize
        : Number(field.args.find((definition) => definition.name === 'first')?.defaultValue ?? defaultPageSize);
      return Math.max(0, pageSize ?? fallback);
    }
    if (isListType(getNullableType(field.type)) && !parentType.name.endsWith('Connection')) {
      // (edges and nodes of a connection were counted with the connection)
      const ids = argument('ids');
      return Array.isArray(ids) ? ids.length : (listMaximum(parentType.name, field.name) ?? maximumRelatedRecords);
    }
    return 1;
  }
}

type MeasuredField = Pick<GraphQLField<unknown, unknown>, 'name' | 'type' | 'args'>;

/** `variablesRead`, when given, is told the name of each variable the measure read: the measure depends on no other. */
export function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  variablesRead?: Set<string>,
): QueryCost {
  const rootType = rootTypeOf(schema, operation);
  if (!rootType) return { depth: 0, nodes: 0, work: 0 };
  const measure = new OperationMeasure(schema, fragments, withDefaults(operation, variables), variablesRead);
  const depth = measure.selections(operation.selectionSet, { parentType: rootType, multiplier: 1, instances: 1, fragmentPath: [] });
  return { depth, nodes: measure.nodes, work: measure.work };
}
