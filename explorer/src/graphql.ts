/**
 * The typed `graphql` tag: operations are checked against schema.graphql (through the generated
 * graphql-env.d.ts) and their results are typed. Masking is off: fragments only share selections.
 */
import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.d.ts';

export const graphql = initGraphQLTada<{
  introspection: introspection;
  disableMasking: true;
  scalars: { DateTimeISO: string; LocalDate: string; JSONObject: Record<string, unknown> };
}>();

export type { ResultOf, VariablesOf } from 'gql.tada';
