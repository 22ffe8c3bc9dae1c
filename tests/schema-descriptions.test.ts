/**
 * Every part of the API says what it is: each type, field, argument, enum value and input
 * field (and the arguments of our own directives) has a GraphQL description, so GraphiQL,
 * generated client types and editors can show it. Fails listing every one that has none.
 */
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedDirective,
  isSpecifiedScalarType,
  type GraphQLArgument,
  type GraphQLNamedType,
} from 'graphql';
import { buildBriefgraphSchema } from '../src/schema';

const hasDescription = (element: { description?: string | null }) => Boolean(element.description?.trim());

/** The coordinates (`Type.field(argument:)`) of every element without a description. */
function undescribedElements(): string[] {
  const schema = buildBriefgraphSchema();
  const missing: string[] = [];
  const checkArguments = (owner: string, args: readonly GraphQLArgument[]) => {
    for (const argument of args) if (!hasDescription(argument)) missing.push(`${owner}(${argument.name}:)`);
  };
  const types = Object.values(schema.getTypeMap()).filter((type: GraphQLNamedType) => !type.name.startsWith('__') && !isSpecifiedScalarType(type));
  for (const type of types) {
    if (!hasDescription(type)) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!hasDescription(field)) missing.push(`${type.name}.${field.name}`);
        checkArguments(`${type.name}.${field.name}`, field.args);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) if (!hasDescription(field)) missing.push(`${type.name}.${field.name}`);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) if (!hasDescription(value)) missing.push(`${type.name}.${value.name}`);
    }
  }
  for (const directive of schema.getDirectives().filter((directive) => !isSpecifiedDirective(directive))) {
    if (!hasDescription(directive)) missing.push(`@${directive.name}`);
    checkArguments(`@${directive.name}`, directive.args);
  }
  return missing.sort();
}

describe('schema descriptions', () => {
  it('describe every type, field, argument, enum value and input field', () => {
    expect(undescribedElements()).toEqual([]);
  });
});
