/**
 * Reads seed documents (YAML or JSON: files, one file or a folder of them, or
 * documents already in memory, such as an upload) into a validated dataset. Every
 * problem is collected, not just the first, each naming the file, the line, the
 * record and the field, so one run shows everything to fix.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { isCalendarDate, isPartialDate } from '../shared/calendar';
import { isSlug, isStateCode, isWebAddress, valueRuleDescriptions } from '../shared/value-rules';
import { checkIdentifier, IdentifierScheme } from '../identifier/identifier-schemes';
import { collectionNames, collections, type CollectionName, type Dataset, type FieldSpec } from './seed-schema';

export interface SeedProblem {
  file: string;
  line?: number;
  record?: string;
  field?: string;
  message: string;
}

export function formatSeedProblem(problem: SeedProblem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  const parts = [where, problem.record, problem.field ? `field "${problem.field}"` : undefined].filter(Boolean);
  return `${parts.join(': ')}: ${problem.message}`;
}

/** A seed file's name (as problems should name it) and its content: text, or bytes that must be UTF-8. */
export interface SeedDocument {
  name: string;
  content: string | Uint8Array;
}

// The message lists this many problems; `problems` always holds them all.
const maximumProblemsInMessage = 1000;

export class SeedValidationError extends Error {
  constructor(readonly problems: SeedProblem[]) {
    const shown = problems.slice(0, maximumProblemsInMessage);
    const hidden = problems.length - shown.length;
    super(
      `the seed data has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
        shown.map((problem) => `  - ${formatSeedProblem(problem)}`).join('\n') +
        (hidden > 0 ? `\n  … and ${hidden} more` : ''),
    );
    this.name = 'SeedValidationError';
  }
}

interface Located<T> {
  value: T;
  file: string;
  line?: number;
  label: string;
}

const lessonReferencePattern = /^[a-z0-9]+(?:-[a-z0-9]+)*#[1-9]\d*$/;
const maximumFileBytes = 20 * 1024 * 1024;
const unpairedSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a reference has the shape of the collection's key (a slug or a meeting number); whether it exists is checked later. */
function isKeyShaped(collection: CollectionName, value: unknown): boolean {
  return collections[collection].key === 'number' ? typeof value === 'number' && Number.isInteger(value) && value > 0 : isSlug(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `"${shortened(value)}"`;
  return String(value);
}

/** Names and values from the input are cut short in messages, so a 10 MB string cannot make a 10 MB message. */
function shortened(text: string, length = 60): string {
  return text.length > length ? text.slice(0, length) + '…' : text;
}

/** Why a string cannot be stored as PostgreSQL text, if it cannot (YAML escapes such as "\0" can produce these). */
function unstorableText(value: string): string | undefined {
  if (value.includes('\0')) return 'must not contain the NUL character (\\0)';
  if (unpairedSurrogate.test(value)) return 'must be valid Unicode text; it holds an unpaired surrogate (\\uD800-\\uDFFF)';
  return undefined;
}

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

class DatasetBuilder {
  readonly problems: SeedProblem[] = [];
  readonly externalReferences: ExternalReference[] = [];

  constructor(private readonly allowExternalReferences = false) {}

  readonly records = new Map<CollectionName, Array<Located<Record<string, unknown>>>>(collectionNames.map((name) => [name, []]));

  addDocument(displayName: string, content: string | Uint8Array): void {
    if (byteLength(content) > maximumFileBytes) {
      this.problems.push(tooLarge(displayName));
      return;
    }
    let text: string;
    if (typeof content === 'string') {
      if (unpairedSurrogate.test(content)) {
        this.problems.push({ file: displayName, message: 'the file is not valid Unicode text (it holds an unpaired surrogate)' });
        return;
      }
      text = content;
    } else {
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(content);
      } catch {
        this.problems.push({ file: displayName, message: 'the file is not valid UTF-8 text' });
        return;
      }
    }
    const lineCounter = new LineCounter();
    const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
    const lineOf = (node: YamlNode | null | undefined) => (node?.range ? lineCounter.linePos(node.range[0]).line : undefined);
    if (document.errors.length > 0) {
      const reported = new Set<string>();
      for (const error of document.errors) {
        const line = lineCounter.linePos(error.pos[0]).line;
        // The parser recurses per level of nesting; say what that means for the file rather than quote the stack overflow.
        const reason = /call stack size/i.test(error.message) ? 'lists or mappings are nested too deeply' : error.message.split('\n')[0];
        if (reported.has(`${line}:${reason}`)) continue;
        reported.add(`${line}:${reason}`);
        this.problems.push({ file: displayName, line, message: `not valid YAML or JSON: ${reason}` });
      }
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
    for (const pair of root.items) {
      const name = String((pair.key as { value?: unknown })?.value ?? pair.key);
      if (!(collectionNames as string[]).includes(name)) {
        this.problems.push({
          file: displayName,
          line: lineOf(pair.key as YamlNode),
          message: `unknown collection "${shortened(name)}"; expected one of ${collectionNames.join(', ')}`,
        });
        continue;
      }
      if (!isSeq(pair.value)) {
        this.problems.push({ file: displayName, line: lineOf(pair.key as YamlNode), message: `collection "${name}" must be a list of records` });
        continue;
      }
      this.addRecords(name as CollectionName, pair.value.items as YamlNode[], document, displayName, lineOf);
    }
  }

  private addRecords(
    collection: CollectionName,
    items: YamlNode[],
    document: Document,
    file: string,
    lineOf: (node: YamlNode | null | undefined) => number | undefined,
  ): void {
    const spec = collections[collection];
    items.forEach((item, index) => {
      // Alias expansion is capped so that a small file cannot expand into a huge one.
      let value: unknown;
      try {
        value =
          (item as { toJS?: (document: Document, options: object) => unknown }).toJS?.(document, { maxAliasCount: 100 }) ?? (item as { value?: unknown }).value;
      } catch (error) {
        if (!(error instanceof ReferenceError)) throw error;
        this.problems.push({
          file,
          line: lineOf(item),
          record: `${collection}[${index}]`,
          message: 'its aliases (*name) expand into too much data; write the record out instead',
        });
        return;
      }
      const keyValue = spec.key && value && typeof value === 'object' ? (value as Record<string, unknown>)[spec.key] : undefined;
      const shownKey = typeof keyValue === 'string' ? JSON.stringify(shortened(keyValue)) : typeof keyValue === 'number' ? String(keyValue) : undefined;
      const label = `${collection}[${index}]${shownKey !== undefined ? ` (${spec.key} ${shownKey})` : ''}`;
      const line = lineOf(item);
      if (!value || typeof value !== 'object' || Array.isArray(value)) {
        this.problems.push({ file, line, record: label, message: `a record must be an object, got ${describe(value)}` });
        return;
      }
      const fieldLine = (field: string) => {
        const node = isMap(item) ? (item.get(field.split(/[.[]/)[0], true) as YamlNode | undefined) : undefined;
        return lineOf(node) ?? line;
      };
      this.checkObject(value as Record<string, unknown>, spec.fields, '', (field, message) =>
        this.problems.push({ file, line: fieldLine(field), record: label, field: shortened(field, 100), message }),
      );
      this.records.get(collection)!.push({ value: value as Record<string, unknown>, file, line, label });
    });
  }

  private checkObject(
    value: Record<string, unknown>,
    fields: Record<string, FieldSpec>,
    prefix: string,
    report: (field: string, message: string) => void,
  ): void {
    for (const name of Object.keys(value)) {
      if (!Object.hasOwn(fields, name)) report(prefix + name, `unknown field; expected one of ${Object.keys(fields).join(', ')}`);
    }
    for (const [name, spec] of Object.entries(fields)) {
      this.checkValue(value[name], spec, prefix + name, report);
    }
  }

  private checkValue(value: unknown, spec: FieldSpec, field: string, report: (field: string, message: string) => void): void {
    if (value === undefined || value === null) {
      if (spec.required) report(field, 'is required');
      return;
    }
    switch (spec.type) {
      case 'text': {
        if (typeof value !== 'string') return report(field, `must be text, got ${describe(value)}`);
        if (spec.required && value.trim() === '') return report(field, 'must not be empty');
        if (spec.maxLength && value.length > spec.maxLength) return report(field, `is ${value.length} characters long; at most ${spec.maxLength} allowed`);
        const unstorable = unstorableText(value);
        if (unstorable) report(field, unstorable);
        return;
      }
      case 'slug':
        if (!isSlug(value)) {
          return report(field, `must be ${valueRuleDescriptions.slug}, got ${describe(value)}`);
        }
        return;
      case 'url':
        if (!isWebAddress(value)) {
          return report(field, `must be ${valueRuleDescriptions.webAddress}, got ${describe(value)}`);
        }
        return;
      case 'orcid': {
        if (typeof value !== 'string') return report(field, `must be an ORCID iD (0000-0000-0000-000X), got ${describe(value)}`);
        const checked = checkIdentifier(IdentifierScheme.ORCID, value);
        if ('problem' in checked) report(field, checked.problem);
        return;
      }
      case 'state':
        if (!isStateCode(value)) return report(field, `must be ${valueRuleDescriptions.stateCode}, got ${describe(value)}`);
        return;
      case 'date':
        if (typeof value !== 'string' || !isCalendarDate(value)) return report(field, `must be a calendar date YYYY-MM-DD, got ${describe(value)}`);
        return;
      case 'partialDate':
        if (typeof value !== 'string' && typeof value !== 'number') return report(field, `must be a date YYYY, YYYY-MM or YYYY-MM-DD, got ${describe(value)}`);
        if (!isPartialDate(String(value))) return report(field, `must be a date YYYY, YYYY-MM or YYYY-MM-DD, got ${describe(value)}`);
        return;
      case 'positiveInteger':
        if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0 || value > 2_147_483_647) {
          return report(field, `must be a whole number above 0, got ${describe(value)}`);
        }
        return;
      case 'positiveNumber':
        if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) return report(field, `must be a number above 0, got ${describe(value)}`);
        return;
      case 'enum':
        if (typeof value !== 'string' || !spec.values.includes(value)) return report(field, `must be one of ${spec.values.join(', ')}, got ${describe(value)}`);
        return;
      case 'ref':
        if (!isKeyShaped(spec.collection, value))
          report(field, `must be the ${collections[spec.collection].key} of a record in "${spec.collection}", got ${describe(value)}`);
        return;
      case 'lessonRef':
        if (typeof value !== 'string' || !lessonReferencePattern.test(value)) {
          return report(field, `must name a lesson as "<brief slug>#<position>", such as "my-brief#2", got ${describe(value)}`);
        }
        return;
      case 'list':
        if (!Array.isArray(value)) return report(field, `must be a list, got ${describe(value)}`);
        if (spec.maxItems && value.length > spec.maxItems) return report(field, `has ${value.length} items; at most ${spec.maxItems} allowed`);
        value.forEach((item, index) => this.checkValue(item, spec.of, `${field}[${index}]`, report));
        return;
      case 'object':
        if (typeof value !== 'object' || Array.isArray(value)) return report(field, `must be an object, got ${describe(value)}`);
        this.checkObject(value as Record<string, unknown>, spec.fields, `${field}.`, report);
        return;
    }
  }

  /** Cross-record rules: unique keys, references that resolve, and domain rules spanning fields. */
  checkRelations(): void {
    const keys = new Map<CollectionName, Map<unknown, Located<Record<string, unknown>>>>();
    for (const name of collectionNames) {
      const keyField = collections[name].key;
      const seen = new Map<unknown, Located<Record<string, unknown>>>();
      keys.set(name, seen);
      if (!keyField) continue;
      for (const record of this.records.get(name)!) {
        const key = record.value[keyField];
        if (key === undefined) continue;
        const first = seen.get(key);
        if (first) {
          this.problems.push({
            file: record.file,
            line: record.line,
            record: record.label,
            field: keyField,
            message: `duplicate ${keyField}; already used by ${first.label} in ${first.file}${first.line ? `:${first.line}` : ''}`,
          });
        } else {
          seen.set(key, record);
        }
      }
    }
    const report = (record: Located<Record<string, unknown>>, field: string, message: string) =>
      this.problems.push({ file: record.file, line: record.line, record: record.label, field, message });
    const visitReferences = (record: Located<Record<string, unknown>>, value: unknown, spec: FieldSpec, field: string) => {
      if (value === undefined || value === null) return;
      // Malformed references were reported by the field checks; only well-formed ones are looked up.
      if (spec.type === 'ref') {
        if (isKeyShaped(spec.collection, value) && !keys.get(spec.collection)!.has(value)) {
          const singular = spec.collection === 'people' ? 'person' : spec.collection.replace(/s$/, '');
          const message = `unknown ${singular} ${JSON.stringify(value)}; no record in "${spec.collection}" has that ${collections[spec.collection].key}`;
          if (this.allowExternalReferences) {
            this.externalReferences.push({
              collection: spec.collection,
              key: value as string | number,
              problem: { file: record.file, line: record.line, record: record.label, field, message: `${message}, in the documents or the database` },
            });
          } else {
            report(record, field, message);
          }
        }
      } else if (spec.type === 'lessonRef' && typeof value === 'string' && lessonReferencePattern.test(value)) {
        const [briefSlug, position] = value.split('#');
        const brief = keys.get('briefs')!.get(briefSlug);
        const lessons = (brief?.value.lessons as unknown[] | undefined) ?? [];
        if (!brief && this.allowExternalReferences) {
          this.externalReferences.push({
            collection: 'lessons',
            key: value,
            problem: { file: record.file, line: record.line, record: record.label, field, message: `no lesson "${value}" in the documents or the database` },
          });
        } else if (!brief) report(record, field, `unknown brief "${briefSlug}" in lesson reference "${value}"`);
        else if (Number(position) > lessons.length)
          report(record, field, `brief "${briefSlug}" has ${lessons.length} lesson(s); there is no lesson #${position}`);
      } else if (spec.type === 'list' && Array.isArray(value)) {
        if (spec.maxItems && value.length > spec.maxItems) return; // already reported as too long; its items are not checked one by one
        value.forEach((item, index) => visitReferences(record, item, spec.of, `${field}[${index}]`));
      } else if (spec.type === 'object' && typeof value === 'object') {
        for (const [name, fieldSpec] of Object.entries(spec.fields))
          visitReferences(record, (value as Record<string, unknown>)[name], fieldSpec, `${field}.${name}`);
      }
    };
    for (const name of collectionNames) {
      for (const record of this.records.get(name)!) {
        for (const [field, spec] of Object.entries(collections[name].fields)) visitReferences(record, record.value[field], spec, field);
      }
    }
    for (const meeting of this.records.get('meetings')!) {
      const { startsOn, endsOn } = meeting.value as { startsOn?: string; endsOn?: string };
      if (typeof startsOn === 'string' && typeof endsOn === 'string' && endsOn < startsOn)
        report(meeting, 'endsOn', `must be on or after startsOn (${startsOn}), got ${endsOn}`);
    }
    // A lesson link's identity is (from, to, kind): a second one would silently overwrite the first.
    const links = new Map<string, Located<Record<string, unknown>>>();
    for (const link of this.records.get('lessonLinks')!) {
      const { from, to, kind } = link.value as { from?: string; to?: string; kind?: string };
      if (typeof from === 'string' && typeof to === 'string' && from.split('#')[0] === to.split('#')[0]) {
        report(link, 'to', `must be a lesson of another brief than "from" (${from})`);
      }
      if (typeof from !== 'string' || typeof to !== 'string' || typeof kind !== 'string') continue;
      const identity = JSON.stringify([from, to, kind]);
      const first = links.get(identity);
      if (first)
        report(link, 'from', `duplicate link; ${first.label} in ${first.file}${first.line ? `:${first.line}` : ''} already links ${from} to ${to} as ${kind}`);
      else links.set(identity, link);
    }
    this.checkPublicationRules(report);
    this.checkMemberships(report);
    this.checkNoCycles('organizations', 'housedBy');
    this.checkNoCycles('themes', 'parent');
    for (const brief of this.records.get('briefs')!) {
      const buildsOn = (brief.value.buildsOn as unknown[] | undefined) ?? [];
      if (buildsOn.includes(brief.value.slug)) report(brief, 'buildsOn', 'a brief cannot build on itself');
    }
  }

  /** Bylines name a person or an organization; identifiers are valid for their scheme and unique; ORCID iDs are unique. */
  private checkPublicationRules(report: (record: Located<Record<string, unknown>>, field: string, message: string) => void): void {
    const identifiers = new Map<string, string>();
    for (const brief of this.records.get('briefs')!) {
      const contributors = Array.isArray(brief.value.contributors) ? (brief.value.contributors as unknown[]) : [];
      const named = new Map<string, number>();
      contributors.forEach((contributor, index) => {
        if (!contributor || typeof contributor !== 'object') return;
        const { person, organization } = contributor as { person?: unknown; organization?: unknown };
        if ((person === undefined || person === null) === (organization === undefined || organization === null)) {
          return report(brief, `contributors[${index}]`, 'must name exactly one of person or organization');
        }
        const who = person ? `person "${String(person)}"` : `organization "${String(organization)}"`;
        if (named.has(who)) report(brief, `contributors[${index}]`, `names ${who} again (already contributors[${named.get(who)}]); a byline names each once`);
        else named.set(who, index);
      });
      const list = Array.isArray(brief.value.identifiers) ? (brief.value.identifiers as unknown[]) : [];
      list.forEach((identifier, index) => {
        if (!identifier || typeof identifier !== 'object') return;
        const { scheme, value } = identifier as { scheme?: unknown; value?: unknown };
        if (typeof scheme !== 'string' || !(scheme in IdentifierScheme) || typeof value !== 'string') return;
        const checked = checkIdentifier(scheme as IdentifierScheme, value);
        if ('problem' in checked) return report(brief, `identifiers[${index}].value`, checked.problem);
        const identity = `${scheme}:${checked.value}`;
        const first = identities(identifiers, identity, brief.label);
        if (first) report(brief, `identifiers[${index}].value`, `duplicate ${scheme} ${checked.value}; already given to ${first}`);
      });
    }
    const orcids = new Map<string, string>();
    for (const person of this.records.get('people')!) {
      const { orcid, affiliations } = person.value as { orcid?: unknown; affiliations?: unknown };
      if (typeof orcid === 'string') {
        const checked = checkIdentifier(IdentifierScheme.ORCID, orcid);
        const first = 'value' in checked ? identities(orcids, checked.value, person.label) : undefined;
        if (first) report(person, 'orcid', `duplicate ORCID iD ${orcid}; already given to ${first}`);
      }
      (Array.isArray(affiliations) ? affiliations : []).forEach((affiliation: unknown, index) => {
        const { startYear, endYear } = (affiliation ?? {}) as { startYear?: unknown; endYear?: unknown };
        if (typeof startYear === 'number' && typeof endYear === 'number' && endYear < startYear) {
          report(person, `affiliations[${index}].endYear`, `must be ${startYear} (startYear) or later, got ${endYear}`);
        }
      });
    }
  }

  /** A district is a member of a network once: in `members` or in `memberships`; and it leaves no earlier than it joined. */
  private checkMemberships(report: (record: Located<Record<string, unknown>>, field: string, message: string) => void): void {
    for (const network of this.records.get('networks')!) {
      const { members, memberships } = network.value as { members?: unknown; memberships?: unknown };
      const named = new Map<string, string>();
      (Array.isArray(members) ? members : []).forEach((district: unknown, index) => {
        if (typeof district === 'string' && !named.has(district)) named.set(district, `members[${index}]`);
      });
      (Array.isArray(memberships) ? memberships : []).forEach((membership: unknown, index) => {
        const { district, joined, left } = (membership ?? {}) as { district?: unknown; joined?: unknown; left?: unknown };
        if (typeof district === 'string') {
          if (named.has(district))
            report(
              network,
              `memberships[${index}].district`,
              `names district "${district}" again (already ${named.get(district)}); a district is a member once`,
            );
          else named.set(district, `memberships[${index}]`);
        }
        // Partial dates ("2014", "2014-05") compare as text on the precision both share.
        if (typeof joined === 'string' && typeof left === 'string' && left < joined.slice(0, left.length)) {
          report(network, `memberships[${index}].left`, `must be ${joined} (joined) or later, got ${left}`);
        }
      });
    }
  }

  private checkNoCycles(collection: CollectionName, parentField: string): void {
    const parentOf = new Map<string, string>();
    for (const record of this.records.get(collection)!) {
      if (typeof record.value.slug === 'string' && typeof record.value[parentField] === 'string')
        parentOf.set(record.value.slug, record.value[parentField] as string);
    }
    for (const record of this.records.get(collection)!) {
      const start = record.value.slug as string;
      let current = parentOf.get(start);
      for (let steps = 0; current !== undefined && steps <= parentOf.size; steps++) {
        if (current === start) {
          this.problems.push({
            file: record.file,
            line: record.line,
            record: record.label,
            field: parentField,
            message: `forms a cycle: "${start}" is its own ancestor`,
          });
          break;
        }
        current = parentOf.get(current);
      }
    }
  }

  toDataset(): Dataset {
    const dataset = {} as Record<CollectionName, unknown[]>;
    for (const name of collectionNames) dataset[name] = this.records.get(name)!.map((record) => record.value);
    const result = dataset as unknown as Dataset;
    for (const brief of result.briefs) if (brief.published !== undefined) brief.published = String(brief.published);
    return result;
  }
}

/** The label of the record that first claimed `identity`, or undefined (and `label` claims it). */
function identities(claimed: Map<string, string>, identity: string, label: string): string | undefined {
  const first = claimed.get(identity);
  if (first === undefined) claimed.set(identity, label);
  return first;
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
