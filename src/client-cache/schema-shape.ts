/**
 * What a normalised client cache must be told about the schema, since it cannot see it:
 * the members of each union and interface (Apollo Client's and urql graphcache's
 * `possibleTypes`, so a fragment `... on Node { id }` or `... on Brief` matches) and the
 * object types without an `id` (embedded in their parent, graphcache's `keys: { T: () => null }`).
 * Computed from the schema, so it never drifts from the API; the server serves the first
 * (src/client-cache/possible-types-route.ts) and the explorer's build uses both. Imports
 * nothing but graphql, so Vite's config can import it too.
 */
import { isAbstractType, isObjectType, type GraphQLSchema } from 'graphql';

export interface SchemaShape {
  /** Each union and interface, with the names of its member object types, sorted. */
  possibleTypes: Record<string, string[]>;
  /** Object types that have no `id` (values, connections, payloads), apart from the roots. */
  embeddedTypes: string[];
}

export function schemaShape(schema: GraphQLSchema): SchemaShape {
  const possibleTypes: Record<string, string[]> = {};
  const embeddedTypes: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isAbstractType(type))
      possibleTypes[type.name] = schema
        .getPossibleTypes(type)
        .map((member) => member.name)
        .sort();
    const isRoot = type === schema.getQueryType() || type === schema.getMutationType();
    if (isObjectType(type) && !isRoot && !('id' in type.getFields())) embeddedTypes.push(type.name);
  }
  return { possibleTypes, embeddedTypes: embeddedTypes.sort() };
}
