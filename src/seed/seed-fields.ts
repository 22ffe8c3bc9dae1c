/**
 * The vocabulary record types declare their seed-format fields in (`fields` in each
 * feature's `*.seed.ts`): what a field holds, and shorthands for the common ones.
 */
import { maximumRelatedRecords } from '../shared/list-limits';
import type { CollectionName } from './seed-schema';

/** What a field holds. `ref` names the collection whose key it must match. */
export type FieldSpec =
  | { type: 'text'; required?: boolean; maxLength?: number }
  | { type: 'slug'; required?: boolean }
  | { type: 'url'; required?: boolean }
  | { type: 'orcid'; required?: boolean }
  | { type: 'state'; required?: boolean }
  | { type: 'date'; required?: boolean }
  | { type: 'partialDate'; required?: boolean }
  | { type: 'positiveInteger'; required?: boolean; max?: number }
  | { type: 'positiveNumber'; required?: boolean }
  | { type: 'enum'; values: readonly string[]; required?: boolean }
  | { type: 'ref'; collection: CollectionName; required?: boolean }
  | { type: 'lessonRef'; required?: boolean }
  | { type: 'list'; of: FieldSpec; required?: boolean; maxItems?: number }
  | { type: 'object'; fields: Record<string, FieldSpec>; required?: boolean };

export const text = (maxLength = 10_000): FieldSpec => ({ type: 'text', maxLength });
export const requiredText = (maxLength = 10_000): FieldSpec => ({ type: 'text', required: true, maxLength });
export const refs = (collection: CollectionName, maxItems = maximumRelatedRecords): FieldSpec => ({
  type: 'list',
  of: { type: 'ref', collection, required: true },
  maxItems,
});
/** A list of parts, each an object with these fields (a brief's files, a meeting's materials). */
export const partsList = (fields: Record<string, FieldSpec>, maxItems: number): FieldSpec => ({
  type: 'list',
  maxItems,
  of: { type: 'object', required: true, fields },
});
// Optional: records created through the API may have no source document.
export const sourceReference: FieldSpec = { type: 'ref', collection: 'sources' };
