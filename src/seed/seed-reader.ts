/**
 * Reads seed documents (YAML or JSON: files, one file or a folder of them, or
 * documents already in memory, such as an upload) into a validated dataset. Every
 * problem is collected, not just the first, each naming the file, the line, the
 * record and the field, so one run shows everything to fix.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { checkObject, describe, isKeyShaped, lessonReferencePattern, shortened } from './field-checks';
import { hasLoneSurrogate } from '../shared/value-rules';
import { SeedValidationError, type SeedProblem } from './seed-problem';
import type { LocatedRecord, ReportRecordProblem } from './seed-record-type';
import { seedRecordTypes } from './seed-record-types';
import { collectionNames, collections, type CollectionName, type Dataset, type FieldSpec } from './seed-schema';

export { formatSeedProblem, SeedValidationError, type SeedProblem } from './seed-problem';

/** A seed file's name (as problems should name it) and its content: text, or bytes that must be UTF-8. */
export interface SeedDocument {
  name: string;
  content: string | Uint8Array;
}

const maximumFileBytes = 20 * 1024 * 1024;

function byteLength(content: string | Uint8Array): number {
  return typeof content === 'string' ? Buffer.byteLength(content, 'utf8') : content.byteLength;
}

/**
 * Alias expansion is bounded over the whole document, not just per record: a thousand
 * records each aliasing one large anchor expand as surely as one "billion laughs"
 * record, and would hold the event loop for seconds.
 */
const maximumDocumentAliasExpansion = 1000;

function expandsTooMuch(document: Document): boolean {
  try {
    document.toJS({ maxAliasCount: maximumDocumentAliasExpansion });
    return false;
  } catch (error) {
    if (error instanceof ReferenceError) return true; // yaml's "Excessive alias count"
    throw error;
  }
}

/** Lists the seed files of a path: the file itself, or the folder's .yaml/.yml/.json files in name order. */
export function listSeedFiles(target: string): string[] {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) throw new SeedValidationError([{ file: target, message: 'no such file or folder' }]);
  if (stat.isFile()) return [target];
  return fs
    .readdirSync(target)
    .filter((name) => /\.(ya?ml|json)$/i.test(name))
    .sort()
    .map((name) => path.join(target, name));
}

/**
 * A reference to a record the documents do not hold (an import of one brief naming an
 * organization already in the knowledge base): allowed when reading for an import,
 * then looked up in the database (src/transfer/external-references.ts).
 */
export interface ExternalReference {
  collection: CollectionName | 'lessons';
  /** A slug, a meeting number, or "brief-slug#position" for lessons. */
  key: string | number;
  /** What to report when the database does not have it either. */
  problem: SeedProblem;
}

export interface ReadResult {
  dataset: Dataset;
  externalReferences: ExternalReference[];
}

type KeyIndex = Map<CollectionName, Map<unknown, LocatedRecord>>;
type LineOf = (node: YamlNode | null | undefined) => number | undefined;

/** Decodes a document's content, or reports why it is not text (and returns undefined). */
function decodedText(displayName: string, content: string | Uint8Array, problems: SeedProblem[]): string | undefined {
  if (typeof content === 'string') {
    if (!hasLoneSurrogate(content)) return content;
    problems.push({ file: displayName, message: 'the file is not valid Unicode text (it holds a lone surrogate)' });
    return undefined;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    problems.push({ file: displayName, message: 'the file is not valid UTF-8 text' });
    return undefined;
  }
}

/** Reports a document's YAML errors, once per line and reason. */
function yamlProblems(displayName: string, document: Document, lineCounter: LineCounter): SeedProblem[] {
  const problems: SeedProblem[] = [];
  const reported = new Set<string>();
  for (const error of document.errors) {
    const line = lineCounter.linePos(error.pos[0]).line;
    // The parser recurses per level of nesting; say what that means for the file rather than quote the stack overflow.
    const reason = /call stack size/i.test(error.message) ? 'lists or mappings are nested too deeply' : error.message.split('\n')[0];
    if (reported.has(`${line}:${reason}`)) continue;
    reported.add(`${line}:${reason}`);
    problems.push({ file: displayName, line, message: `not valid YAML or JSON: ${reason}` });
  }
  return problems;
}

/** How problems name a record: its collection and index, and its key when it has one. */
function recordLabel(collection: CollectionName, index: number, value: unknown): string {
  const keyField = collections[collection].key;
  const keyValue = keyField && value && typeof value === 'object' ? (value as Record<string, unknown>)[keyField] : undefined;
  const shownKey = typeof keyValue === 'string' ? JSON.stringify(shortened(keyValue)) : typeof keyValue === 'number' ? String(keyValue) : undefined;
  return `${collection}[${index}]${shownKey !== undefined ? ` (${keyField} ${shownKey})` : ''}`;
}

/** The singular noun problems use for a record of a collection. */
function singular(collection: CollectionName): string {
  return collection === 'people' ? 'person' : collection.replace(/s$/, '');
}

class DatasetBuilder {
  readonly problems: SeedProblem[] = [];
  readonly externalReferences: ExternalReference[] = [];

  constructor(private readonly allowExternalReferences = false) {}

  readonly records = new Map<CollectionName, LocatedRecord[]>(collectionNames.map((name) => [name, []]));

  addDocument(displayName: string, content: string | Uint8Array): void {
    if (byteLength(content) > maximumFileBytes) {
      this.problems.push(tooLarge(displayName));
      return;
    }
    const text = decodedText(displayName, content, this.problems);
    if (text === undefined) return;
    const lineCounter = new LineCounter();
    const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
    const lineOf: LineOf = (node) => (node?.range ? lineCounter.linePos(node.range[0]).line : undefined);
    if (document.errors.length > 0) {
      this.problems.push(...yamlProblems(displayName, document, lineCounter));
      return;
    }
    const root = document.contents;
    if (root === null) return;
    if (expandsTooMuch(document)) {
      this.problems.push({
        file: displayName,
        message: `its aliases (*name) expand into too much data (over ${maximumDocumentAliasExpansion} copies in all); write the records out instead`,
      });
      return;
    }
    if (!isMap(root)) {
      this.problems.push({
        file: displayName,
        line: lineOf(root),
        message: `the top level must map collection names (${collectionNames.join(', ')}) to lists of records`,
      });
      return;
    }
    for (const pair of root.items) this.addCollection(pair.key as YamlNode, pair.value as YamlNode | null, document, displayName, lineOf);
  }

  private addCollection(key: YamlNode, value: YamlNode | null, document: Document, file: string, lineOf: LineOf): void {
    const name = String((key as { value?: unknown })?.value ?? key);
    if (!(collectionNames as string[]).includes(name)) {
      this.problems.push({ file, line: lineOf(key), message: `unknown collection "${shortened(name)}"; expected one of ${collectionNames.join(', ')}` });
      return;
    }
    if (!isSeq(value)) {
      this.problems.push({ file, line: lineOf(key), message: `collection "${name}" must be a list of records` });
      return;
    }
    (value.items as YamlNode[]).forEach((item, index) => this.addRecord(name as CollectionName, item, index, document, file, lineOf));
  }

  private addRecord(collection: CollectionName, item: YamlNode, index: number, document: Document, file: string, lineOf: LineOf): void {
    const line = lineOf(item);
    // Alias expansion is capped so that a small file cannot expand into a huge one.
    let value: unknown;
    try {
      value =
        (item as { toJS?: (document: Document, options: object) => unknown }).toJS?.(document, { maxAliasCount: 100 }) ?? (item as { value?: unknown }).value;
    } catch (error) {
      if (!(error instanceof ReferenceError)) throw error;
      const message = 'its aliases (*name) expand into too much data; write the record out instead';
      this.problems.push({ file, line, record: `${collection}[${index}]`, message });
      return;
    }
    const label = recordLabel(collection, index, value);
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      this.problems.push({ file, line, record: label, message: `a record must be an object, got ${describe(value)}` });
      return;
    }
    const fieldLine = (field: string) => {
      const node = isMap(item) ? (item.get(field.split(/[.[]/)[0], true) as YamlNode | undefined) : undefined;
      return lineOf(node) ?? line;
    };
    checkObject(value as Record<string, unknown>, collections[collection].fields, '', (field, message) =>
      this.problems.push({ file, line: fieldLine(field), record: label, field: shortened(field, 100), message }),
    );
    this.records.get(collection)!.push({ value: value as Record<string, unknown>, file, line, label });
  }

  private readonly report: ReportRecordProblem = (record, field, message) =>
    this.problems.push({ file: record.file, line: record.line, record: record.label, field, message });

  /** Cross-record rules: unique keys, references that resolve, and each record type's own rules spanning fields or records. */
  checkRelations(): void {
    const keys = this.checkUniqueKeys();
    for (const name of collectionNames) {
      for (const record of this.records.get(name)!) {
        for (const [field, spec] of Object.entries(collections[name].fields)) this.visitReferences(keys, record, record.value[field], spec, field);
      }
    }
    for (const recordType of seedRecordTypes) recordType.checkRecords?.(this.records.get(recordType.collection)!, this.report);
  }

  /** Indexes each collection's records by key, reporting keys used twice. */
  private checkUniqueKeys(): KeyIndex {
    const keys: KeyIndex = new Map();
    for (const name of collectionNames) {
      const keyField = collections[name].key;
      const seen = new Map<unknown, LocatedRecord>();
      keys.set(name, seen);
      if (!keyField) continue;
      for (const record of this.records.get(name)!) {
        const key = record.value[keyField];
        if (key === undefined) continue;
        const first = seen.get(key);
        if (first) this.report(record, keyField, `duplicate ${keyField}; already used by ${first.label} in ${first.file}${first.line ? `:${first.line}` : ''}`);
        else seen.set(key, record);
      }
    }
    return keys;
  }

  /** Looks up the references a value holds; malformed ones were reported by the field checks, so only well-formed ones are looked up. */
  private visitReferences(keys: KeyIndex, record: LocatedRecord, value: unknown, spec: FieldSpec, field: string): void {
    if (value === undefined || value === null) return;
    if (spec.type === 'ref') this.checkReference(keys, record, value, spec.collection, field);
    else if (spec.type === 'lessonRef' && typeof value === 'string' && lessonReferencePattern.test(value))
      this.checkLessonReference(keys, record, value, field);
    else if (spec.type === 'list' && Array.isArray(value)) {
      if (spec.maxItems && value.length > spec.maxItems) return; // already reported as too long; its items are not checked one by one
      value.forEach((item, index) => this.visitReferences(keys, record, item, spec.of, `${field}[${index}]`));
    } else if (spec.type === 'object' && typeof value === 'object') {
      for (const [name, fieldSpec] of Object.entries(spec.fields))
        this.visitReferences(keys, record, (value as Record<string, unknown>)[name], fieldSpec, `${field}.${name}`);
    }
  }

  private checkReference(keys: KeyIndex, record: LocatedRecord, value: unknown, collection: CollectionName, field: string): void {
    if (!isKeyShaped(collection, value) || keys.get(collection)!.has(value)) return;
    const message = `unknown ${singular(collection)} ${JSON.stringify(value)}; no record in "${collection}" has that ${collections[collection].key}`;
    if (!this.allowExternalReferences) return this.report(record, field, message);
    this.externalReferences.push({
      collection,
      key: value as string | number,
      problem: { file: record.file, line: record.line, record: record.label, field, message: `${message}, in the documents or the database` },
    });
  }

  private checkLessonReference(keys: KeyIndex, record: LocatedRecord, value: string, field: string): void {
    const [briefSlug, position] = value.split('#');
    const brief = keys.get('briefs')!.get(briefSlug);
    const lessons = (brief?.value.lessons as unknown[] | undefined) ?? [];
    if (!brief && this.allowExternalReferences) {
      this.externalReferences.push({
        collection: 'lessons',
        key: value,
        problem: { file: record.file, line: record.line, record: record.label, field, message: `no lesson "${value}" in the documents or the database` },
      });
    } else if (!brief) this.report(record, field, `unknown brief "${briefSlug}" in lesson reference "${value}"`);
    else if (Number(position) > lessons.length)
      this.report(record, field, `brief "${briefSlug}" has ${lessons.length} lesson(s); there is no lesson #${position}`);
  }

  toDataset(): Dataset {
    const dataset = {} as Record<CollectionName, unknown[]>;
    for (const name of collectionNames) dataset[name] = this.records.get(name)!.map((record) => record.value);
    const result = dataset as unknown as Dataset;
    for (const brief of result.briefs) if (brief.published !== undefined) brief.published = String(brief.published);
    return result;
  }
}

function tooLarge(file: string): SeedProblem {
  return { file, message: `the file is larger than ${maximumFileBytes / 1024 / 1024} MB` };
}

function buildDataset(documents: SeedDocument[], earlierProblems: SeedProblem[], allowExternalReferences = false): ReadResult {
  const builder = new DatasetBuilder(allowExternalReferences);
  builder.problems.push(...earlierProblems);
  for (const document of documents) builder.addDocument(document.name, document.content);
  builder.checkRelations();
  if (builder.problems.length > 0) throw new SeedValidationError(builder.problems);
  return { dataset: builder.toDataset(), externalReferences: builder.externalReferences };
}

/**
 * Validates seed documents held in memory (an upload, say) as one dataset, merged in
 * the order given; throws SeedValidationError listing every problem, each naming its
 * document by `name` as it would name a file.
 */
export function readSeedDocuments(documents: SeedDocument[]): Dataset {
  return readSeedDocumentsForImport(documents, false).dataset;
}

/** As readSeedDocuments; with `allowExternalReferences`, references to records not in the documents are returned for a database check instead of refused. */
export function readSeedDocumentsForImport(documents: SeedDocument[], allowExternalReferences = true): ReadResult {
  if (documents.length === 0) throw new SeedValidationError([{ file: '(no documents)', message: 'there is nothing to read: no documents were given' }]);
  return buildDataset(documents, [], allowExternalReferences);
}

/** Reads and validates a seed file or folder; throws SeedValidationError listing every problem. */
export function readSeedDataset(target: string, displayRoot = process.cwd()): Dataset {
  return readSeedFilesForImport(target, displayRoot, false).dataset;
}

/** As readSeedDataset; with `allowExternalReferences`, references to records not in the files are returned for a database check. */
export function readSeedFilesForImport(target: string, displayRoot = process.cwd(), allowExternalReferences = true): ReadResult {
  const files = listSeedFiles(target);
  if (files.length === 0) throw new SeedValidationError([{ file: target, message: 'the folder has no .yaml, .yml or .json files' }]);
  const documents: SeedDocument[] = [];
  const problems: SeedProblem[] = [];
  for (const file of files) {
    const name = path.relative(displayRoot, file) || file;
    // Checked before reading, so that a huge file is never loaded into memory.
    if (fs.statSync(file).size > maximumFileBytes) problems.push(tooLarge(name));
    else documents.push({ name, content: fs.readFileSync(file) });
  }
  return buildDataset(documents, problems, allowExternalReferences);
}
