/**
 * The checks of one field's value against its spec (seed-schema.ts), one per kind of
 * field. The value rules shared with the API (slug, state code, web address) come from
 * src/shared/value-rules.ts, so that files and API accept the same values.
 */
import { checkIdentifier, IdentifierScheme } from '../identifier/identifier-schemes';
import { isCalendarDate, isPartialDate } from '../shared/calendar';
import { isSlug, isStateCode, isWebAddress, textProblem, valueRuleDescriptions } from '../shared/value-rules';
import { collections, type CollectionName, type FieldSpec } from './seed-schema';

export type ReportField = (field: string, message: string) => void;

type SpecOf<T extends FieldSpec['type']> = Extract<FieldSpec, { type: T }>;
type Check<T extends FieldSpec['type']> = (value: unknown, spec: SpecOf<T>, field: string, report: ReportField) => void;

export const lessonReferencePattern = /^[a-z0-9]+(?:-[a-z0-9]+)*#[1-9]\d*$/;

/** Whether a reference has the shape of the collection's key (a slug or a meeting number); whether it exists is checked later. */
export function isKeyShaped(collection: CollectionName, value: unknown): boolean {
  return collections[collection].key === 'number' ? typeof value === 'number' && Number.isInteger(value) && value > 0 : isSlug(value);
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `"${shortened(value)}"`;
  return String(value);
}

/** Names and values from the input are cut short in messages, so a 10 MB string cannot make a 10 MB message. */
export function shortened(text: string, length = 60): string {
  return text.length > length ? text.slice(0, length) + '…' : text;
}

/** A check that reports `must be <what>, got <value>` when `test` fails. */
function mustBe(what: string, test: (value: unknown) => boolean) {
  return (value: unknown, _spec: unknown, field: string, report: ReportField) => {
    if (!test(value)) report(field, `must be ${what}, got ${describe(value)}`);
  };
}

const checkText: Check<'text'> = (value, spec, field, report) => {
  if (typeof value !== 'string') return report(field, `must be text, got ${describe(value)}`);
  if (spec.required && value.trim() === '') return report(field, 'must not be empty');
  if (spec.maxLength && value.length > spec.maxLength) return report(field, `is ${value.length} characters long; at most ${spec.maxLength} allowed`);
  // The API's rule for text (YAML escapes such as "\0" can produce what it refuses).
  const problem = textProblem(value);
  if (problem) report(field, problem);
};

const checkOrcid: Check<'orcid'> = (value, _spec, field, report) => {
  if (typeof value !== 'string') return report(field, `must be an ORCID iD (0000-0000-0000-000X), got ${describe(value)}`);
  const checked = checkIdentifier(IdentifierScheme.ORCID, value);
  if ('problem' in checked) report(field, checked.problem);
};

const checkPartialDate: Check<'partialDate'> = (value, _spec, field, report) => {
  if ((typeof value !== 'string' && typeof value !== 'number') || !isPartialDate(String(value))) {
    report(field, `must be a date YYYY, YYYY-MM or YYYY-MM-DD, got ${describe(value)}`);
  }
};

const checkEnum: Check<'enum'> = (value, spec, field, report) => {
  if (typeof value !== 'string' || !spec.values.includes(value)) report(field, `must be one of ${spec.values.join(', ')}, got ${describe(value)}`);
};

const checkReference: Check<'ref'> = (value, spec, field, report) => {
  if (!isKeyShaped(spec.collection, value))
    report(field, `must be the ${collections[spec.collection].key} of a record in "${spec.collection}", got ${describe(value)}`);
};

const checkLessonReference: Check<'lessonRef'> = (value, _spec, field, report) => {
  if (typeof value !== 'string' || !lessonReferencePattern.test(value)) {
    report(field, `must name a lesson as "<brief slug>#<position>", such as "my-brief#2", got ${describe(value)}`);
  }
};

const checkList: Check<'list'> = (value, spec, field, report) => {
  if (!Array.isArray(value)) return report(field, `must be a list, got ${describe(value)}`);
  if (spec.maxItems && value.length > spec.maxItems) return report(field, `has ${value.length} items; at most ${spec.maxItems} allowed`);
  value.forEach((item, index) => checkValue(item, spec.of, `${field}[${index}]`, report));
};

const checkNestedObject: Check<'object'> = (value, spec, field, report) => {
  if (typeof value !== 'object' || Array.isArray(value)) return report(field, `must be an object, got ${describe(value)}`);
  checkObject(value as Record<string, unknown>, spec.fields, `${field}.`, report);
};

// Without a maximum of its own, the largest a PostgreSQL int holds.
const checkPositiveInteger: Check<'positiveInteger'> = (value, spec, field, report) =>
  mustBe(spec.max ? `a whole number from 1 to ${spec.max}` : 'a whole number above 0', (value) => {
    return typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= (spec.max ?? 2_147_483_647);
  })(value, spec, field, report);

const valueChecks: { [T in FieldSpec['type']]: Check<T> } = {
  text: checkText,
  slug: mustBe(valueRuleDescriptions.slug, isSlug),
  url: mustBe(valueRuleDescriptions.webAddress, isWebAddress),
  orcid: checkOrcid,
  state: mustBe(valueRuleDescriptions.stateCode, isStateCode),
  date: mustBe('a calendar date YYYY-MM-DD', (value) => typeof value === 'string' && isCalendarDate(value)),
  partialDate: checkPartialDate,
  positiveInteger: checkPositiveInteger,
  positiveNumber: mustBe('a number above 0', (value) => typeof value === 'number' && Number.isFinite(value) && value > 0),
  enum: checkEnum,
  ref: checkReference,
  lessonRef: checkLessonReference,
  list: checkList,
  object: checkNestedObject,
};

/** Checks one value against its spec, reporting each problem with the field's path. */
export function checkValue(value: unknown, spec: FieldSpec, field: string, report: ReportField): void {
  if (value === undefined || value === null) {
    if (spec.required) report(field, 'is required');
    return;
  }
  (valueChecks[spec.type] as Check<FieldSpec['type']>)(value, spec as never, field, report);
}

/** Checks an object's fields against their specs; fields the specs do not know are reported too. */
export function checkObject(value: Record<string, unknown>, fields: Record<string, FieldSpec>, prefix: string, report: ReportField): void {
  for (const name of Object.keys(value)) {
    if (!Object.hasOwn(fields, name)) report(prefix + name, `unknown field; expected one of ${Object.keys(fields).join(', ')}`);
  }
  for (const [name, spec] of Object.entries(fields)) checkValue(value[name], spec, prefix + name, report);
}
