/**
 * The in-browser GraphQL IDE, served from this process with every script and
 * stylesheet inline, so it works offline. The page is about 9 MB, so it is built
 * and gzipped once, on first request, and sent compressed with a long-lived ETag.
 * `/graphql?query=…` opened in a browser shows the IDE with that query (GraphiQL
 * reads it from the address), so the page itself never changes.
 *
 * Its Content-Security-Policy lets exactly this page's inline scripts run (by their
 * SHA-256), its editor start its web workers from blob: URLs, and the page talk to
 * this origin only; it may not be framed (clickjacking).
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Request, Response } from 'express';

interface RenderedPage {
  html: Buffer;
  gzipped: Buffer;
  etag: string;
  contentSecurityPolicy: string;
}

/** The policy for a page whose inline scripts are `scripts`: those run, nothing else is fetched from elsewhere. */
export function ideContentSecurityPolicy(scripts: string[]): string {
  const hashes = scripts.map((script) => `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`);
  return [
    "default-src 'none'",
    `script-src ${hashes.join(' ')}`,
    // The editor adds style elements and attributes as it runs.
    "style-src 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    'worker-src blob:',
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1]);
}

let page: RenderedPage | undefined;

function renderPage(endpoint: string): RenderedPage {
  // Loaded lazily: the module holds the whole IDE bundle and only browsers need it.
  const { renderGraphiQL } = require('@graphql-yoga/render-graphiql') as typeof import('@graphql-yoga/render-graphiql');
  const text = renderGraphiQL({
    title: 'Briefgraph GraphiQL',
    endpoint,
    defaultQuery: `# Welcome to Briefgraph: a knowledge base of education research briefs.\n{\n  meetings(first: 10) {\n    nodes {\n      number\n      title\n      dateRange\n      location { text }\n      followUpBriefs { nodes { title publicationDate { text } } }\n    }\n  }\n}\n`,
    headers: JSON.stringify({}),
  } as never);
  const html = Buffer.from(text, 'utf8');
  return {
    html,
    gzipped: gzipSync(html),
    etag: `"${createHash('sha1').update(html).digest('base64url')}"`,
    contentSecurityPolicy: ideContentSecurityPolicy(inlineScripts(text)),
  };
}

/** True for a browser navigation (GET asking for HTML), which gets the IDE, with `?query=` filled in, instead of an API answer. */
export function wantsGraphiQL(request: Request): boolean {
  return request.method === 'GET' && request.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html';
}

export function sendGraphiQL(request: Request, response: Response, endpoint: string): void {
  page ??= renderPage(endpoint);
  response.setHeader('Content-Security-Policy', page.contentSecurityPolicy);
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
