/**
 * The root query fields the read engine answers: lookups by a human key (`brief(slug:)`),
 * root lists (`briefs`), and `node`/`nodes` by global ID. Feature folders declare theirs
 * in their `<name>.reads.ts`; every engine root field of an operation is compiled into
 * the same statement.
 */
import type { FieldNode, GraphQLObjectType } from 'graphql';
import { decodeGlobalId } from '../shared/global-id';
import type { Listing } from '../shared/pagination/listing';
import type { SqlBuilder } from '../shared/pagination/sql-builder';
import { userInputError } from '../shared/user-input-error';
import type { ReadCompiler } from './compiler';
import { readsOfType, type DeclaredValues, type RecordReads } from './record-reads';

/** Compiles one root field to a JSON expression, given its arguments and selection. */
export type RootRead = (compiler: ReadCompiler, args: DeclaredValues, returnType: GraphQLObjectType, fieldNodes: readonly FieldNode[]) => string;

const rootReads = new Map<string, RootRead>();

export function defineRootReads(reads: Record<string, RootRead>): void {
  for (const [fieldName, read] of Object.entries(reads)) {
    if (rootReads.has(fieldName)) throw new Error(`the root field ${fieldName} is declared twice`);
    rootReads.set(fieldName, read);
  }
}

export function rootReadOf(fieldName: string): RootRead | undefined {
  return rootReads.get(fieldName);
}

/** The record whose columns match `where` (built from the arguments), or null. */
export function rootLookup(reads: () => RecordReads, where: (args: DeclaredValues, sql: SqlBuilder, alias: string) => string): RootRead {
  return (compiler, args, returnType, fieldNodes) => compiler.lookup(reads(), returnType, fieldNodes, (alias) => where(args, compiler.sql, alias));
}

/** A root field only admins may read (their resolvers refuse others; this keeps the statement from reading it for them). */
export function adminOnly(read: RootRead): RootRead {
  return (compiler, args, returnType, fieldNodes) => (compiler.settings.admin ? read(compiler, args, returnType, fieldNodes) : 'NULL::json');
}

/** Every record of a small table, in order (`sourceDocuments`): never a connection, so the table stays small. */
export function rootList(reads: () => RecordReads, orderBy: (alias: string) => string): RootRead {
  return (compiler, _args, returnType, fieldNodes) => {
    const alias = compiler.alias();
    const target = reads();
    return `(SELECT coalesce(json_agg(${compiler.recordObject(target, alias, returnType, fieldNodes)} ORDER BY ${orderBy(alias)}), '[]'::json) FROM ${target.table} ${alias})`;
  };
}

/** A root list: a page of the listing, filtered and ordered by the arguments. */
export function rootConnection(listing: () => Listing): RootRead {
  return (compiler, args, returnType, fieldNodes) => compiler.connection(listing(), null, args, returnType, fieldNodes);
}

/** The record a global ID names, or null: an unknown type, no such record, or a type the viewer may not read. */
function nodeByGlobalId(compiler: ReadCompiler, globalId: string, argumentName: string, fieldNodes: readonly FieldNode[]): string {
  const { typeName, key } = decodeGlobalId(globalId, argumentName);
  const reads = readsOfType(typeName);
  if (!reads || (reads.adminOnly && !compiler.settings.admin)) return 'NULL::json';
  const type = compiler.settings.schema.getType(typeName) as GraphQLObjectType;
  return compiler.lookup(reads, type, fieldNodes, (alias) => `${alias}.id = ${compiler.sql.param(key, 'int')}`, true);
}

export const maximumNodeIds = 100;

export const nodeReads: Record<string, RootRead> = {
  node: (compiler, args, _returnType, fieldNodes) => nodeByGlobalId(compiler, args.id, 'id', fieldNodes),
  nodes: (compiler, args, _returnType, fieldNodes) => {
    const ids = args.ids as string[];
    if (ids.length > maximumNodeIds) throw userInputError('ids', `may hold at most ${maximumNodeIds} IDs, got ${ids.length}`);
    if (ids.length === 0) return `'[]'::json`;
    return `json_build_array(${ids.map((id, index) => nodeByGlobalId(compiler, id, `ids[${index}]`, fieldNodes)).join(', ')})`;
  },
};
