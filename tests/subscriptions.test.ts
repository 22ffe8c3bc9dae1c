/**
 * Subscriptions over WebSocket (graphql-ws), across instances: a change made through one
 * server, or by SQL, reaches a subscriber on another; readers without a key see the
 * published view; keys, limits and the protocol's rules are enforced.
 */
import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';
import { ApiKeyRole } from '../src/auth/api-key.entity';
import { loadSeedDataset } from '../src/seed/seed-loader';
import { createMigratedDatabase, type MigratedDatabase } from './support/test-database';
import { seedDirectory, startTestServer, type TestServer } from './support/test-server';

describe('subscriptions', () => {
  let database: MigratedDatabase;
  let reading: TestServer;
  let writing: TestServer;
  let editor: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    database = await createMigratedDatabase();
    await loadSeedDataset(database.dataSource, seedDirectory);
    reading = await startTestServer({ database, server: { webhooks: false } });
    writing = await startTestServer({ database, server: { webhooks: false } });
    editor = await writing.createApiKey(ApiKeyRole.EDITOR);
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.dispose()));
  });
  afterAll(async () => {
    await reading.close();
    await writing.close();
    await database.close();
  });

  function connect(apiKey?: string, onClosed?: (event: unknown) => void): Client {
    const client = createClient({
      url: `${reading.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: apiKey ? { authorization: `Bearer ${apiKey}` } : {},
      retryAttempts: 0,
      on: onClosed ? { closed: onClosed } : undefined,
    });
    clients.push(client);
    return client;
  }

  interface RecordChangedEvent {
    recordChanged: { kind: string; recordType: string; recordId: string; changedFields: string[]; record: { name: string } | null };
  }
  type RecordChangedResult = FormattedExecutionResult<RecordChangedEvent, unknown>;

  /** The first event, from `pending` on, about the record `recordId` (events about other records are skipped). */
  async function nextEventOf(
    subscription: AsyncIterableIterator<RecordChangedResult>,
    pending: Promise<IteratorResult<RecordChangedResult>>,
    recordId: string,
  ): Promise<RecordChangedResult> {
    for (let next = await pending; ; next = await subscription.next()) {
      if (next.done) throw new Error(`the subscription ended before an event about ${recordId}`);
      if (next.value.data?.recordChanged.recordId === recordId) return next.value;
    }
  }

  let probes = 0;
  /**
   * Resolves once the reading server has handed every change committed so far to its subscribers: another test
   * may have left thousands of changes on their way, which a new subscription would otherwise receive (and fall
   * behind on). A probe subscription waits for a theme this function creates; changes are handed on in feed order.
   */
  async function feedCaughtUp(): Promise<void> {
    const probe = connect(editor).iterate<RecordChangedEvent>({ query: `subscription { recordChanged(types: [THEME]) { recordId } }` });
    const pending = probe.next();
    await reading.subscriptionsActive(1);
    const created = await writing.graphql<{ themeCreate: { theme: { id: string } } }>(
      `mutation($slug: String!) { themeCreate(input: { slug: $slug, name: "Feed probe" }) { theme { id } } }`,
      { slug: `feed-probe-${++probes}` },
      { apiKey: editor },
    );
    await nextEventOf(probe, pending, created.data!.themeCreate.theme.id);
    await probe.return!();
    await reading.subscriptionsActive(0);
  }

  const mutate = async (document: string, variables: Record<string, unknown>) => {
    const response = await writing.graphql(document, variables, { apiKey: editor });
    expect(response.errors).toBeUndefined();
    return response.data!;
  };

  it('delivers a change made through another instance, and one made by SQL', async () => {
    await feedCaughtUp();
    const subscription = connect(editor).iterate<RecordChangedEvent>({
      query: `subscription { recordChanged(types: [ORGANIZATION, DISTRICT]) { kind recordType recordId changedFields record { ... on Organization { name } ... on District { name } } } }`,
    });
    const firstEvent = subscription.next();
    await reading.subscriptionsActive(1);
    const created = await mutate(
      `mutation { organizationCreate(input: { slug: "live-one", name: "Live One", kind: RESEARCH_INSTITUTE }) { organization { id } } }`,
      {},
    );
    const createdId = (created.organizationCreate as { organization: { id: string } }).organization.id;
    // Only the events of the records this test changed, by their IDs: other tests write organizations too.
    const first = await nextEventOf(subscription, firstEvent, createdId);
    expect(first).toEqual({
      data: {
        recordChanged: {
          kind: 'CREATED',
          recordType: 'ORGANIZATION',
          recordId: createdId,
          changedFields: [],
          record: { name: 'Live One' },
        },
      },
    });
    const district = await writing.graphql<{ district: { id: string } }>(`{ district(slug: "oakland-unified") { id } }`);
    await database.dataSource.query(`UPDATE district SET name = 'Oakland (live)' WHERE slug = 'oakland-unified'`);
    const second = await nextEventOf(subscription, subscription.next(), district.data!.district.id);
    expect(second.data!.recordChanged).toMatchObject({
      kind: 'UPDATED',
      recordType: 'DISTRICT',
      changedFields: ['name'],
      record: { name: 'Oakland (live)' },
    });
    await subscription.return!();
  });

  it('tells readers without a key of briefs as they are published, matching the filter', async () => {
    const { data } = await writing.graphql(`{ organization(slug: "policy-analysis-for-california-education") { id } }`);
    const subscription = connect().iterate({ query: `subscription { briefPublished(filter: { kinds: [REPORT] }) { slug title } }` });
    const event = subscription.next();
    await reading.subscriptionsActive(1);
    const create = (slug: string, kind: string) =>
      mutate(`mutation($input: BriefCreateInput!) { briefCreate(input: $input) { brief { id } } }`, {
        input: { slug, title: `Live ${slug}`, kind, summary: 'Draft.', publisherId: data!.organization.id },
      }).then((result) => result.briefCreate.brief.id as string);
    const other = await create('live-case-study', 'CASE_STUDY');
    const report = await create('live-report', 'REPORT');
    await mutate(`mutation($id: ID!) { briefPublish(id: $id) { userErrors { code } } }`, { id: other });
    await mutate(`mutation($id: ID!) { briefPublish(id: $id) { userErrors { code } } }`, { id: report });
    expect((await event).value).toEqual({ data: { briefPublished: { slug: 'live-report', title: 'Live live-report' } } });
    await subscription.return!();
  });

  it('disconnects a subscriber that never reads, and keeps serving', async () => {
    const socket = new WebSocket(`${reading.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    await new Promise((resolve) => socket.once('open', resolve));
    const acknowledged = new Promise((resolve) => socket.once('message', resolve));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${editor}` } }));
    await acknowledged;
    socket.send(
      JSON.stringify({
        id: '1',
        type: 'subscribe',
        payload: { query: `subscription { recordChanged(types: [ORGANIZATION]) { recordId record { ... on Organization { name } } } }` },
      }),
    );
    await reading.subscriptionsActive(1);
    // The client stops reading; far more changes follow (about 48 MB of events, more than socket buffers hold) than a subscriber may fall behind.
    (socket as unknown as { _socket: { pause(): void } })._socket.pause();
    await database.dataSource.query(
      `INSERT INTO organization (slug, name, kind) SELECT 'unread-' || n, repeat('x', 4000) || n, 'RESEARCH_INSTITUTE' FROM generate_series(1, 12000) n`,
    );
    // The server drops the subscription (and closes the connection) once it falls too far behind.
    await reading.subscriptionsActive(0);
    socket.terminate();
    expect(await writing.graphql(`{ organizations(first: 1) { totalCount } }`)).toMatchObject({ status: 200 });
    expect((await reading.graphql(`{ organization(slug: "unread-1") { slug } }`)).data).toEqual({ organization: { slug: 'unread-1' } });
  });

  it('refuses drafts to readers without a key, bad keys, queries, and operations over the limits', async () => {
    const anonymous = connect();
    const drafts = await anonymous
      .iterate({ query: `subscription { recordChanged(kinds: [PUBLISHED]) { kind } }` })
      .next()
      .catch((error: unknown) => error);
    expect(JSON.stringify(drafts)).toMatch(/BAD_USER_INPUT/);
    const query = await anonymous
      .iterate({ query: `{ briefs { totalCount } }` })
      .next()
      .catch((error: unknown) => error);
    expect(JSON.stringify(query)).toMatch(/Only subscriptions are served over WebSocket/);
    let nested = 'id';
    for (let level = 0; level < 8; level += 1) nested = `brief { lessons { nodes { ${nested} } } }`;
    const deep = `subscription { recordChanged { record { ... on Lesson { ${nested} } } } }`;
    const tooDeep = await anonymous
      .iterate({ query: deep })
      .next()
      .catch((error: unknown) => error);
    expect(JSON.stringify(tooDeep)).toMatch(/QUERY_LIMIT_EXCEEDED/);
    const unknownKind = await anonymous
      .iterate({ query: `subscription { recordChanged(kinds: [RENAMED]) { kind } }` })
      .next()
      .catch((error: unknown) => error);
    expect(JSON.stringify(unknownKind)).toMatch(/RENAMED/);

    const closed = new Promise<{ code: number }>((resolve) => {
      const badKey = connect('bg_not_a_real_key_000000000000000000000000000000000', (event) => resolve(event as { code: number }));
      badKey
        .iterate({ query: `subscription { recordChanged { kind } }` })
        .next()
        .catch(() => undefined);
    });
    expect((await closed).code).toBe(4403);
  });
  it('charges a subscription to the address the trusted proxy forwarded, like an HTTP request', async () => {
    // One proxy in front (TRUST_PROXY=1), and a budget a few subscriptions spend.
    const proxied = await startTestServer({ database, server: { webhooks: false, trustProxy: 1, rateLimit: { points: 4, windowSeconds: 3600 } } });
    try {
      const from = (address: string) => {
        /** A WebSocket that says it was forwarded for `address`, as a proxy in front would. */
        class ForwardedWebSocket extends WebSocket {
          constructor(url: string, protocols?: string | string[]) {
            super(url, protocols, { headers: { 'x-forwarded-for': address } });
          }
        }
        const client = createClient({ url: `${proxied.url.replace('http', 'ws')}/graphql`, webSocketImpl: ForwardedWebSocket, retryAttempts: 0 });
        clients.push(client);
        return client;
      };
      const subscribe = (client: Client) => {
        const subscription = client.iterate<RecordChangedEvent>({ query: `subscription { recordChanged(types: [THEME]) { recordId } }` });
        return { subscription, pending: subscription.next() };
      };
      const createTheme = async (slug: string) => {
        const created = await writing.graphql<{ themeCreate: { theme: { id: string } } }>(
          `mutation($input: ThemeCreateInput!) { themeCreate(input: $input) { theme { id } } }`,
          { input: { slug, name: slug } },
          { apiKey: editor },
        );
        return created.data!.themeCreate.theme.id;
      };
      /** Whether the server took `pending`'s subscription on (as its `active`-th) or refused it (the error, as text). */
      const admission = (pending: Promise<unknown>, active: number) =>
        Promise.race([
          pending.then(
            () => 'an event before admission',
            (error: unknown) => JSON.stringify(error),
          ),
          proxied.subscriptionsActive(active, pending).then(() => 'accepted'),
        ]);
      // One address spends its budget: its subscriptions are accepted until one is refused as RATE_LIMITED.
      const first = from('203.0.113.10');
      let accepted = 0;
      let refusal = 'accepted';
      while (refusal === 'accepted' && accepted < 10) {
        refusal = await admission(subscribe(first).pending, accepted + 1);
        if (refusal === 'accepted') accepted += 1;
      }
      expect(accepted).toBeGreaterThanOrEqual(1);
      expect(refusal).toMatch(/RATE_LIMITED/);
      // Another forwarded address, over the same socket address, has a budget of its own, and hears of changes.
      const second = subscribe(from('198.51.100.20'));
      expect(await admission(second.pending, accepted + 1)).toBe('accepted');
      const secondTheme = await createTheme('charged-to-second-address');
      const event = await nextEventOf(second.subscription, second.pending, secondTheme);
      expect(event.data!.recordChanged.recordId).toBe(secondTheme);
    } finally {
      await Promise.all(clients.splice(0).map((client) => client.dispose()));
      await proxied.close();
    }
  });
});
