/**
 * Serves the explorer (the web application built from explorer/ into dist/explorer) at /explore.
 * Built assets have content hashes in their names, so they are cached for a year as immutable;
 * index.html is revalidated on every load (no-cache), so a new build is picked up at once. Every
 * other /explore/* path is a page of the single-page application and gets index.html. Assets are
 * built pre-compressed (brotli and gzip) and sent that way to browsers that accept it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type express from 'express';

export const explorerBasePath = '/explore';

/** The folder the explorer is built into: dist/explorer at the project root, from src/ or dist/src/. */
export function defaultExplorerDirectory(): string {
  let directory = __dirname;
  while (!fs.existsSync(path.join(directory, 'package.json')) && path.dirname(directory) !== directory) directory = path.dirname(directory);
  return path.join(directory, 'dist', 'explorer');
}

const immutable = 'public, max-age=31536000, immutable';
// The explorer talks only to its own server; styles are inline attributes (React, the graph's canvas).
const contentSecurityPolicy =
  "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'";

const mediaTypes: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

/** The pre-compressed variant of `file` the client accepts, if one was built. */
function encodedVariant(request: express.Request, file: string): { file: string; encoding: string } | undefined {
  const accepted = String(request.headers['accept-encoding'] ?? '');
  for (const [encoding, extension] of [
    ['br', '.br'],
    ['gzip', '.gz'],
  ] as const) {
    if (new RegExp(`\\b${encoding}\\b`).test(accepted) && fs.existsSync(file + extension)) return { file: file + extension, encoding };
  }
  return undefined;
}

function sendBuiltFile(request: express.Request, response: express.Response, file: string, cacheControl: string): void {
  const variant = encodedVariant(request, file);
  response.setHeader('Vary', 'Accept-Encoding');
  response.setHeader('Content-Type', mediaTypes[path.extname(file)] ?? 'application/octet-stream');
  response.setHeader('X-Content-Type-Options', 'nosniff');
  if (variant) response.setHeader('Content-Encoding', variant.encoding);
  response.sendFile(variant?.file ?? file, { headers: { 'Cache-Control': cacheControl }, lastModified: true, etag: true });
}

/** The built asset a request names, or undefined (also for names that would leave the folder). */
function assetFile(assetsDirectory: string, name: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    return undefined;
  }
  const file = path.join(assetsDirectory, path.normalize(decoded));
  return file.startsWith(assetsDirectory + path.sep) && fs.statSync(file, { throwIfNoEntry: false })?.isFile() ? file : undefined;
}

export function explorerRoutes(app: express.Express, directory = defaultExplorerDirectory()): void {
  const assetsDirectory = path.join(directory, 'assets');
  app.get(`${explorerBasePath}{/*page}`, (request, response) => {
    const relative = request.path.slice(explorerBasePath.length);
    if (relative.startsWith('/assets/')) {
      const file = assetFile(assetsDirectory, relative.slice('/assets/'.length));
      if (!file) {
        response.status(404).type('text/plain').send('Not found: no such explorer asset (the page may be from an older build; reload it)');
        return;
      }
      sendBuiltFile(request, response, file, immutable);
      return;
    }
    const index = path.join(directory, 'index.html');
    if (!fs.existsSync(index)) {
      response
        .status(503)
        .type('text/plain')
        .send('The explorer has not been built: run `npm run build:explorer` (npm start and npm test build it when needed).');
      return;
    }
    response.setHeader('Content-Security-Policy', contentSecurityPolicy);
    response.setHeader('Referrer-Policy', 'same-origin');
    sendBuiltFile(request, response, index, 'no-cache');
  });
}
