/**
 * The mutation-input side of a record type's field declarations: a GraphQL input field and its
 * validation rules (class-validator) for each, applied to the input classes as their decorators
 * would be. The update input takes every field, optional; the create input extends it and makes the
 * required ones required. The classes extend `updateInputBase(…)` and `createInputBase(…)`, which type
 * the properties (`UpdateInputValues`, `CreateInputValues`).
 */
import { ArrayMaxSize, IsInt, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { Field, ID } from 'type-graphql';
import { IsCalendarDate, IsNotBlank, IsOnOrAfter, IsOrcid, IsSlug, IsStateCode, IsWebAddress } from '../../mutation/validation';
import { graphqlTypeOf, type GraphqlType } from './entity-fields';
import {
  inputNameOf,
  requiredOnCreate,
  type CreateInputValues,
  type FieldDeclaration,
  type FieldDeclarations,
  type UpdateInputValues,
} from './field-declaration';

/** A property decorator applied by hand, always to a named (string) property. */
type PropertyRule = (target: object, propertyName: string) => void;

/** The rules a given value must pass, as they read on a property (top first); enums and IDs are checked by GraphQL and the writer. */
function rulesOf(declaration: FieldDeclaration): PropertyRule[] {
  switch (declaration.kind) {
    case 'text':
      return [IsOptional(), ...(declaration.required ? [IsNotBlank()] : []), MaxLength(declaration.maxLength)];
    case 'slug':
      return [IsOptional(), IsSlug()];
    case 'url':
      return [IsOptional(), IsWebAddress()];
    case 'orcid':
      return [IsOptional(), IsOrcid()];
    case 'state':
      return [IsOptional(), IsStateCode()];
    case 'date':
      return [IsOptional(), IsCalendarDate(), ...(declaration.onOrAfter ? [IsOnOrAfter(declaration.onOrAfter)] : [])];
    case 'positiveInteger':
      return [IsOptional(), IsInt(), Min(1), ...(declaration.max ? [Max(declaration.max)] : [])];
    case 'textList':
      return [IsOptional(), ArrayMaxSize(declaration.maxItems), IsNotBlank({ each: true }), MaxLength(declaration.maxLength, { each: true })];
    default:
      return [];
  }
}

function inputTypeOf(declaration: FieldDeclaration): GraphqlType {
  return declaration.kind === 'reference' ? () => ID : graphqlTypeOf(declaration);
}

function applyInputFields(input: { prototype: object }, declarations: FieldDeclarations, nullable: (declaration: FieldDeclaration) => boolean): void {
  for (const [name, declaration] of Object.entries(declarations)) {
    const property = inputNameOf(name, declaration);
    const description = declaration.inputDescription ?? declaration.description;
    Field(inputTypeOf(declaration), { ...(nullable(declaration) ? { nullable: true } : {}), description })(input.prototype, property);
    // Applied bottom first, as decorators written above a property are, so that rules report in the same order.
    for (const rule of rulesOf(declaration).reverse()) rule(input.prototype, property);
  }
}

/** A class decorator that gives an update input every declared field, optional, with its rules. */
export function UpdateInputFields(declarations: FieldDeclarations): ClassDecorator {
  return (input) => applyInputFields(input, declarations, () => true);
}

/** A class decorator for the input of a record type that is created but never updated (a lesson link): every field with its rules, the required ones non-null. */
export function CreateOnlyInputFields(declarations: FieldDeclarations): ClassDecorator {
  return (input) => applyInputFields(input, declarations, (declaration) => !requiredOnCreate(declaration));
}

/** An empty base class for an update input, typed with the declared fields' properties, which `UpdateInputFields` defines. */
export function updateInputBase<Declarations extends FieldDeclarations>(_declarations: Declarations): new () => UpdateInputValues<Declarations> {
  // A class of its own, undecorated: GraphQL and the validator see only the input's own fields.
  return class DeclaredFields {} as new () => UpdateInputValues<Declarations>;
}

/** An empty base class for a create-only input, typed with the declared fields' properties, which `CreateOnlyInputFields` defines. */
export function createOnlyInputBase<Declarations extends FieldDeclarations>(
  _declarations: Declarations,
): new () => Omit<UpdateInputValues<Declarations>, keyof CreateInputValues<Declarations>> & CreateInputValues<Declarations> {
  return class DeclaredFields {} as new () => Omit<UpdateInputValues<Declarations>, keyof CreateInputValues<Declarations>> & CreateInputValues<Declarations>;
}

/**
 * The update input class, typed as the create input's base: the fields a create input requires are
 * required. The class itself is returned, so that GraphQL and the validator see the inheritance.
 */
export function createInputBase<Update extends object, Declarations extends FieldDeclarations>(
  update: new () => Update,
  _declarations: Declarations,
): new () => Omit<Update, keyof CreateInputValues<Declarations>> & CreateInputValues<Declarations> {
  return update as unknown as new () => Omit<Update, keyof CreateInputValues<Declarations>> & CreateInputValues<Declarations>;
}

/** A class decorator for a create input extending the update input (through `createInputBase`): the required fields become non-null (their rules are inherited). */
export function CreateInputFields(declarations: FieldDeclarations): ClassDecorator {
  return (input) => {
    for (const [name, declaration] of Object.entries(declarations)) {
      if (!requiredOnCreate(declaration)) continue;
      Field(inputTypeOf(declaration), { description: declaration.inputDescription ?? declaration.description })(
        input.prototype,
        inputNameOf(name, declaration),
      );
    }
  };
}
