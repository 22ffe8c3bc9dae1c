/**
 * The read engine for one request. Root fields: every engine root field of the
 * operation is compiled into one statement, run once, and each field's resolver picks
 * its part. Records named by other resolvers (search hits, related lessons, mutation
 * payloads): loaded by key with the selection under them, one statement per record type
 * and selection for all of a level's records (a DataLoader per selection).
 *
 * A second line of defence behind the node budget: every statement's answer is measured
 * in PostgreSQL (octet_length of its JSON) and withheld when over the request's byte
 * limit, and the bytes of a request's statements add up, so that a flaw in the estimate
 * can never cost the server more than `maximumAnswerBytes` of answer (RESPONSE_TOO_LARGE).
 */
import DataLoader from 'dataloader';
import { getNamedType, GraphQLError, type FieldNode, type GraphQLObjectType, type GraphQLResolveInfo, type OperationDefinitionNode } from 'graphql';
import { collectFields } from 'graphql/execution/collectFields';
import type { DataSource } from 'typeorm';
import { ReadCompiler, jsonObject, type CompileSettings } from './compiler';
import { readsOfType } from './record-reads';
import { compiledStatementFor, keepCompiledStatement, type CompiledStatement } from './compiled-statements';
import { rootReadOf } from './root-reads';
import { runReadStatement } from './statement-runner';
import { ErrorCode } from '../shared/error-codes';

/** What a non-engine resolver returns for a record: its type and key (or a TypeORM entity, which has both). */
export interface RecordReference {
  typeName: string;
  key: number;
}

/** The most bytes of answer the engine reads for one request, unless the server says otherwise. */
export const defaultMaximumAnswerBytes = 16 * 1024 * 1024;

function answerTooLarge(bytes: number, maximum: number): GraphQLError {
  return new GraphQLError(
    `The answer would take over ${bytes.toLocaleString('en-US')} bytes, over the limit of ${maximum.toLocaleString('en-US')}; ask for smaller pages or fewer fields`,
    { extensions: { code: ErrorCode.RESPONSE_TOO_LARGE, maximum, actual: bytes } },
  );
}

export class RequestReads {
  /** Bytes of answer read so far for this request. */
  private answerBytes = 0;
  /** Errors of fields that failed to compile; error markers in answers point here. */
  private readonly errors: unknown[] = [];
  private readonly roots = new Map<OperationDefinitionNode, Promise<Record<string, unknown>>>();
  private readonly recordLoaders = new WeakMap<readonly FieldNode[], Map<string, DataLoader<number, unknown>>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly admin: boolean,
    private readonly maximumAnswerBytes = defaultMaximumAnswerBytes,
  ) {}

  /** Counts a statement's bytes against the request's limit (PostgreSQL withheld the data when that one alone was over). */
  private spend(bytes: number): void {
    this.answerBytes += bytes;
    if (this.answerBytes > this.maximumAnswerBytes) throw answerTooLarge(this.answerBytes, this.maximumAnswerBytes);
  }

  error(index: number): unknown {
    return this.errors[index];
  }

  private compiler(info: GraphQLResolveInfo): ReadCompiler {
    const settings: CompileSettings = { schema: info.schema, fragments: info.fragments, variables: info.variableValues, admin: this.admin };
    return new ReadCompiler(settings, this.errors);
  }

  /** The value of a root field the engine answers (see root-reads.ts). */
  async rootField(info: GraphQLResolveInfo): Promise<unknown> {
    let root = this.roots.get(info.operation);
    if (!root) {
      root = this.readRoot(info);
      this.roots.set(info.operation, root);
    }
    return (await root)[info.path.key as string];
  }

  private async readRoot(info: GraphQLResolveInfo): Promise<Record<string, unknown>> {
    const { text, parameters } = this.compileRoot(info);
    const [row] = await runReadStatement<{ data: Record<string, unknown>; bytes: number }>(this.dataSource, text, parameters);
    this.spend(row.bytes);
    return row.data;
  }

  /** The operation's root statement: compiled, or as compiled before for the same operation and variables. */
  private compileRoot(info: GraphQLResolveInfo): CompiledStatement {
    // Error markers number this request's errors from here; a kept statement's are valid only from zero.
    const reusable = this.errors.length === 0;
    const kept = reusable ? compiledStatementFor(info.operation, info.variableValues, this.admin) : undefined;
    if (kept) {
      this.errors.push(...kept.errors);
      return kept;
    }
    const compiler = this.compiler(info);
    const queryType = info.parentType;
    const pairs: Array<[string, string]> = [];
    for (const [responseKey, nodes] of collectFields(info.schema, info.fragments, info.variableValues, queryType, info.operation.selectionSet)) {
      const fieldName = nodes[0].name.value;
      const read = rootReadOf(fieldName);
      if (!read) continue;
      const field = queryType.getFields()[fieldName];
      pairs.push([
        responseKey,
        compiler.guarded(() => read(compiler, compiler.argumentsOf(field, nodes[0]), getNamedType(field.type) as GraphQLObjectType, nodes)),
      ]);
    }
    // OFFSET 0 keeps PostgreSQL from pulling the subquery up, which would build the answer once per reference to it.
    const text = `SELECT CASE WHEN octet_length(answer.data::text) <= ${this.maximumAnswerBytes} THEN answer.data END AS data, octet_length(answer.data::text) AS bytes FROM (SELECT ${jsonObject(pairs)} AS data OFFSET 0) answer`;
    const statement: CompiledStatement = { text, parameters: compiler.sql.parameters, errors: [...this.errors] };
    if (reusable) keepCompiledStatement(info.operation, info.variableValues, this.admin, statement);
    return statement;
  }

  /** Whether each referenced record exists and may be read: one statement for all. */
  async exist(references: RecordReference[]): Promise<boolean[]> {
    const values: unknown[] = [];
    const checks = references.map((reference) => {
      const reads = readsOfType(reference.typeName);
      if (!reads || (reads.adminOnly && !this.admin)) return 'false';
      values.push(reference.key);
      return `EXISTS (SELECT 1 FROM ${reads.table} WHERE id = $${values.length}::int)`;
    });
    const [row] = await runReadStatement<{ found: boolean[] }>(this.dataSource, `SELECT ARRAY[${checks.join(', ')}]::boolean[] AS found`, values);
    return row.found;
  }

  /** The record a reference names, with the fields `info` selects under it; null when it does not exist or may not be read. */
  record(reference: RecordReference, info: GraphQLResolveInfo): Promise<unknown> {
    const reads = readsOfType(reference.typeName);
    if (!reads || (reads.adminOnly && !this.admin)) return Promise.resolve(null);
    let byType = this.recordLoaders.get(info.fieldNodes);
    if (!byType) {
      byType = new Map();
      this.recordLoaders.set(info.fieldNodes, byType);
    }
    let loader = byType.get(reference.typeName);
    if (!loader) {
      loader = new DataLoader(
        async (keys: readonly number[]) => {
          const compiler = this.compiler(info);
          const type = info.schema.getType(reference.typeName) as GraphQLObjectType;
          const alias = compiler.alias();
          const keysParameter = compiler.sql.param([...new Set(keys)], 'int[]');
          const object = compiler.recordObject(reads, alias, type, info.fieldNodes, true);
          const records = `SELECT ${alias}.id AS key, ${object} AS data FROM unnest(${keysParameter}) AS wanted(key) JOIN ${reads.table} ${alias} ON ${alias}.id = wanted.key`;
          const rows = await runReadStatement<{ key: number; data: unknown; bytes: number }>(
            this.dataSource,
            `SELECT key, CASE WHEN bytes <= ${this.maximumAnswerBytes} THEN data END AS data, bytes FROM (SELECT key, data, sum(octet_length(data::text)) OVER ()::bigint AS bytes FROM (${records} OFFSET 0) measured) answer`,
            compiler.sql.parameters,
          );
          if (rows.length > 0) this.spend(Number(rows[0].bytes));
          const byKey = new Map(rows.map((row) => [row.key, row.data]));
          return keys.map((key) => byKey.get(key) ?? null);
        },
        { cache: false },
      );
      byType.set(reference.typeName, loader);
    }
    return loader.load(reference.key);
  }
}
