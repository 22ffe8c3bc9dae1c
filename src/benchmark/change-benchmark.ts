/**
 * Following changes, end to end: how long after a write commits (SQL on a connection of
 * the benchmark's own, as psql, an import or another instance would) a signed webhook
 * reaches a local receiver and a WebSocket subscriber hears of it, and how fast a
 * consumer reads the change feed. Briefgraph runs as a process of its own on the
 * benchmark database (whose seeding filled the feed), as deployed.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from 'graphql-ws';
import type { DataSource } from 'typeorm';
import WebSocket from 'ws';
import { ApiKeyRole } from '../auth/api-key.entity';
import { createApiKey } from '../auth/api-key.service';
import { withBenchmarkDatabase } from './benchmark-database';
import { LoadClient } from './load-client';
import { startBriefgraph } from './server-processes';
import { percentile } from './statistics';

export interface DelayFigures {
  p50: number;
  p95: number;
  max: number;
}

export interface ChangeFigures {
  writes: number;
  webhook: DelayFigures;
  subscription: DelayFigures;
  feed: { changes: number; seconds: number; perSecond: number; pageSize: number };
}

function delayFigures(delays: number[]): DelayFigures {
  const sorted = [...delays].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), max: sorted[sorted.length - 1] };
}

/** Resolves with the next value pushed (or one already waiting). */
class Arrivals {
  private readonly waiting: number[] = [];
  private resolver: ((at: number) => void) | undefined;

  push(at: number): void {
    if (this.resolver) {
      const resolve = this.resolver;
      this.resolver = undefined;
      resolve(at);
    } else {
      this.waiting.push(at);
    }
  }

  next(timeoutMilliseconds = 10_000): Promise<number> {
    const ready = this.waiting.shift();
    if (ready !== undefined) return Promise.resolve(ready);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.resolver = undefined;
        reject(new Error(`a change did not arrive within ${timeoutMilliseconds} ms`));
      }, timeoutMilliseconds);
      this.resolver = (at) => {
        clearTimeout(timer);
        resolve(at);
      };
    });
  }
}

/** A webhook target that notes when each delivery arrives. */
async function startReceiver(arrivals: Arrivals): Promise<http.Server> {
  const receiver = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      arrivals.push(performance.now());
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  return receiver;
}

async function registerWebhook(client: LoadClient, authorization: string, receiver: http.Server): Promise<void> {
  const created = JSON.parse(
    (
      await client.post(
        JSON.stringify({
          query: `mutation($url: String!) { webhookCreate(input: { url: $url, types: [BRIEF], kinds: [UPDATED] }) { webhook { id } userErrors { message } } }`,
          variables: { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook` },
        }),
        { authorization },
      )
    ).body,
  ) as { data?: { webhookCreate: { userErrors: unknown[] } } };
  if (!created.data || created.data.webhookCreate.userErrors.length > 0) throw new Error(`could not register the webhook: ${JSON.stringify(created)}`);
}

/** Commit to webhook delivery and to subscriber, for `writes` renames of one brief. */
async function measureDeliveries(
  dataSource: DataSource,
  subscriber: ReturnType<typeof createClient>,
  webhookArrivals: Arrivals,
  writes: number,
  progress: (line: string) => void,
): Promise<{ webhook: DelayFigures; subscription: DelayFigures }> {
  const subscriptionArrivals = new Arrivals();
  const stopSubscription = subscriber.subscribe(
    { query: `subscription { recordChanged(types: [BRIEF], kinds: [UPDATED]) { recordId } }` },
    {
      next: () => subscriptionArrivals.push(performance.now()),
      error: (error) => progress(`  subscription failed: ${JSON.stringify(error)}`),
      complete: () => undefined,
    },
  );
  const rename = (round: number) => dataSource.query(`UPDATE brief SET title = $1 WHERE slug = 'always-room-for-improvement'`, [`Followed ${round}`]);
  // Writes until the subscription hears one (it is in place only once the server has it), then the webhooks of those writes.
  let warmUps = 0;
  for (let heard = false; !heard;) {
    await rename(-1 - warmUps++);
    heard = await subscriptionArrivals.next(1000).then(
      () => true,
      () => false,
    );
  }
  for (let index = 0; index < warmUps; index++) await webhookArrivals.next();
  const webhookDelays: number[] = [];
  const subscriptionDelays: number[] = [];
  for (let round = 0; round < writes; round++) {
    await rename(round);
    const committedAt = performance.now();
    const [webhookAt, subscriptionAt] = await Promise.all([webhookArrivals.next(), subscriptionArrivals.next()]);
    webhookDelays.push(webhookAt - committedAt);
    subscriptionDelays.push(subscriptionAt - committedAt);
  }
  stopSubscription();
  return { webhook: delayFigures(webhookDelays), subscription: delayFigures(subscriptionDelays) };
}

/** The whole feed, 500 changes a page, as a consumer catching up would read it. */
async function readWholeFeed(client: LoadClient, authorization: string): Promise<ChangeFigures['feed']> {
  const pageSize = 500;
  let after: string | null = null;
  let changes = 0;
  const startedAt = performance.now();
  for (;;) {
    const reply = await client.post(
      JSON.stringify({
        query: `query($after: String) { changes(after: $after, first: ${pageSize}) { changes { kind recordType recordId changedFields occurredAt } endCursor hasMore } }`,
        variables: { after },
      }),
      { authorization },
    );
    const page = (JSON.parse(reply.body) as { data: { changes: { changes: unknown[]; endCursor: string; hasMore: boolean } } }).data.changes;
    changes += page.changes.length;
    after = page.endCursor;
    if (!page.hasMore) break;
  }
  const seconds = (performance.now() - startedAt) / 1000;
  return { changes, seconds, perSecond: changes / seconds, pageSize };
}

export async function benchmarkChanges(lessons: number, writes: number, progress: (line: string) => void): Promise<ChangeFigures> {
  return withBenchmarkDatabase(lessons, async (url, dataSource) => {
    const { secret } = await createApiKey(dataSource.manager, 'change-benchmark', ApiKeyRole.ADMIN);
    const authorization = `Bearer ${secret}`;
    const webhookArrivals = new Arrivals();
    const receiver = await startReceiver(webhookArrivals);
    const server = await startBriefgraph(url, { environment: { WEBHOOK_ALLOW_PRIVATE_TARGETS: '1' } });
    const client = new LoadClient(server.port, '/graphql', 1);
    const subscriber = createClient({
      url: `ws://127.0.0.1:${server.port}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization },
      retryAttempts: 0,
    });
    try {
      await registerWebhook(client, authorization, receiver);
      const { webhook, subscription } = await measureDeliveries(dataSource, subscriber, webhookArrivals, writes, progress);
      progress(
        `  webhook p50 ${webhook.p50.toFixed(1)} ms, p95 ${webhook.p95.toFixed(1)} ms; subscription p50 ${subscription.p50.toFixed(1)} ms, p95 ${subscription.p95.toFixed(1)} ms`,
      );
      const feed = await readWholeFeed(client, authorization);
      progress(`  read ${feed.changes} changes in ${feed.seconds.toFixed(2)} s`);
      return { writes, webhook, subscription, feed };
    } finally {
      await subscriber.dispose();
      client.close();
      await server.stop();
      receiver.closeAllConnections();
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });
}

export function changeTable(figures: ChangeFigures): string {
  const row = (name: string, delays: DelayFigures) =>
    `| ${name} | ${figures.writes} | ${delays.p50.toFixed(1)} | ${delays.p95.toFixed(1)} | ${delays.max.toFixed(1)} |`;
  return [
    '| commit to … | writes | p50 ms | p95 ms | max ms |',
    '|---|--:|--:|--:|--:|',
    row('webhook received', figures.webhook),
    row('subscriber told', figures.subscription),
    '',
    '| feed read | changes | page size | seconds | changes/s |',
    '|---|--:|--:|--:|--:|',
    `| whole feed, with a key | ${figures.feed.changes} | ${figures.feed.pageSize} | ${figures.feed.seconds.toFixed(2)} | ${Math.round(figures.feed.perSecond)} |`,
  ].join('\n');
}
