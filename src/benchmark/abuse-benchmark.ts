/**
 * Whether one client can take the database from the others (issue 10): each kind of
 * expensive query (connection paths, facets, searches, related records, deep nesting)
 * is grown to the largest the limits accept (searched for, since refusals are cheap),
 * and the kinds are ranked by how long one takes alone; then, per candidate, ten
 * concurrent copies are sent in a loop by one anonymous client while another anonymous
 * client sends small queries one after another. The small queries' p50 under that load
 * is compared with their p50 on the idle server, and their failures counted.
 *
 * The two clients are told apart by address (the server trusts one proxy, and each
 * client sends its own X-Forwarded-For), as two visitors would be. Rate limiting is off:
 * the figure measures the fair sharing of the pool, not the budget that would also stop
 * the abuser within the hour.
 */
import type { DataSource } from 'typeorm';
import { encodeGlobalId } from '../shared/global-id';
import type { ServerOptions } from '../server';
import type { DatabaseShareSettings } from '../traffic/database-share';
import { percentile } from './statistics';

type WithServer = <T>(lessons: number, serverOptions: Partial<ServerOptions>, work: (url: string, dataSource: DataSource) => Promise<T>) => Promise<T>;

interface Candidate {
  name: string;
  query: string;
}

/** A kind of expensive query, made larger by `size` (aliases, parents); the search finds the largest size the limits accept. */
interface Family {
  name: (size: number) => string;
  query: (size: number) => string;
  maximumSize: number;
}

const aliases = (count: number, field: (index: number) => string) => Array.from({ length: count }, (_, index) => `a${index}: ${field(index)}`).join(' ');

const searchTerms = [
  'continuous improvement',
  'data',
  'equity',
  'leadership',
  'tutoring',
  'school climate',
  'county offices',
  'accountability',
  'teacher',
  'district',
];

async function keys(dataSource: DataSource, table: string, type: string, count: number): Promise<string[]> {
  const rows = (await dataSource.query(`SELECT id FROM ${table} ORDER BY md5(id::text) LIMIT ${count}`)) as Array<{ id: number }>;
  return rows.map((row) => encodeGlobalId(type, row.id));
}

/** Connection paths, facets, searches, related records and deep nesting, each made as large as a parameter allows. */
async function families(dataSource: DataSource): Promise<Family[]> {
  const briefs = await keys(dataSource, 'brief', 'Brief', 31);
  const districts = await keys(dataSource, 'district', 'District', 31);
  const termOf = (index: number) => searchTerms[index % searchTerms.length];
  return [
    {
      name: (size) => `${size} connection paths (maxHops 4)`,
      query: (size) =>
        `{ ${aliases(size, (index) => `connection(from: "${briefs[index % briefs.length]}", to: "${districts[index % districts.length]}", maxHops: 4) { hops steps { relation } }`)} }`,
      maximumSize: 31,
    },
    {
      name: (size) => `${size} lessonFacets with searches`,
      query: (size) => `{ ${aliases(size, (index) => `lessonFacets(search: "${termOf(index)}") { themes { count } years { count } districts { count } }`)} }`,
      maximumSize: 31,
    },
    {
      name: (size) => `${size} briefFacets with searches`,
      query: (size) => `{ ${aliases(size, (index) => `briefFacets(search: "${termOf(index)}") { themes { count } years { count } publishers { count } }`)} }`,
      maximumSize: 31,
    },
    {
      name: (size) => `${size} searches of 20 with totals`,
      query: (size) => `{ ${aliases(size, (index) => `search(query: "${termOf(index)}", first: 20) { totalCount nodes { __typename } }`)} }`,
      maximumSize: 31,
    },
    {
      name: (size) => `${size} list searches of 100 with totals`,
      query: (size) => `{ ${aliases(size, (index) => `lessons(first: 100, search: "${termOf(index)}") { totalCount nodes { statement } }`)} }`,
      maximumSize: 31,
    },
    {
      name: (size) => `${size} lessons with 5 related lessons each`,
      query: (size) => `{ lessons(first: ${size}) { nodes { relatedLessons(first: 5) { nodes { statement } } } } }`,
      maximumSize: 100,
    },
    {
      name: (size) => `deep nesting: 100 themes × ${size} lessons × their brief's 3 lessons`,
      query: (size) =>
        `{ themes(first: 100) { nodes { lessons(first: ${size}, includeSubthemes: true) { totalCount nodes { statement brief { title lessons(first: 3) { nodes { statement } } } } } } } }`,
      maximumSize: 100,
    },
  ];
}

/** Whether the limits accept `query` (a refusal runs no SQL, so asking is cheap). */
async function accepted(url: string, query: string): Promise<boolean> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.1' },
    body: JSON.stringify({ query }),
  });
  return !(await response.text()).includes('QUERY_LIMIT_EXCEEDED');
}

/** The largest accepted member of each family (binary search on its size). */
async function candidates(url: string, dataSource: DataSource): Promise<Candidate[]> {
  const found: Candidate[] = [];
  for (const family of await families(dataSource)) {
    let low = 0;
    let high = family.maximumSize;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (await accepted(url, family.query(middle))) low = middle;
      else high = middle - 1;
    }
    if (low > 0) found.push({ name: family.name(low), query: family.query(low) });
  }
  return found;
}

async function send(url: string, address: string, body: string): Promise<{ status: number; milliseconds: number; failed: boolean }> {
  const startedAt = performance.now();
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': address }, body });
  const text = await response.text();
  return { status: response.status, milliseconds: performance.now() - startedAt, failed: response.status !== 200 || text.includes('"errors"') };
}

const smallQuery = (run: number) =>
  JSON.stringify({ query: `query($n: Int!) { meeting(number: $n) { number title dateRange } }`, variables: { n: 11 + (run % 30) } });

/** The small client's requests, one after another, until `until` resolves (or `count` are sent). */
async function smallRequests(url: string, until: { done: boolean } | number): Promise<{ timings: number[]; failures: number; statuses: Set<number> }> {
  const timings: number[] = [];
  let failures = 0;
  const statuses = new Set<number>();
  for (let run = 0; typeof until === 'number' ? run < until : !until.done; run++) {
    const answer = await send(url, '198.51.100.7', smallQuery(run));
    timings.push(answer.milliseconds);
    if (answer.failed) {
      failures++;
      statuses.add(answer.status);
    }
  }
  timings.sort((a, b) => a - b);
  return { timings, failures, statuses };
}

export async function benchmarkAbuse(
  withServer: WithServer,
  lessons: number,
  seconds: number,
  share: DatabaseShareSettings,
  log: (line: string) => void,
): Promise<string> {
  return withServer(lessons, { trustProxy: 1, rateLimit: { points: 0, windowSeconds: 3600 }, databaseShare: share }, async (url, dataSource) => {
    const all = await candidates(url, dataSource);
    // The search: each candidate alone, twice (the first warms caches); accepted ones ranked by time.
    const measured: Array<Candidate & { milliseconds: number; accepted: boolean; failure: string }> = [];
    for (const candidate of all) {
      const body = JSON.stringify({ query: candidate.query });
      await send(url, '203.0.113.9', body);
      const startedAt = performance.now();
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' }, body });
      const text = await response.text();
      const accepted = response.status === 200 && !text.includes('"errors"');
      // Accepted by the limits but not answered in time alone: the request timeout answered (504) and cancelled its work.
      const failure = accepted ? '' : (/"code":"([A-Z_]+)"/.exec(text)?.[1] ?? String(response.status));
      measured.push({ ...candidate, milliseconds: performance.now() - startedAt, accepted, failure });
      log(`  ${candidate.name}: ${accepted ? `${(performance.now() - startedAt).toFixed(0)} ms` : `failed alone (${text.slice(0, 200)})`}`);
    }
    measured.sort((a, b) => b.milliseconds - a.milliseconds);
    const idle = await smallRequests(url, 200);
    const idleP50 = percentile(idle.timings, 0.5);
    log(`  small query idle: p50 ${idleP50.toFixed(1)} ms`);
    const rows = [
      `Shares: ${share.perClient} requests per client, ${share.perRequest} connections per request. Small query idle (200 runs): p50 ${idleP50.toFixed(1)} ms, p95 ${percentile(idle.timings, 0.95).toFixed(1)} ms.`,
      '',
      '| expensive query (10 concurrent copies, one client) | alone, ms | copies answered | small queries | small p50 ms | small p95 ms | × idle p50 | small failures |',
      '|---|--:|--:|--:|--:|--:|--:|--:|',
    ];
    for (const candidate of measured.filter((entry) => entry.accepted)) {
      const body = JSON.stringify({ query: candidate.query });
      const stop = { done: false };
      let answered = 0;
      const abuser = Array.from({ length: 10 }, async () => {
        while (!stop.done) {
          await send(url, '203.0.113.9', body);
          answered++;
        }
      });
      const small = smallRequests(url, stop);
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      stop.done = true;
      const [figures] = await Promise.all([small, ...abuser]);
      const p50 = percentile(figures.timings, 0.5);
      log(`  ${candidate.name} ×10: small p50 ${p50.toFixed(1)} ms, ${figures.failures} failures`);
      rows.push(
        `| ${candidate.name} | ${candidate.milliseconds.toFixed(0)} | ${answered} | ${figures.timings.length} | ${p50.toFixed(1)} | ${percentile(figures.timings, 0.95).toFixed(1)} | ${(p50 / idleP50).toFixed(2)} | ${figures.failures}${figures.statuses.size ? ` (${[...figures.statuses].join(', ')})` : ''} |`,
      );
    }
    const failed = measured.filter((entry) => !entry.accepted).map((entry) => `${entry.name} (${entry.failure})`);
    if (failed.length > 0) rows.push('', `Accepted by the limits but not answered alone (so not measured under load): ${failed.join('; ')}.`);
    return rows.join('\n');
  });
}
