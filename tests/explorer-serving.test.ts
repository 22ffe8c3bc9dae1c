/** How the server serves the explorer: hashed assets cached for good, pages revalidated, every /explore/* path a page. */
import fs from 'node:fs';
import path from 'node:path';
import { startTestServer, type TestServer } from './support/test-server';

const builtAssets = path.join(__dirname, '..', 'dist', 'explorer', 'assets');

describe('serving the explorer at /explore', () => {
  let server: TestServer;
  let script: string;
  beforeAll(async () => {
    server = await startTestServer({ seed: false });
    // globalSetup built dist/explorer; its entry script is named by the hash of its content.
    script = fs.readdirSync(builtAssets).find((name) => /^index-.*\.js$/.test(name))!;
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers /explore and any page under it with the application, revalidated on every load', async () => {
    for (const page of ['/explore', '/explore/', '/explore/briefs/always-room-for-improvement', '/explore/search?q=data', '/explore/no/such/page']) {
      const response = await fetch(`${server.url}${page}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      const html = await response.text();
      expect(html).toContain('<div id="root"></div>');
      expect(html).toContain(`/explore/assets/${script}`);
    }
  });

  it('serves hashed assets as immutable for a year, compressed when the browser accepts it', async () => {
    const plain = await fetch(`${server.url}/explore/assets/${script}`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.status).toBe(200);
    expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(plain.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(plain.headers.get('content-encoding')).toBeNull();
    const body = await plain.text();
    expect(body).toBe(fs.readFileSync(path.join(builtAssets, script), 'utf8'));

    // fetch decodes the body itself: the decoded text must be the same script.
    const compressed = await fetch(`${server.url}/explore/assets/${script}`, { headers: { 'accept-encoding': 'gzip, br' } });
    expect(compressed.headers.get('content-encoding')).toBe('br');
    expect(compressed.headers.get('vary')).toBe('Accept-Encoding');
    expect(await compressed.text()).toBe(body);
    const gzip = await fetch(`${server.url}/explore/assets/${script}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(await gzip.text()).toBe(body);
  });

  it('answers a missing asset with 404, never with the page, and keeps requests inside the build', async () => {
    for (const asset of ['/explore/assets/index-0000.js', '/explore/assets/%2e%2e%2f%2e%2e%2fpackage.json', '/explore/assets/..%2f..%2fpackage.json']) {
      const response = await fetch(`${server.url}${asset}`);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('<div id="root">');
    }
    // A malformed escape is a bad request (express refuses it before any route).
    const malformed = await fetch(`${server.url}/explore/assets/%E0%A4%A`);
    expect(malformed.status).toBe(400);
  });

  it('leaves GraphiQL at /graphql and the JSON 404 elsewhere', async () => {
    const graphiql = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(graphiql.status).toBe(200);
    expect(await graphiql.text()).toMatch(/graphiql/i);
    const elsewhere = await fetch(`${server.url}/explorer`);
    expect(elsewhere.status).toBe(404);
    expect(((await elsewhere.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('NOT_FOUND');
  });
});
