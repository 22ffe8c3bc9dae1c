/**
 * Which fields of the plain value types that computed fields return (a publication date,
 * a place) type-graphql resolves by reading a property: declared with @Field on a class
 * property or getter, with no @FieldResolver, middleware or role of their own. The direct
 * answer (direct-answer.ts) reads those properties itself; any other field makes it give up.
 */
import type { GraphQLObjectType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

/** GraphQL field name → the property type-graphql reads, per object type. */
const plainFieldsByType = new WeakMap<GraphQLObjectType, Map<string, string>>();

type Storage = ReturnType<typeof getMetadataStorage>;
type FieldMetadata = NonNullable<Storage['objectTypes'][number]['fields']>[number];

/** Read as a property: no middleware or role, and no @FieldResolver but a getter of the class itself (a method is refused when read). */
function isPlainField(storage: Storage, field: FieldMetadata): boolean {
  if (field.roles?.length || field.middlewares?.length) return false;
  const resolver = storage.fieldResolvers.find((candidate) => candidate.getObjectType?.() === field.target && candidate.methodName === field.name);
  return !resolver || (resolver.kind === 'internal' && !resolver.roles?.length && !resolver.middlewares?.length);
}

function plainFieldsOf(type: GraphQLObjectType): Map<string, string> {
  const storage = getMetadataStorage();
  const plain = new Map<string, string>();
  const objectType = storage.objectTypes.find((candidate) => candidate.name === type.name);
  // Interfaces bring fields of their own; such types are left to graphql-js.
  if (!objectType || objectType.interfaceClasses?.length) return plain;
  for (const field of objectType.fields ?? []) if (isPlainField(storage, field)) plain.set(field.schemaName, field.name);
  return plain;
}

/** The property type-graphql reads for `fieldName` of `type`, or undefined when the field resolves otherwise. */
export function propertyOfPlainField(type: GraphQLObjectType, fieldName: string): string | undefined {
  let plain = plainFieldsByType.get(type);
  if (!plain) {
    plain = plainFieldsOf(type);
    plainFieldsByType.set(type, plain);
  }
  return plain.get(fieldName);
}
