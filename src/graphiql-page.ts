/**
 * The in-browser GraphQL IDE, served from this process with every script and
 * stylesheet inline, so it works offline. The page is about 9 MB, so it is built
 * and gzipped once, on first request, and sent compressed with a long-lived ETag.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Request, Response } from 'express';

interface RenderedPage {
  html: Buffer;
  gzipped: Buffer;
  etag: string;
}

let page: RenderedPage | undefined;

function renderPage(endpoint: string): RenderedPage {
  // Loaded lazily: the module holds the whole IDE bundle and only browsers need it.
  const { renderGraphiQL } = require('@graphql-yoga/render-graphiql') as typeof import('@graphql-yoga/render-graphiql');
  const html = Buffer.from(
    renderGraphiQL({
      title: 'Briefgraph GraphiQL',
      endpoint,
      defaultQuery: `# Welcome to Briefgraph: a knowledge base of education research briefs.\n{\n  meetings(first: 10) {\n    nodes {\n      number\n      title\n      dateRange\n      location { text }\n      followUpBriefs { nodes { title publicationDate { text } } }\n    }\n  }\n}\n`,
      headers: JSON.stringify({}),
    } as never),
    'utf8',
  );
  return { html, gzipped: gzipSync(html), etag: `"${createHash('sha1').update(html).digest('base64url')}"` };
}

/** True for a browser navigation (GET asking for HTML), which gets the IDE instead of an API answer. */
export function wantsGraphiQL(request: Request): boolean {
  return request.method === 'GET' && request.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html' && !request.query.query;
}

export function sendGraphiQL(request: Request, response: Response, endpoint: string): void {
  page ??= renderPage(endpoint);
  response.setHeader('ETag', page.etag);
  response.setHeader('Cache-Control', 'public, max-age=3600');
  response.setHeader('Vary', 'Accept, Accept-Encoding');
  if (request.headers['if-none-match'] === page.etag) {
    response.status(304).end();
    return;
  }
  response.type('html');
  if (request.acceptsEncodings('gzip') === 'gzip') {
    response.setHeader('Content-Encoding', 'gzip');
    response.send(page.gzipped);
  } else {
    response.send(page.html);
  }
}
