/**
 * Cache hints. Every field is publicly cacheable for CACHE_MAX_AGE_SECONDS by default
 * (published content); types and fields marked `@cacheControl(maxAge: 0, scope: PRIVATE)`
 * (API keys, the audit log) never are. Answers to requests with an API key (which may see
 * drafts), mutations and answers with errors are `no-store`; cacheable answers vary by
 * Authorization (cache-policy.ts sets the headers).
 */
import { DirectiveLocation, GraphQLBoolean, GraphQLDirective, GraphQLEnumType, GraphQLInt } from 'graphql';

/** Apollo's cache-control directive, declared for the schema so types and fields can carry hints. */
export const cacheControlDirective = new GraphQLDirective({
  name: 'cacheControl',
  description: 'How long (seconds) and for whom the answer to a field may be cached.',
  locations: [DirectiveLocation.FIELD_DEFINITION, DirectiveLocation.OBJECT, DirectiveLocation.INTERFACE, DirectiveLocation.UNION],
  args: {
    maxAge: { type: GraphQLInt, description: 'How many seconds the answer may be cached; 0 for never.' },
    scope: {
      type: new GraphQLEnumType({
        name: 'CacheControlScope',
        description: 'Who may cache an answer.',
        values: { PUBLIC: { description: 'Any cache, shared ones included.' }, PRIVATE: { description: 'Only the client that asked.' } },
      }),
      description: 'Who may cache the answer; PUBLIC unless a field says otherwise.',
    },
    inheritMaxAge: { type: GraphQLBoolean, description: 'Take the max-age of the parent field instead of the default.' },
  },
});

/** The hint for what must never be cached, for `@Directive(neverCache)`. */
export const neverCache = '@cacheControl(maxAge: 0, scope: PRIVATE)';
