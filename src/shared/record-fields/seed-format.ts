/**
 * The seed-format side of a record type's field declarations: the seed fields (with the same rules
 * as the API's inputs), the columns a seed writer sets from a record, and the columns an export selects.
 */
import type { FieldSpec } from '../../seed/seed-fields';
import type { SeedWriteContext } from '../../seed/seed-record-type';
import { nullable, type Values } from '../../seed/seed-rows';
import { columnOfField, requiredOnCreate, type FieldDeclaration, type FieldDeclarations } from './field-declaration';

function seedFieldOf(declaration: FieldDeclaration): FieldSpec {
  const required = requiredOnCreate(declaration) ? { required: true } : {};
  switch (declaration.kind) {
    case 'text':
      return { type: 'text', ...required, maxLength: declaration.maxLength };
    case 'enum':
      return { type: 'enum', values: Object.values(declaration.enum), ...required };
    case 'textList':
      return { type: 'list', of: { type: 'text', required: true, maxLength: declaration.maxLength }, maxItems: declaration.maxItems };
    case 'reference':
      return { type: 'ref', collection: declaration.collection, ...required };
    case 'positiveInteger':
      return { type: 'positiveInteger', ...required, ...(declaration.max ? { max: declaration.max } : {}) };
    default:
      return { type: declaration.kind, ...required };
  }
}

/**
 * The seed fields of the declared ones, in declaration order; a reference names the other record by
 * its key. `placed` puts the type's other seed fields (lists, nested objects) right after a declared
 * one, where the seed format has them: the order is the export's.
 */
export function seedFieldsOf(declarations: FieldDeclarations, placed: Readonly<Record<string, Record<string, FieldSpec>>> = {}): Record<string, FieldSpec> {
  return Object.fromEntries(
    Object.entries(declarations).flatMap(([name, declaration]) => [[name, seedFieldOf(declaration)], ...Object.entries(placed[name] ?? {})]),
  );
}

/**
 * The declared columns' values from a seed record, for an upsert: an optional value left out or
 * empty is null (an export leaves out both), a list left out is empty, an enum with a default left out is the default, a reference is the id of the
 * record its key names (already written, or already stored for an import).
 */
export function seedColumnValues(declarations: FieldDeclarations, record: object, ids: SeedWriteContext['ids']): Values {
  const values = record as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(declarations).map(([name, declaration]) => {
      const value = values[name];
      if (declaration.kind === 'reference')
        return [columnOfField(name, declaration), value ? ids[declaration.collection].get(value as string | number)! : null];
      if (declaration.kind === 'textList') return [columnOfField(name, declaration), value ?? []];
      if (declaration.kind === 'enum' && declaration.default) return [columnOfField(name, declaration), value ?? declaration.default];
      return [columnOfField(name, declaration), requiredOnCreate(declaration) ? value : nullable(value)];
    }),
  );
}

/**
 * The declared columns of the table aliased `alias`, selected under their field names for an export
 * (`o.short_name AS "shortName"`). References are left to the query, which joins the other record for its key.
 */
export function selectedColumns(declarations: FieldDeclarations, alias: string): string {
  return Object.entries(declarations)
    .filter(([, declaration]) => declaration.kind !== 'reference')
    .map(([name, declaration]) => `${alias}.${columnOfField(name, declaration)} AS "${name}"`)
    .join(', ');
}

/** The same columns as arguments of `json_build_object`, for records exported nested in another (a brief's lessons). */
export function jsonObjectColumns(declarations: FieldDeclarations, alias: string): string {
  return Object.entries(declarations)
    .filter(([, declaration]) => declaration.kind !== 'reference')
    .map(([name, declaration]) => `'${name}', ${alias}.${columnOfField(name, declaration)}`)
    .join(', ');
}
