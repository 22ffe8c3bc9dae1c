/**
 * One record type's one-column fields, declared once in its feature folder (`organization.fields.ts`…):
 * what each holds, its column, whether it is required, its rule and its description. The entity's
 * columns and GraphQL fields, the mutation inputs and their validation, the writer's columns and the
 * seed format are all derived from it (the other files of this folder), so adding a field is one
 * declaration plus a migration.
 */
import type { CollectionName } from '../../seed/seed-schema';

interface CommonDeclaration {
  /** The column; the field's name in snake_case when left out (`shortName` → `short_name`). */
  column?: string;
  /** NOT NULL in the table, required when a record is created and in seed files. */
  required?: boolean;
  /** The GraphQL object field's description, and the inputs' unless `inputDescription` says otherwise. */
  description: string;
  /** What the inputs tell a writer, where that is something else than what a reader is told (the rule a slug follows). */
  inputDescription?: string;
  /** An index of its own on the column: plain, unique, or unique where the condition holds (a nullable identifier). */
  index?: 'plain' | 'unique' | { unique: true; where: string };
  /**
   * The GraphQL object field: left out where another resolver shows the column (a meeting's dates
   * form `dates`), or differing from the column (a meeting's title is never null: untitled ones are
   * called by their number).
   */
  objectField?: false | { nullable?: boolean; deprecationReason?: string };
}

export type FieldDeclaration = CommonDeclaration &
  (
    | { kind: 'text'; maxLength: number }
    | { kind: 'slug' }
    | { kind: 'url' }
    | { kind: 'orcid' }
    | { kind: 'state' }
    | { kind: 'date'; onOrAfter?: string }
    | { kind: 'positiveInteger'; max?: number }
    | { kind: 'enum'; enum: Record<string, string>; enumName: string; default?: string }
    | { kind: 'textList'; maxItems: number; maxLength: number }
    /**
     * The key of another record: the declaration's name is the relation's (`housedBy`); the column is
     * `housed_by_id`, the entity's property `housedByKey`, the input a global ID `housedById`, the seed
     * field the other record's key in `collection`.
     */
    | { kind: 'reference'; type: string; collection: CollectionName }
  );

export type FieldDeclarations = Readonly<Record<string, FieldDeclaration>>;

/** Keeps the declarations' literal types (`required: true`, the enum), from which the properties' types are derived. */
export function declareFields<const Declarations extends FieldDeclarations>(declarations: Declarations): Declarations {
  return declarations;
}

/** The human key most record types have: a unique slug. */
export function slugField(description = 'Human key, unique.'): FieldDeclaration & { kind: 'slug'; required: true } {
  return { kind: 'slug', required: true, index: 'unique', description, inputDescription: 'Lower-case words joined by hyphens; unique.' };
}

/** Whether the column may hold null: a list never does (an empty list is stored as '{}'). */
export function isNullable(declaration: FieldDeclaration): boolean {
  return !declaration.required && declaration.kind !== 'textList';
}

/** Whether a new record must have the field: a required column without a default (an evidence basis defaults to an editorial inference). */
export function requiredOnCreate(declaration: FieldDeclaration): boolean {
  return declaration.required === true && !(declaration.kind === 'enum' && declaration.default);
}

function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

export function columnOfField(name: string, declaration: FieldDeclaration): string {
  return declaration.column ?? (declaration.kind === 'reference' ? `${snakeCase(name)}_id` : snakeCase(name));
}

/** The field's name in the inputs and the writer: a reference is given by global ID (`housedById`). */
export function inputNameOf(name: string, declaration: FieldDeclaration): string {
  return declaration.kind === 'reference' ? `${name}Id` : name;
}

/** The entity's property: a reference's column holds a database key (`housedByKey`), never shown. */
export function entityNameOf(name: string, declaration: FieldDeclaration): string {
  return declaration.kind === 'reference' ? `${name}Key` : name;
}

type ValueOf<Declaration> = Declaration extends { kind: 'enum'; enum: infer Enum }
  ? Enum[keyof Enum]
  : Declaration extends { kind: 'positiveInteger' | 'reference' }
    ? number
    : Declaration extends { kind: 'textList' }
      ? string[]
      : string;

// As `isNullable`: a list is never null.
type Nullable<Declaration, Value> = Declaration extends { required: true } | { kind: 'textList' } ? Value : Value | null;

type EntityName<Name extends string, Declaration> = Declaration extends { kind: 'reference' } ? `${Name}Key` : Name;
type InputName<Name extends string, Declaration> = Declaration extends { kind: 'reference' } ? `${Name}Id` : Name;
type InputValue<Declaration> = Declaration extends { kind: 'reference' } ? string : ValueOf<Declaration>;

/** The entity's properties for the declared columns, as stored (an optional one may be null). */
export type EntityValues<Declarations extends FieldDeclarations> = {
  -readonly [Name in keyof Declarations & string as EntityName<Name, Declarations[Name]>]: Nullable<Declarations[Name], ValueOf<Declarations[Name]>>;
};

/** An update input's properties: any may be left out; null clears an optional one. */
export type UpdateInputValues<Declarations extends FieldDeclarations> = {
  -readonly [Name in keyof Declarations & string as InputName<Name, Declarations[Name]>]?: Nullable<Declarations[Name], InputValue<Declarations[Name]>>;
};

/** What a create input adds to its update input: the required fields cannot be left out. */
export type CreateInputValues<Declarations extends FieldDeclarations> = {
  -readonly [Name in keyof Declarations & string as Declarations[Name] extends { required: true } ? InputName<Name, Declarations[Name]> : never]: InputValue<
    Declarations[Name]
  >;
};
