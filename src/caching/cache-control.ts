/**
 * Cache hints and HTTP caching headers. Every field is publicly cacheable for
 * CACHE_MAX_AGE_SECONDS by default (published content); types and fields marked
 * `@cacheControl(maxAge: 0, scope: PRIVATE)` (API keys, the audit log) never are.
 * Answers to requests with an API key (which may see drafts), mutations and answers
 * with errors are `no-store`; cacheable answers vary by Authorization, so a CDN in
 * front never serves an anonymous answer to a keyed request or the other way round.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { DirectiveLocation, GraphQLBoolean, GraphQLDirective, GraphQLEnumType, GraphQLInt } from 'graphql';

/**
 * All the plugin needs of the request context: whether someone is signed in. (Not
 * RequestContext itself: entities import `neverCache` from here, and the context imports
 * entities, which would make a cycle of imports.)
 */
interface ViewerOfRequest {
  viewer: object | null;
}

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

export function cacheHeadersPlugin(): ApolloServerPlugin<ViewerOfRequest> {
  return {
    async requestDidStart({ contextValue }) {
      return {
        async didResolveOperation({ operation, response }) {
          // Apollo's cache-control plugin leaves an existing no-store alone.
          if (contextValue.viewer || operation?.operation !== 'query') response.http.headers.set('cache-control', 'no-store');
        },
        async willSendResponse({ response }) {
          if (contextValue.viewer) response.http.headers.set('cache-control', 'no-store');
          if (response.http.headers.get('cache-control')?.includes('public')) response.http.headers.set('vary', 'Authorization');
        },
      };
    },
  };
}
