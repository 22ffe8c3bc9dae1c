/**
 * The entity side of a record type's field declarations: a TypeORM column and, unless declared
 * otherwise, a GraphQL object field for each, applied to the entity class as its decorators would be.
 * The class extends `entityBase(…)`, which types the properties (`EntityValues`).
 */
import { Field, Int } from 'type-graphql';
import { Column, Index, type ColumnOptions } from 'typeorm';
import { columnOfField, entityNameOf, isNullable, type EntityValues, type FieldDeclaration, type FieldDeclarations } from './field-declaration';

function columnOptions(name: string, declaration: FieldDeclaration): ColumnOptions {
  const column = columnOfField(name, declaration);
  const options: ColumnOptions = { ...(column === name ? {} : { name: column }), ...(isNullable(declaration) ? { nullable: true } : {}) };
  switch (declaration.kind) {
    case 'state':
      return { type: 'char', length: 2, ...options };
    case 'date':
      return { type: 'date', ...options };
    case 'positiveInteger':
    case 'reference':
      return { type: 'int', ...options };
    case 'enum':
      return {
        type: 'enum',
        enum: declaration.enum,
        enumName: declaration.enumName,
        ...options,
        ...(declaration.default ? { default: declaration.default } : {}),
      };
    case 'textList':
      // An empty list rather than null: a record has no aliases or the like, never unknown ones.
      return { type: 'text', array: true, default: () => "'{}'", ...options };
    default:
      return { type: 'text', ...options };
  }
}

/** A GraphQL type as type-graphql's decorators take it: a scalar, an enum or a list of either. */
export type GraphqlType = () => object;

/** The GraphQL type of a field's value (a list of text is a list of non-null strings). */
export function graphqlTypeOf(declaration: FieldDeclaration): GraphqlType {
  switch (declaration.kind) {
    case 'positiveInteger':
      return () => Int;
    case 'enum':
      return () => declaration.enum;
    case 'textList':
      return () => [String];
    default:
      return () => String;
  }
}

function applyIndex(prototype: object, property: string, declaration: FieldDeclaration): void {
  if (!declaration.index) return;
  if (declaration.index === 'plain') Index()(prototype, property);
  else if (declaration.index === 'unique') Index({ unique: true })(prototype, property);
  else Index(declaration.index)(prototype, property);
}

function applyObjectField(prototype: object, name: string, declaration: FieldDeclaration): void {
  if (declaration.objectField === false || declaration.kind === 'reference') return;
  const { nullable = isNullable(declaration), deprecationReason } = declaration.objectField ?? {};
  Field(graphqlTypeOf(declaration), {
    description: declaration.description,
    ...(nullable ? { nullable } : {}),
    ...(deprecationReason ? { deprecationReason } : {}),
  })(prototype, name);
}

/**
 * A class decorator that gives an entity the declared fields: a column each (a reference's under
 * `…Key`), the declared indexes, and a GraphQL field each except references (their relation is the
 * field) and those declared without one.
 */
export function EntityFields(declarations: FieldDeclarations): ClassDecorator {
  return (entity) => {
    for (const [name, declaration] of Object.entries(declarations)) {
      const property = entityNameOf(name, declaration);
      Column(columnOptions(name, declaration))(entity.prototype, property);
      applyIndex(entity.prototype, property, declaration);
      applyObjectField(entity.prototype, name, declaration);
    }
  };
}

/**
 * The entity's base class, typed with the declared fields' properties. The class itself is returned:
 * `EntityFields` on the entity defines the properties, as decorators on written-out properties would.
 */
export function entityBase<Base extends abstract new () => object, Declarations extends FieldDeclarations>(
  base: Base,
  _declarations: Declarations,
): abstract new () => InstanceType<Base> & EntityValues<Declarations> {
  return base as unknown as abstract new () => InstanceType<Base> & EntityValues<Declarations>;
}
