/**
 * Observability: a JSON log line per /graphql request (and never a secret in any
 * line), Prometheus metrics at /metrics (optionally behind METRICS_TOKEN), and CORS
 * for configured origins only. Real HTTP against a real database.
 */
import { ApiKeyRole } from '../src/auth/api-key.entity';
import { ConfigurationError, loadConfig } from '../src/config';
import { createServerMetrics, metricsText, operationLabel, recordCacheLookup, recordRateLimitRejection } from '../src/http/metrics';
import { createLogger, formatPrettyLine } from '../src/shared/logger';
import { startTestServer, type TestServer } from './support/test-server';

/** A JSON log line: fields are checked by the assertions, so each is unknown until then. */
type LogEntry = Record<string, unknown>;

const meetingsQuery = 'query MeetingsProbe { meetings(first: 2) { nodes { number title } } }';

function sampleValue(metricsBody: string, series: string): number | undefined {
  const line = metricsBody.split('\n').find((candidate) => candidate.startsWith(series + ' '));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('observability', () => {
  let server: TestServer;
  const lines: string[] = [];
  const entries = (): LogEntry[] => lines.map((line) => JSON.parse(line) as LogEntry);
  const requestLines = () => entries().filter((entry) => entry.message === 'graphql request');

  /** The request's line is written when the response has gone out, which may be just after the client has it. */
  async function logLineFor(requestId: string): Promise<LogEntry> {
    for (let attempt = 0; attempt < 100; attempt++) {
      const found = requestLines().find((entry) => entry.requestId === requestId);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`no log line for request ${requestId}; lines:\n${lines.join('\n')}`);
  }

  beforeAll(async () => {
    server = await startTestServer({ server: { logger: createLogger('info', 'json', (line) => lines.push(line)) } });
  });
  afterAll(async () => {
    await server?.close();
  });

  describe('request log', () => {
    it('logs one JSON line per request with its ID, operation, status, duration, SQL statements and outcome', async () => {
      const response = await server.graphql(meetingsQuery, undefined, { headers: { 'x-request-id': 'observability-test-1' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('x-request-id')).toBe('observability-test-1');
      const entry = await logLineFor('observability-test-1');
      expect(entry).toMatchObject({
        level: 'info',
        message: 'graphql request',
        requestId: 'observability-test-1',
        method: 'POST',
        operation: 'MeetingsProbe',
        status: 200,
        outcome: 'ok',
        sqlStatements: Number(response.headers.get('x-sql-statements')),
      });
      expect(entry.sqlStatements).toBeGreaterThan(0);
      expect(typeof entry.durationMilliseconds).toBe('number');
      expect(entry.durationMilliseconds).toBeGreaterThanOrEqual(0);
      expect(typeof entry.time).toBe('string');
      expect(entry).not.toHaveProperty('errorCodes');
      expect(entry).not.toHaveProperty('apiKeyName');
    });

    it('generates a request ID when none is sent, and logs that one', async () => {
      const response = await server.graphql('{ meetings(first: 1) { nodes { number } } }');
      const requestId = response.headers.get('x-request-id')!;
      expect(requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(await logLineFor(requestId)).toMatchObject({ operation: null, outcome: 'ok', status: 200 });
    });

    it('logs GraphQL errors with their codes', async () => {
      const response = await server.graphql('query Broken { noSuchField }', undefined, { headers: { 'x-request-id': 'observability-error' } });
      expect(response.status).toBe(400);
      expect(await logLineFor('observability-error')).toMatchObject({
        operation: 'Broken',
        status: 400,
        outcome: 'error',
        errorCodes: ['GRAPHQL_VALIDATION_FAILED'],
      });
    });

    it('logs user errors of mutations, with the API key name and never the key', async () => {
      const apiKey = await server.createApiKey(ApiKeyRole.EDITOR, 'observability-editor');
      const create = 'mutation CreateProbeTheme { themeCreate(input: { slug: "observability-probe", name: "Probe" }) { theme { id } userErrors { code } } }';
      const first = await server.graphql(create, undefined, { apiKey, headers: { 'x-request-id': 'observability-write-1' } });
      expect(first.data!.themeCreate.userErrors).toEqual([]);
      const second = await server.graphql(create, undefined, { apiKey, headers: { 'x-request-id': 'observability-write-2' } });
      expect(second.data!.themeCreate.userErrors).toEqual([{ code: 'TAKEN' }]);

      expect(await logLineFor('observability-write-1')).toMatchObject({ operation: 'CreateProbeTheme', outcome: 'ok', apiKeyName: 'observability-editor' });
      expect(await logLineFor('observability-write-2')).toMatchObject({
        operation: 'CreateProbeTheme',
        outcome: 'user_error',
        errorCodes: ['TAKEN'],
        apiKeyName: 'observability-editor',
      });
      expect(lines.some((line) => line.includes(apiKey))).toBe(false);
      expect(lines.some((line) => line.includes(apiKey.slice(4)))).toBe(false);
    });

    it('logs requests refused before GraphQL as rejected, and never the key they sent', async () => {
      const unknownKey = `bgk_${'A'.repeat(43)}`;
      const malformedKey = 'not-a-key-but-still-a-secret-7f3a9c';
      const unknown = await server.graphql(meetingsQuery, undefined, { apiKey: unknownKey, headers: { 'x-request-id': 'observability-unknown-key' } });
      const malformed = await server.graphql(meetingsQuery, undefined, { apiKey: malformedKey, headers: { 'x-request-id': 'observability-malformed-key' } });
      expect([unknown.status, malformed.status]).toEqual([401, 401]);

      for (const requestId of ['observability-unknown-key', 'observability-malformed-key']) {
        const entry = await logLineFor(requestId);
        expect(entry).toMatchObject({ status: 401, outcome: 'rejected', errorCodes: ['UNAUTHENTICATED'], operation: null });
        // Refused before the body was read: no statement scope, no operation name.
        expect(entry).not.toHaveProperty('sqlStatements');
        expect(entry).not.toHaveProperty('apiKeyName');
      }
      expect(lines.some((line) => line.includes(unknownKey) || line.includes(malformedKey))).toBe(false);
    });

    it('does not log /healthz, /readyz or /metrics', async () => {
      const before = requestLines().length;
      for (const path of ['/healthz', '/readyz', '/metrics']) expect((await fetch(`${server.url}${path}`)).status).toBe(200);
      await server.graphql(meetingsQuery, undefined, { headers: { 'x-request-id': 'observability-after-health' } });
      await logLineFor('observability-after-health');
      expect(requestLines().length).toBe(before + 1);
    });
  });

  describe('metrics', () => {
    it('serves Prometheus text with request counters, histograms, pool gauges and the cache and rate-limit metrics', async () => {
      for (let request = 0; request < 3; request++) await server.graphql('query MetricsProbe { meetings(first: 1) { nodes { number } } }');
      await server.graphql('query MetricsProbe { noSuchField }');
      const longName = `Q${'x'.repeat(70)}`;
      await server.graphql(`query ${longName} { meetings(first: 1) { nodes { number } } }`);
      // Three requests refused before GraphQL (unknown keys), made here so the counts do not depend on other tests.
      for (const letter of ['B', 'C', 'D']) await server.graphql(meetingsQuery, undefined, { apiKey: `bgk_${letter.repeat(43)}` });
      // Metrics are recorded when a response has gone out; give the last one a moment.
      await new Promise((resolve) => setTimeout(resolve, 100));

      const response = await fetch(`${server.url}/metrics`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      const body = await response.text();

      expect(sampleValue(body, 'briefgraph_requests_total{operation="MetricsProbe",outcome="ok"}')).toBe(3);
      expect(sampleValue(body, 'briefgraph_requests_total{operation="MetricsProbe",outcome="error"}')).toBe(1);
      expect(sampleValue(body, 'briefgraph_request_errors_total{operation="MetricsProbe",code="GRAPHQL_VALIDATION_FAILED"}')).toBe(1);
      expect(sampleValue(body, 'briefgraph_requests_total{operation="MeetingsProbe",outcome="rejected"}')).toBeUndefined();
      expect(sampleValue(body, 'briefgraph_requests_total{operation="anonymous",outcome="rejected"}')).toBeGreaterThanOrEqual(3);
      expect(sampleValue(body, 'briefgraph_request_errors_total{operation="anonymous",code="UNAUTHENTICATED"}')).toBeGreaterThanOrEqual(3);
      // A name too long for a label is counted as "other", never as itself.
      expect(body).not.toContain(longName);
      expect(sampleValue(body, 'briefgraph_requests_total{operation="other",outcome="ok"}')).toBe(1);

      expect(sampleValue(body, 'briefgraph_request_duration_seconds_count{operation="MetricsProbe"}')).toBe(4);
      expect(body).toMatch(/^briefgraph_request_duration_seconds_bucket\{le="0\.1",operation="MetricsProbe"\} \d+$/m);
      expect(sampleValue(body, 'briefgraph_sql_statements_per_request_count')).toBeGreaterThanOrEqual(4);
      expect(body).toMatch(/^briefgraph_sql_statements_per_request_bucket\{le="\+Inf"\} \d+$/m);

      for (const pool of ['writer', 'published']) {
        expect(sampleValue(body, `briefgraph_database_pool_connections{pool="${pool}",state="total"}`)).toBeGreaterThanOrEqual(1);
        expect(sampleValue(body, `briefgraph_database_pool_connections{pool="${pool}",state="idle"}`)).toBeGreaterThanOrEqual(0);
        expect(sampleValue(body, `briefgraph_database_pool_connections{pool="${pool}",state="waiting"}`)).toBe(0);
      }
      expect(sampleValue(body, 'briefgraph_response_cache_lookups_total{result="hit"}')).toBeGreaterThanOrEqual(0);
      expect(sampleValue(body, 'briefgraph_response_cache_lookups_total{result="miss"}')).toBeGreaterThanOrEqual(0);
      expect(sampleValue(body, 'briefgraph_rate_limit_rejections_total')).toBeGreaterThanOrEqual(0);
      // Process metrics come along.
      expect(body).toMatch(/^process_cpu_user_seconds_total \d/m);
      expect(body).toMatch(/^nodejs_heap_size_used_bytes \d/m);
      // Event-loop delay: long CPU work (a large import, say) shows here before clients feel it.
      expect(body).toMatch(/^nodejs_eventloop_lag_p99_seconds \d/m);
    });

    it('records cache lookups and rate-limit rejections through the functions other modules call', async () => {
      const metrics = createServerMetrics();
      recordCacheLookup(metrics, true);
      recordCacheLookup(metrics, true);
      recordCacheLookup(metrics, false);
      recordRateLimitRejection(metrics);
      recordCacheLookup(undefined, true); // harmless without metrics
      const body = await metricsText(metrics);
      expect(sampleValue(body, 'briefgraph_response_cache_lookups_total{result="hit"}')).toBe(2);
      expect(sampleValue(body, 'briefgraph_response_cache_lookups_total{result="miss"}')).toBe(1);
      expect(sampleValue(body, 'briefgraph_rate_limit_rejections_total')).toBe(1);
    });

    it('bounds the operation label', () => {
      const metrics = createServerMetrics();
      expect(operationLabel(metrics, null)).toBe('anonymous');
      expect(operationLabel(metrics, 'Briefs')).toBe('Briefs');
      expect(operationLabel(metrics, 'not valid!')).toBe('other');
      for (let index = 0; index < 600; index++) operationLabel(metrics, `Generated${index}`);
      expect(metrics.operationLabels.size).toBe(500);
      expect(operationLabel(metrics, 'Briefs')).toBe('Briefs');
      expect(operationLabel(metrics, 'OneTooMany')).toBe('other');
    });
  });

  describe('with METRICS_TOKEN and CORS_ORIGINS', () => {
    const metricsToken = 'observability-metrics-token-0123456789';
    const allowedOrigin = 'https://app.example.org';
    let configured: TestServer;
    let anyOrigin: TestServer;

    beforeAll(async () => {
      configured = await startTestServer({ database: server.database, server: { metricsToken, corsOrigins: [allowedOrigin, 'http://localhost:3000'] } });
      anyOrigin = await startTestServer({ database: server.database, server: { corsOrigins: '*' } });
    });
    afterAll(async () => {
      await configured?.close();
      await anyOrigin?.close();
    });

    it('serves /metrics only for the token', async () => {
      const without = await fetch(`${configured.url}/metrics`);
      expect(without.status).toBe(401);
      expect(without.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(((await without.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect((await fetch(`${configured.url}/metrics`, { headers: { authorization: 'Bearer wrong-token-wrong-token' } })).status).toBe(401);
      const allowed = await fetch(`${configured.url}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } });
      expect(allowed.status).toBe(200);
      expect(await allowed.text()).toContain('briefgraph_requests_total');
    });

    it('keeps Vary: Origin beside Vary: Authorization on cacheable answers, so a CDN keeps origins apart', async () => {
      const cached = await startTestServer({ database: server.database, server: { corsOrigins: [allowedOrigin], cacheMaxAgeSeconds: 60 } });
      try {
        const response = await fetch(`${cached.url}/graphql?query=${encodeURIComponent('{ themes(first: 1) { totalCount } }')}`, {
          headers: { origin: allowedOrigin },
        });
        expect(response.status).toBe(200);
        expect(response.headers.get('cache-control')).toMatch(/public/);
        const vary = response.headers
          .get('vary')!
          .split(',')
          .map((value) => value.trim().toLowerCase());
        expect(vary).toEqual(expect.arrayContaining(['origin', 'authorization']));
      } finally {
        await cached.close();
      }
    });

    it('answers preflights and adds CORS headers for an allowed origin', async () => {
      const preflight = await fetch(`${configured.url}/graphql`, {
        method: 'OPTIONS',
        headers: {
          origin: allowedOrigin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type, authorization, idempotency-key',
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(allowedOrigin);
      expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
      const allowedHeaders = preflight.headers.get('access-control-allow-headers')!.split(',');
      for (const header of ['content-type', 'authorization', 'idempotency-key', 'x-request-id', 'apollo-require-preflight', 'x-apollo-operation-name']) {
        expect(allowedHeaders).toContain(header);
      }
      expect(preflight.headers.get('vary')).toMatch(/Origin/);

      const response = await configured.graphql(meetingsQuery, undefined, { headers: { origin: allowedOrigin } });
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe(allowedOrigin);
      const exposed = response.headers.get('access-control-expose-headers')!.split(',');
      for (const header of [
        'x-request-id',
        'x-sql-statements',
        'retry-after',
        'x-ratelimit-limit',
        'x-ratelimit-remaining',
        'x-ratelimit-reset',
        'x-ratelimit-cost',
      ]) {
        expect(exposed).toContain(header);
      }
    });

    it('sends no CORS headers to other origins, nor to any origin by default', async () => {
      for (const target of [configured, server]) {
        const origin = target === configured ? 'https://evil.example.com' : allowedOrigin;
        const preflight = await fetch(`${target.url}/graphql`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
        expect(preflight.status).toBe(204);
        expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
        expect(preflight.headers.get('access-control-allow-headers')).toBeNull();
        const response = await target.graphql(meetingsQuery, undefined, { headers: { origin } });
        expect(response.status).toBe(200);
        expect(response.headers.get('access-control-allow-origin')).toBeNull();
      }
    });

    it('allows every origin with "*"', async () => {
      const response = await anyOrigin.graphql(meetingsQuery, undefined, { headers: { origin: 'https://anywhere.example.net' } });
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
    });

    it('answers simple cross-origin GET queries (no credentials travel with them), and still refuses unsafe simple requests', async () => {
      const origin = 'https://anywhere.example.net';
      const query = await fetch(`${anyOrigin.url}/graphql?query=${encodeURIComponent('{ meetings(first: 1) { nodes { number } } }')}`, { headers: { origin } });
      expect(query.status).toBe(200);
      const mutation = await fetch(`${anyOrigin.url}/graphql?query=${encodeURIComponent('mutation { themeDelete(id: "x") { deletedThemeId } }')}`, {
        headers: { origin },
      });
      expect(mutation.status).toBe(405);
      const form = await fetch(`${anyOrigin.url}/graphql`, {
        method: 'POST',
        headers: { origin, 'content-type': 'text/plain' },
        body: '{"query":"mutation { themeDelete(id: \\"x\\") { deletedThemeId } }"}',
      });
      expect(form.status).toBe(415);
    });
  });
});

describe('logger', () => {
  it('writes pino JSON lines with a "message" key and redacts secrets by field name and by pattern', () => {
    const lines: string[] = [];
    const logger = createLogger('debug', 'json', (line) => lines.push(line));
    const apiKey = `bgk_${'C'.repeat(43)}`;
    logger.info('connecting', {
      databaseUrl: 'postgresql://briefgraph:hunter2-password@db.internal:5432/briefgraph',
      headers: { authorization: `Bearer ${apiKey}` },
      password: 'hunter3',
      options: { apiKey, secret: 'hunter4' },
      note: `retrying postgres://user:hunter5@db/x with Bearer ${apiKey}`,
    });
    logger.debug(`failed for ${apiKey}`);
    const [entry, debug] = lines.map((line) => JSON.parse(line) as LogEntry);
    expect(entry).toMatchObject({
      level: 'info',
      message: 'connecting',
      databaseUrl: 'postgresql://briefgraph:***@db.internal:5432/briefgraph',
      password: '[redacted]',
    });
    expect((entry.headers as { authorization: unknown }).authorization).toBe('[redacted]');
    expect(entry.options).toEqual({ apiKey: '[redacted]', secret: '[redacted]' });
    expect(debug.message).toBe('failed for bgk_[redacted]');
    for (const secret of ['hunter2', 'hunter3', 'hunter4', 'hunter5', apiKey]) expect(lines.join('\n')).not.toContain(secret);
  });

  it('writes one readable line per event in the pretty format, and nothing below its level', () => {
    const lines: string[] = [];
    const logger = createLogger('info', 'pretty', (line) => lines.push(line));
    logger.debug('not shown');
    logger.warn('slow SQL statement', { milliseconds: 812, statement: 'SELECT 1', tags: ['a'] });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d warn {2}slow SQL statement milliseconds=812 statement=SELECT 1 tags=\["a"\]$/);
    expect(formatPrettyLine('{"level":"info","time":"2025-01-02T03:04:05.000Z","pid":1,"hostname":"h","message":"hi","a":"b"}')).toBe('03:04:05 info  hi a=b');
  });
});

describe('log forging', () => {
  it('keeps what a client sends on one line in the pretty format: an operation name with newlines forges no log line', async () => {
    const lines: string[] = [];
    const server = await startTestServer({ seed: false, server: { logger: createLogger('info', 'pretty', (line) => lines.push(line)) } });
    try {
      const forged = 'Innocent\n12:00:00 error the database was dropped by admin\u001b[2J';
      await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'query Innocent { __typename }', operationName: forged }),
      });
      expect(lines.join('')).toContain('Innocent\\n12:00:00 error the database was dropped');
      // Built from a string: a control character (ESC, which starts a terminal escape) in a regex literal is what no-control-regex forbids.
      const lineBreakOrEscape = new RegExp(`[\\n\\r${String.fromCharCode(27)}]`);
      for (const line of lines) expect(line).not.toMatch(lineBreakOrEscape);
    } finally {
      await server.close();
    }
  });
});

describe('configuration', () => {
  it('reads CORS_ORIGINS and METRICS_TOKEN', () => {
    expect(loadConfig({}).corsOrigins).toEqual([]);
    expect(loadConfig({}).metricsToken).toBeUndefined();
    expect(loadConfig({ CORS_ORIGINS: '*' }).corsOrigins).toBe('*');
    expect(loadConfig({ CORS_ORIGINS: ' https://App.Example.org/ , http://localhost:3000 ' }).corsOrigins).toEqual([
      'https://app.example.org',
      'http://localhost:3000',
    ]);
    expect(loadConfig({ METRICS_TOKEN: 'a-long-enough-metrics-token' }).metricsToken).toBe('a-long-enough-metrics-token');
  });

  it('refuses bad values with a message naming the variable, never echoing a token', () => {
    for (const origins of ['app.example.org', 'https://app.example.org/path', 'ftp://files.example.org', 'https://a.org,*']) {
      expect(() => loadConfig({ CORS_ORIGINS: origins })).toThrow(ConfigurationError);
      expect(() => loadConfig({ CORS_ORIGINS: origins })).toThrow(/CORS_ORIGINS/);
    }
    expect(() => loadConfig({ METRICS_TOKEN: 'short-secret' })).toThrow(/METRICS_TOKEN/);
    try {
      loadConfig({ METRICS_TOKEN: 'with spaces in the token' });
    } catch (error) {
      expect((error as Error).message).not.toContain('with spaces');
    }
  });
});
