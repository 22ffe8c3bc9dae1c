/**
 * Compiles what a request selects into SQL that builds the answer as JSON in
 * PostgreSQL: a record's selected fields become one json_build_object, its relations
 * correlated subqueries, its connections keyset pages (src/shared/pagination/keyset.ts)
 * aggregated with json_agg. So a whole query, however deep, is one statement, and the
 * number of statements never depends on page sizes or data.
 *
 * JSON keys are the selection's response keys (aliases), so the same field selected
 * twice with other arguments stays apart; the engine's resolvers (resolvers.ts) read
 * them back. Keys starting with "$" (never a GraphQL name) carry what a resolver needs
 * that is not itself a field: the record's type and key, cursor values.
 *
 * An argument that is refused while compiling (a bad cursor, a page too large) does not
 * fail the whole statement: the field compiles to an error marker, and its resolver
 * raises the error at the field's own path, as a resolver would have.
 */
import {
  getNamedType,
  isAbstractType,
  isObjectType,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { collectSubfields } from 'graphql/execution/collectFields';
import { getArgumentValues } from 'graphql/execution/values';
import { SqlBuilder } from '../shared/pagination/sql-builder';
import { toPageRequest, type PageRequest } from '../shared/pagination/connection-arguments';
import { countSelect, pageSelect, type Ordering } from '../shared/pagination/keyset';
import type { Listing, NestedSource } from '../shared/pagination/listing';
import { columnsOf } from './columns';
import { readsOfType, type DeclaredValues, type FieldRead, type RecordReads } from './record-reads';

/** Where a compiled field's error sits in the answer: `{ "$error": index into ReadCompiler.errors }`. */
export const errorMarkerKey = '$error';

/** json_build_object takes at most 100 arguments; larger objects are built in parts and merged. */
const maximumPairsPerObject = 50;

export function jsonObject(pairs: Array<[string, string]>): string {
  const parts: string[] = [];
  for (let start = 0; start < pairs.length || start === 0; start += maximumPairsPerObject) {
    const chunk = pairs.slice(start, start + maximumPairsPerObject);
    parts.push(`json_build_object(${chunk.map(([key, value]) => `${sqlString(key)}, ${value}`).join(', ')})`);
    if (pairs.length === 0) break;
  }
  return parts.length === 1 ? parts[0] : `(${parts.map((part) => `${part}::jsonb`).join(' || ')})::json`;
}

/** A string literal; response keys and type names are GraphQL names, but quote them properly anyway. */
export function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** The global ID of `typeName`'s record in `row`, as encodeGlobalId computes it (base64url of "Type:key"). */
function globalIdSql(typeName: string, row: string): string {
  return `rtrim(translate(encode(convert_to(${sqlString(`${typeName}:`)} || ${row}.id, 'UTF8'), 'base64'), '+/', '-_'), '=')`;
}

export interface CompileSettings {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  /** Whether the request may read admin-only types (API keys, the audit log). */
  admin: boolean;
}

/** A connection's page as its fields are compiled: the page's rows (alias `page`), how they were asked for, and the total. */
interface PageOfRows {
  reads: RecordReads;
  page: string;
  request: PageRequest;
  scope: string;
  ordering: Ordering;
  count(): string;
}

export class ReadCompiler {
  readonly sql = new SqlBuilder();
  private aliasCount = 0;

  constructor(
    readonly settings: CompileSettings,
    /** Errors of fields that could not be compiled, referred to by error markers (shared by the request's compilers). */
    private readonly errors: unknown[],
  ) {}

  /** A fresh table alias, so nested subqueries never shadow the rows they refer to. */
  alias(): string {
    return `r${++this.aliasCount}`;
  }

  /** The field's arguments, coerced and with defaults, as graphql-js gives them to resolvers. */
  argumentsOf(field: GraphQLField<unknown, unknown>, node: FieldNode): DeclaredValues {
    return getArgumentValues(field, node, this.settings.variables);
  }

  /** The fields `fieldNodes` select on `type`, by response key (fragments, @include and @skip applied). */
  subfields(type: GraphQLObjectType, fieldNodes: readonly FieldNode[]): Map<string, readonly FieldNode[]> {
    return collectSubfields(this.settings.schema, this.settings.fragments, this.settings.variables, type, fieldNodes as FieldNode[]);
  }

  /** Compiles `compile()`, or an error marker if it throws (see the module comment). */
  guarded<Result extends string | undefined>(compile: () => Result): Result | string {
    const parameterCount = this.sql.parameters.length;
    try {
      return compile();
    } catch (error) {
      this.sql.parameters.length = parameterCount; // a half-compiled field leaves no parameters behind
      this.errors.push(error);
      return `json_build_object('${errorMarkerKey}', ${this.errors.length - 1})`;
    }
  }

  /**
   * The JSON object of the record of `reads` in the row `row`, with the fields that
   * `fieldNodes` select on `type`. `withType` adds "$type" (for fields of an abstract type).
   */
  recordObject(reads: RecordReads, row: string, type: GraphQLObjectType, fieldNodes: readonly FieldNode[], withType = false): string {
    const pairs: Array<[string, string]> = [];
    let needsKey = withType;
    for (const [responseKey, nodes] of this.subfields(type, fieldNodes)) {
      const fieldName = nodes[0].name.value;
      if (fieldName === '__typename') {
        pairs.push([responseKey, sqlString(type.name)]);
        continue;
      }
      const expression = this.guarded(() => this.fieldExpression(reads, row, type, fieldName, nodes));
      if (expression === undefined) {
        needsKey = true; // a field with a resolver of its own, which is given the record's key
        continue;
      }
      pairs.push([responseKey, expression]);
    }
    if (needsKey) pairs.push(['$key', `${row}.id`]);
    if (withType) pairs.push(['$type', sqlString(type.name)]);
    return jsonObject(pairs);
  }

  /** The field's JSON expression; undefined for a field with a resolver of its own. */
  private fieldExpression(reads: RecordReads, row: string, type: GraphQLObjectType, fieldName: string, nodes: readonly FieldNode[]): string | undefined {
    const declared: FieldRead | undefined = reads.fields[fieldName];
    if (declared) return this.declaredField(declared, row, type, fieldName, nodes);
    if (fieldName === 'id') return globalIdSql(reads.typeName, row);
    const column = columnsOf(reads.entity).get(fieldName);
    return column?.sql(row);
  }

  private declaredField(declared: FieldRead, row: string, type: GraphQLObjectType, fieldName: string, nodes: readonly FieldNode[]): string {
    const field = type.getFields()[fieldName];
    switch (declared.kind) {
      case 'computed':
        if (declared.sql) return declared.sql(row);
        return `json_build_object(${declared.columns.map((column) => `${sqlString(column)}, ${row}.${column}`).join(', ')})`;
      case 'expression':
        return declared.sql(row);
      case 'toOne': {
        const target = declared.target();
        const alias = this.alias();
        const object = this.recordObject(target, alias, this.objectTypeOf(field), nodes);
        return `(SELECT ${object} FROM ${target.table} ${alias} WHERE ${alias}.id = ${row}.${declared.column})`;
      }
      case 'toMany': {
        const target = declared.target();
        const alias = this.alias();
        const object = this.recordObject(target, alias, this.objectTypeOf(field), nodes);
        // The first maximumItems rows only: what the node budget counts, whatever the data holds.
        const rows = `(SELECT ${alias}.* FROM ${declared.from(row, alias)} ORDER BY ${declared.orderBy(alias)} LIMIT ${declared.maximumItems}) ${alias}`;
        return `(SELECT coalesce(json_agg(${object} ORDER BY ${declared.orderBy(alias)}), '[]'::json) FROM ${rows})`;
      }
      case 'connection': {
        const args = this.argumentsOf(field, nodes[0]);
        const source = declared.source(args);
        const scope = declared.scope?.(args) ?? `${type.name}.${fieldName}`;
        return this.connection(declared.listing(), { ...source, scope }, args, this.objectTypeOf(field), nodes, `${row}.id`);
      }
    }
  }

  /** The object type a field returns (connections, relations); abstract types are not compiled inline. */
  objectTypeOf(field: GraphQLField<unknown, unknown>): GraphQLObjectType {
    const type = getNamedType(field.type);
    if (!isObjectType(type))
      throw new Error(`the read engine cannot compile ${field.name}: ${type.name} is ${isAbstractType(type) ? 'abstract' : 'not an object type'}`);
    return type;
  }

  /**
   * A page of a listing as the JSON of its connection type: nested under the row whose
   * key is `ownerKey` through `source`, or a root list when `source` is null.
   */
  connection(
    listing: Listing,
    source: (NestedSource & { scope: string }) | null,
    args: DeclaredValues,
    connectionType: GraphQLObjectType,
    fieldNodes: readonly FieldNode[],
    ownerKey?: string,
  ): string {
    const request = toPageRequest(args);
    const ordering = listing.orderingFor(args.orderBy, source?.keyColumn);
    const list = listing.list(source?.scope ?? listing.specification.rootName, args, source?.from);
    const reads = readsOfType(listing.specification.nodeType.name)!;
    const parentCondition = source ? (source.where ?? 'TRUE') : undefined;
    const fields = this.subfields(connectionType, fieldNodes);
    const readsRows = [...fields.values()].some((nodes) => ['nodes', 'edges', 'pageInfo'].includes(nodes[0].name.value));
    if (!readsRows) pageSelect(new SqlBuilder(), list, ordering, request, parentCondition); // checks the cursor all the same
    // Built only where used: every parameter added must appear in the statement.
    const page = this.alias();
    const rows = readsRows
      ? `${source ? `(SELECT ${ownerKey} AS owner) p CROSS JOIN LATERAL ` : ''}(SELECT q.*, row_number() OVER () AS "$n" FROM (${pageSelect(this.sql, list, ordering, request, parentCondition, listing.recordAlias)}) q) ${page}`
      : '';
    const count = () =>
      source
        ? `(SELECT c.count FROM (SELECT ${ownerKey} AS owner) p CROSS JOIN LATERAL (${countSelect(this.sql, list, parentCondition)}) c)`
        : `(${countSelect(this.sql, list)})`;
    const pairs = this.connectionPairs(connectionType, fields, { reads, page, request, scope: list.scope, ordering, count });
    // GROUP BY () makes one answer of the page's rows, even of none.
    return readsRows ? `(SELECT ${jsonObject(pairs)} FROM ${rows} GROUP BY ())` : `(SELECT ${jsonObject(pairs)})`;
  }

  /** The connection's selected fields, in selection order (the total counted where it is selected, so its parameters come in order). */
  private connectionPairs(connectionType: GraphQLObjectType, fields: Map<string, readonly FieldNode[]>, page: PageOfRows): Array<[string, string]> {
    const { reads, request, scope, ordering } = page;
    const pairs: Array<[string, string]> = [];
    for (const [responseKey, nodes] of fields) {
      const fieldName = nodes[0].name.value;
      const field = connectionType.getFields()[fieldName];
      if (fieldName === '__typename') pairs.push([responseKey, sqlString(connectionType.name)]);
      else if (fieldName === 'totalCount') pairs.push([responseKey, page.count()]);
      else if (fieldName === 'nodes')
        pairs.push([responseKey, this.pageItems(page.page, request, this.recordObject(reads, page.page, this.objectTypeOf(field), nodes))]);
      else if (fieldName === 'edges')
        pairs.push([responseKey, this.pageItems(page.page, request, this.edgeObject(reads, page.page, scope, ordering, this.objectTypeOf(field), nodes))]);
      else if (fieldName === 'pageInfo') pairs.push([responseKey, this.pageInfoObject(page.page, request, scope, ordering, this.objectTypeOf(field), nodes)]);
    }
    return pairs;
  }

  /** The page's rows (without the one read to know whether more follow), in the order asked for. */
  private pageItems(page: string, request: PageRequest, item: string): string {
    return `coalesce(json_agg(${item} ORDER BY ${page}."$n" ${request.forwards ? 'ASC' : 'DESC'}) FILTER (WHERE ${page}."$n" <= ${request.size}), '[]'::json)`;
  }

  /** What a cursor is made of: the list's scope and ordering, then the row's sort values. */
  private cursorValues(page: string, scope: string, ordering: Ordering): string {
    return `json_build_array(${sqlString(`${scope}:${ordering.name}`)}, ${ordering.columns.map((_, index) => `${page}.s${index}`).join(', ')})`;
  }

  private edgeObject(
    reads: RecordReads,
    page: string,
    scope: string,
    ordering: Ordering,
    edgeType: GraphQLObjectType,
    fieldNodes: readonly FieldNode[],
  ): string {
    const pairs: Array<[string, string]> = [];
    for (const [responseKey, nodes] of this.subfields(edgeType, fieldNodes)) {
      const fieldName = nodes[0].name.value;
      if (fieldName === '__typename') pairs.push([responseKey, sqlString(edgeType.name)]);
      else if (fieldName === 'cursor') pairs.push([responseKey, this.cursorValues(page, scope, ordering)]);
      else if (fieldName === 'node') pairs.push([responseKey, this.recordObject(reads, page, this.objectTypeOf(edgeType.getFields().node), nodes)]);
    }
    return jsonObject(pairs);
  }

  private pageInfoObject(
    page: string,
    request: PageRequest,
    scope: string,
    ordering: Ordering,
    pageInfoType: GraphQLObjectType,
    fieldNodes: readonly FieldNode[],
  ): string {
    const more = `(count(${page}."$n") > ${request.size})`;
    const hasCursor = request.cursor !== null ? 'true' : 'false';
    const cursorAt = (first: boolean) =>
      `(array_agg(${this.cursorValues(page, scope, ordering)} ORDER BY ${page}."$n" ${request.forwards === first ? 'ASC' : 'DESC'}) FILTER (WHERE ${page}."$n" <= ${request.size}))[1]`;
    const pairs: Array<[string, string]> = [['$engine', 'true']];
    for (const [responseKey, nodes] of this.subfields(pageInfoType, fieldNodes)) {
      const fieldName = nodes[0].name.value;
      if (fieldName === '__typename') pairs.push([responseKey, sqlString(pageInfoType.name)]);
      else if (fieldName === 'hasNextPage') pairs.push([responseKey, request.forwards ? more : hasCursor]);
      else if (fieldName === 'hasPreviousPage') pairs.push([responseKey, request.forwards ? hasCursor : more]);
      else if (fieldName === 'startCursor') pairs.push([responseKey, cursorAt(true)]);
      else if (fieldName === 'endCursor') pairs.push([responseKey, cursorAt(false)]);
    }
    return jsonObject(pairs);
  }

  /** The record of `reads` found by `where` (a condition on `alias`), or null. */
  lookup(reads: RecordReads, type: GraphQLObjectType, fieldNodes: readonly FieldNode[], where: (alias: string) => string, withType = false): string {
    const alias = this.alias();
    return `(SELECT ${this.recordObject(reads, alias, type, fieldNodes, withType)} FROM ${reads.table} ${alias} WHERE ${where(alias)})`;
  }
}

/** A record as the engine compiles it: its selected fields by response key, and "$key" when a resolver of its own needs it. */
export type CompiledRecord = Record<string, unknown> & { $key?: number; $type?: string };

/** The key of a compiled record, for the resolvers of fields the engine does not compile (related records, timelines). */
export function keyOf(record: CompiledRecord): number {
  if (typeof record.$key !== 'number') throw new Error('a compiled record was read without its key');
  return record.$key;
}
