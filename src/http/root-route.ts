/**
 * `GET /`: a browser is sent to the IDE; any other client gets a short JSON map of what this
 * server offers, rather than a bare 404.
 */
import type express from 'express';

export function rootRoute(app: express.Express): void {
  app.get('/', (request, response) => {
    if (request.accepts(['application/json', 'text/html']) === 'text/html') {
      response.redirect(302, '/graphql');
      return;
    }
    response.json({
      name: 'Briefgraph',
      description: 'A GraphQL knowledge base over education research briefs, meetings, districts, lessons and themes.',
      graphql: '/graphql',
      possibleTypes: '/graphql/possible-types.json',
      ide: '/graphql (open it in a browser)',
      explorer: '/explore',
      liveness: '/healthz',
      readiness: '/readyz',
      metrics: '/metrics',
    });
  });
}
