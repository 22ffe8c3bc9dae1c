/**
 * `GET /graphql/possible-types.json`: the members of every union and interface, in the shape
 * Apollo Client's `InMemoryCache({ possibleTypes })` and urql graphcache's `possibleTypes` take,
 * so a client can fetch it at start-up (or at build time) instead of running an introspection
 * query. Public like the schema itself (CORS as for /graphql), and cacheable: it changes
 * only with the schema.
 */
import type express from 'express';
import type { GraphQLSchema } from 'graphql';
import { schemaShape } from './schema-shape';

export const possibleTypesPath = '/graphql/possible-types.json';

export function possibleTypesRoute(app: express.Express, schema: GraphQLSchema, schemaVersion: string, crossOrigin: express.RequestHandler): void {
  const body = JSON.stringify(schemaShape(schema).possibleTypes);
  const etag = `"${schemaVersion}"`;
  app.get(possibleTypesPath, crossOrigin, (request, response) => {
    response.set({ 'cache-control': 'public, max-age=300', etag });
    if (request.headers['if-none-match'] === etag) {
      response.status(304).end();
      return;
    }
    response.type('application/json').send(body);
  });
}
