/**
 * Gives the schema built by type-graphql the read engine's resolvers:
 * - fields of record types that the engine compiles (columns, declared relations and
 *   connections, computed values), and the fields of the connections, edges and page
 *   infos it builds, read the value compiled for their response key;
 * - root fields the engine answers (root-reads.ts) call readRootField themselves, and
 *   take their part of the statement compiled for the operation's root;
 * - fields of other types that return records (search hits, related lessons, mutation
 *   payloads) turn the references their resolvers return into records, loaded by key;
 * - abstract types tell compiled records apart by their "$type".
 * The resolvers declared with type-graphql for these fields state the same thing in one
 * line (`compiledValue`); setting them directly skips type-graphql's per-call wrapping.
 */
import {
  defaultFieldResolver,
  getNamedType,
  isAbstractType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLAbstractType,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import type { RequestContext } from '../context';
import { connectionTypeNames, edgeTypeNames } from '../shared/pagination/connection';
import { encodeCursor, type CursorValue } from '../shared/pagination/cursor';
import { columnsOf } from './columns';
import { errorMarkerKey } from './compiler';
import { readsOfType, type ComputedField, type DeclaredValue, type RecordReads } from './record-reads';
import type { RecordReference } from './request-reads';
import { rootReadOf } from './root-reads';

type Source = Record<string, unknown>;
type Resolver = GraphQLFieldResolver<Source, RequestContext>;

/**
 * How a field the engine compiled is read without calling its resolver (direct-answer.ts):
 * the compiled value as it is, a cursor to sign, a page info's field (engine-built only),
 * or a value computed from the compiled one.
 */
export type DirectRead = 'compiled' | 'cursor' | 'pageInfo' | 'pageInfoCursor' | ComputedField;

const directReads = new WeakMap<GraphQLField<unknown, unknown>, DirectRead>();

/** How the engine's resolver of `field` reads it, if the engine installed one. */
export function directReadOf(field: GraphQLField<unknown, unknown>): DirectRead | undefined {
  return directReads.get(field);
}

function install(field: GraphQLField<unknown, unknown>, resolve: Resolver, direct: DirectRead): void {
  field.resolve = resolve as GraphQLFieldResolver<unknown, unknown>;
  directReads.set(field, direct);
}

/** The value compiled for this field's response key; a field that failed to compile raises its error here, at its own path. */
export function compiledValue(source: Source, info: Pick<GraphQLResolveInfo, 'path'>, context: RequestContext): DeclaredValue {
  const value = source[info.path.key as string];
  if (value !== null && typeof value === 'object' && errorMarkerKey in value) throw context.reads.error((value as Record<string, number>)[errorMarkerKey]);
  return value;
}

const readCompiled: Resolver = (source, _args, context, info) => compiledValue(source, info, context);

/**
 * A root field the engine answers (root-reads.ts): its part of the one statement compiled
 * for the operation's root fields. Root resolvers call it themselves, after type-graphql
 * has checked @Authorized.
 */
export async function readRootField(context: RequestContext, info: GraphQLResolveInfo): Promise<DeclaredValue> {
  const value = await context.reads.rootField(info);
  return compiledValue({ [info.path.key]: value }, info, context);
}

/** A cursor compiled as [scope, ...sort values], signed here. */
const readCursor: Resolver = (source, _args, context, info) => {
  const values = compiledValue(source, info, context) as CursorValue[] | null;
  return values ? encodeCursor(values[0] as string, values.slice(1)) : null;
};

/** PageInfo is also built by search; only the engine's carry "$engine". */
const pageInfoField =
  (compiled: Resolver): Resolver =>
  (source, args, context, info) =>
    source.$engine ? compiled(source, args, context, info) : defaultFieldResolver(source, args, context, info);

function isCompiledField(reads: RecordReads, fieldName: string): boolean {
  return fieldName in reads.fields || fieldName === 'id' || columnsOf(reads.entity).has(fieldName);
}

function installRecordType(type: GraphQLObjectType, reads: RecordReads): void {
  for (const field of Object.values(type.getFields())) {
    const declared = reads.fields[field.name];
    if (declared?.kind === 'computed') {
      install(field, (source, args, context, info) => declared.compute(compiledValue(source, info, context), args), declared);
    } else if (isCompiledField(reads, field.name)) {
      install(field, readCompiled, 'compiled');
    }
    // Other fields keep their own resolvers, which find the record's key in "$key".
  }
}

/** The fields of the connections, edges and page infos the engine builds. */
function installPageType(type: GraphQLObjectType): void {
  for (const field of Object.values(type.getFields())) {
    const cursor = field.name === 'cursor' || field.name.endsWith('Cursor');
    if (connectionTypeNames.has(type.name)) install(field, readCompiled, 'compiled');
    else if (edgeTypeNames.has(type.name)) install(field, cursor ? readCursor : readCompiled, cursor ? 'cursor' : 'compiled');
    else install(field, pageInfoField(cursor ? readCursor : readCompiled), cursor ? 'pageInfoCursor' : 'pageInfo');
  }
}

/** The record types (and abstract types of records) a field returns, if any. */
function returnsRecords(schema: GraphQLSchema, type: GraphQLOutputType): boolean {
  const named = getNamedType(type);
  if (isObjectType(named)) return readsOfType(named.name) !== undefined;
  return isAbstractType(named) && schema.getPossibleTypes(named).some((possible) => readsOfType(possible.name) !== undefined);
}

function referenceOf(value: unknown): RecordReference {
  if (typeof value === 'object' && value !== null && 'typeName' in value) return value as RecordReference;
  const entity = value as { key: number; constructor: { name: string } };
  return { typeName: entity.constructor.name, key: entity.key };
}

/** Loads the records that `value` references (one, a list, or nulls), keeping its shape. */
function loadReferenced(value: unknown, type: GraphQLOutputType, context: RequestContext, info: GraphQLResolveInfo): unknown {
  if (value === null || value === undefined) return value;
  const nullable = isNonNullType(type) ? type.ofType : type;
  if (isListType(nullable)) return (value as unknown[]).map((item) => loadReferenced(item, nullable.ofType, context, info));
  return context.reads.record(referenceOf(value), info);
}

function installReferenceField(field: GraphQLField<unknown, RequestContext>): void {
  const resolve = field.resolve ?? defaultFieldResolver;
  field.resolve = (source, args, context, info) => {
    const value = resolve(source, args, context, info);
    return value instanceof Promise
      ? value.then((resolved) => loadReferenced(resolved, field.type, context, info))
      : loadReferenced(value, field.type, context, info);
  };
}

/** Abstract types tell compiled records ("$type") and references ("typeName") apart before asking their own resolveType. */
function installAbstractType(type: GraphQLAbstractType): void {
  const resolveType = type.resolveType;
  type.resolveType = (value, context, info, abstractType) =>
    (value as { $type?: string }).$type ?? (value as { typeName?: string }).typeName ?? resolveType?.(value, context, info, abstractType);
}

function installObjectType(schema: GraphQLSchema, type: GraphQLObjectType): void {
  const reads = readsOfType(type.name);
  if (reads) installRecordType(type, reads);
  else if (connectionTypeNames.has(type.name) || edgeTypeNames.has(type.name) || type.name === 'PageInfo') installPageType(type);
  else {
    // Engine root fields keep their own resolvers (which check @Authorized, then call readRootField).
    const isQuery = type === schema.getQueryType();
    for (const field of Object.values(type.getFields()))
      if (!(isQuery && rootReadOf(field.name)) && returnsRecords(schema, field.type)) installReferenceField(field as GraphQLField<unknown, RequestContext>);
  }
}

/** Installs the engine's resolvers into `schema` (built once; see the module comment). */
export function installReadResolvers(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isAbstractType(type)) installAbstractType(type);
    else if (isObjectType(type)) installObjectType(schema, type);
  }
  return schema;
}
