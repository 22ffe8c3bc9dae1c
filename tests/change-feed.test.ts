/**
 * The change feed through HTTP: a consumer that reads, stops and resumes (also on a
 * restarted server) ends with exactly the changes made, in commit order, even when a
 * slower transaction commits after a faster one, and under concurrent writers; readers
 * without a key follow the published view; expired and forged cursors are refused.
 */
import { Client } from 'pg';
import { ApiKeyRole } from '../src/auth/api-key.entity';
import { startTestServer, type TestServer } from './support/test-server';
import { createMigratedDatabase, type MigratedDatabase } from './support/test-database';
import { loadSeedDataset } from '../src/seed/seed-loader';
import { seedDirectory } from './support/test-server';
import { feedStart, positionOf, readStoredChanges } from '../src/change/change-feed.service';

interface Change {
  cursor: string;
  kind: string;
  recordType: string;
  recordId: string;
  changedFields: string[];
  record: { id: string } | null;
}

const feedQuery = `query($after: String, $first: Int!, $types: [ChangeRecordType!], $kinds: [ChangeKind!]) {
  changes(after: $after, first: $first, types: $types, kinds: $kinds) {
    changes { cursor kind recordType recordId changedFields record { id } }
    endCursor hasMore pending
  }
}`;

describe('the change feed', () => {
  let database: MigratedDatabase;
  let server: TestServer;
  let editor: string;
  let admin: string;

  beforeAll(async () => {
    database = await createMigratedDatabase();
    await loadSeedDataset(database.dataSource, seedDirectory);
    server = await startTestServer({ database });
    editor = await server.createApiKey(ApiKeyRole.EDITOR);
    admin = await server.createApiKey(ApiKeyRole.ADMIN);
  });
  afterAll(async () => {
    await server.close();
    await database.close();
  });

  /**
   * Reads the feed from `after` to its end, `first` at a time; returns the changes and where to resume. Changes
   * committed behind a transaction still running (`pending`) are waited for, as a consumer would poll again,
   * unless `waitForPending` is false.
   */
  async function readFeed(
    after: string | null,
    options: { apiKey?: string; first?: number; types?: string[]; kinds?: string[]; waitForPending?: boolean } = {},
  ) {
    const changes: Change[] = [];
    let cursor = after;
    for (let pollDelay = 5; ;) {
      const response = await server.graphql(
        feedQuery,
        { after: cursor, first: options.first ?? 100, types: options.types, kinds: options.kinds },
        { apiKey: options.apiKey },
      );
      expect(response.errors).toBeUndefined();
      const page = response.data!.changes;
      changes.push(...page.changes);
      cursor = page.endCursor;
      if (page.hasMore) continue;
      if (!page.pending || options.waitForPending === false) return { changes, endCursor: cursor as string, pending: page.pending as boolean };
      await new Promise((resolve) => setTimeout(resolve, pollDelay));
      pollDelay = Math.min(pollDelay * 2, 200);
    }
  }

  const mutate = async (document: string, variables: Record<string, unknown>) => {
    const response = await server.graphql(document, variables, { apiKey: admin });
    expect(response.errors).toBeUndefined();
    return response.data!;
  };

  const createOrganization = (slug: string) =>
    mutate(`mutation($input: OrganizationCreateInput!) { organizationCreate(input: $input) { organization { id } userErrors { code } } }`, {
      input: { slug, name: `Organization ${slug}`, kind: 'RESEARCH_INSTITUTE' },
    }).then((data) => data.organizationCreate.organization.id as string);

  it('hands a resuming consumer exactly the changes made, also after a restart', async () => {
    const { endCursor: start } = await readFeed(null, { apiKey: editor });
    const id = await createOrganization('feed-resume-one');
    await mutate(`mutation($id: ID!) { organizationUpdate(id: $id, input: { shortName: "FR1" }) { userErrors { code } } }`, { id });
    const first = await readFeed(start, { apiKey: editor, first: 1 });
    expect(first.changes.map((change) => [change.kind, change.recordId, change.changedFields])).toEqual([
      ['CREATED', id, []],
      ['UPDATED', id, ['shortName']],
    ]);
    expect(first.changes[1].record).toEqual({ id });

    // The consumer stops; the server restarts; more happens; the consumer resumes from its cursor.
    await server.close();
    server = await startTestServer({ database });
    await mutate(`mutation($id: ID!) { organizationDelete(id: $id) { userErrors { code } } }`, { id });
    const resumed = await readFeed(first.endCursor, { apiKey: editor });
    expect(resumed.changes.map((change) => [change.kind, change.recordId, change.record])).toEqual([['DELETED', id, null]]);
    expect((await readFeed(resumed.endCursor, { apiKey: editor })).changes).toEqual([]);
  });

  it('never hands out a change that a slower transaction could still commit behind the cursor', async () => {
    const { endCursor: start } = await readFeed(null, { apiKey: editor });
    const slow = new Client({ connectionString: database.url });
    await slow.connect();
    try {
      // The slower transaction writes first (lower transaction ID and row ID), and commits last.
      await slow.query('BEGIN');
      await slow.query(`UPDATE district SET name = name || ' (slow)' WHERE slug = 'oakland-unified' RETURNING id`);
      const fastId = await createOrganization('feed-fast-writer');
      const whileOpen = await readFeed(start, { apiKey: editor, waitForPending: false });
      expect(whileOpen.changes).toEqual([]); // held back until the slower one ends
      expect(whileOpen.pending).toBe(true);
      await slow.query('COMMIT');
      const after = await readFeed(whileOpen.endCursor, { apiKey: editor });
      expect(after.changes.map((change) => [change.recordType, change.kind])).toEqual([
        ['DISTRICT', 'UPDATED'],
        ['ORGANIZATION', 'CREATED'],
      ]);
      expect(after.changes[1].recordId).toBe(fastId);
    } finally {
      await slow.end();
    }
  });

  it('ends with every change exactly once under five concurrent writers and a reader polling', async () => {
    const { endCursor: start } = await readFeed(null, { apiKey: editor });
    const writers = 5;
    const writesEach = 6;
    let writing = true;
    const seen: Change[] = [];
    const reader = (async () => {
      let cursor = start;
      // Polls while the writers write, then once more after they are done.
      for (let done = false; !done;) {
        done = !writing;
        const page = await readFeed(cursor, { apiKey: editor, first: 3, types: ['ORGANIZATION'] });
        seen.push(...page.changes);
        cursor = page.endCursor;
      }
    })();
    const created = await Promise.all(
      Array.from({ length: writers }, async (_, writer) => {
        const ids: string[] = [];
        for (let index = 0; index < writesEach; index += 1) ids.push(await createOrganization(`feed-writer-${writer}-${index}`));
        return ids;
      }),
    );
    writing = false;
    await reader;
    const expected = created.flat().sort();
    expect(seen.map((change) => change.recordId).sort()).toEqual(expected);
    expect(new Set(seen.map((change) => change.cursor)).size).toBe(seen.length);
  });

  it('shows readers without a key the published view: drafts appear when published and go when unpublished', async () => {
    const { endCursor: anonymousStart } = await readFeed(null);
    const { endCursor: editorStart } = await readFeed(null, { apiKey: editor });
    const { data } = await server.graphql(`{ organization(slug: "policy-analysis-for-california-education") { id } }`);
    const created = await mutate(
      `mutation($input: BriefCreateInput!) { briefCreate(input: $input) { brief { id lessons(first: 5) { nodes { id } } } userErrors { code } } }`,
      {
        input: {
          slug: 'feed-draft',
          title: 'A draft for the feed',
          kind: 'REPORT',
          summary: 'Draft.',
          publisherId: data!.organization.id,
          lessons: [{ statement: 'A draft lesson.' }],
        },
      },
    );
    const briefId = created.briefCreate.brief.id as string;
    const lessonId = created.briefCreate.brief.lessons.nodes[0].id as string;
    const publish = (action: 'briefPublish' | 'briefUnpublish') => mutate(`mutation($id: ID!) { ${action}(id: $id) { userErrors { code } } }`, { id: briefId });

    const draftSeen = await readFeed(anonymousStart);
    expect(draftSeen.changes.filter((change) => [briefId, lessonId].includes(change.recordId))).toEqual([]);
    await publish('briefPublish');
    const publishedSeen = await readFeed(draftSeen.endCursor);
    expect(publishedSeen.changes.map((change) => [change.recordType, change.kind, change.recordId])).toEqual([
      ['BRIEF', 'CREATED', briefId],
      ['LESSON', 'CREATED', lessonId],
    ]);
    expect(publishedSeen.changes[0].record).toEqual({ id: briefId });
    await publish('briefUnpublish');
    const unpublishedSeen = await readFeed(publishedSeen.endCursor);
    expect(unpublishedSeen.changes.map((change) => [change.recordType, change.kind, change.record])).toEqual([
      ['BRIEF', 'DELETED', null],
      ['LESSON', 'DELETED', null],
    ]);
    // A deleted draft leaves nothing for readers without a key.
    await mutate(`mutation($id: ID!) { briefDelete(id: $id) { userErrors { code } } }`, { id: briefId });
    expect((await readFeed(unpublishedSeen.endCursor)).changes).toEqual([]);

    const editorSeen = await readFeed(editorStart, { apiKey: editor, types: ['BRIEF'] });
    expect(editorSeen.changes.map((change) => change.kind)).toEqual(['CREATED', 'PUBLISHED', 'UNPUBLISHED', 'DELETED']);
    const onlyPublications = await readFeed(editorStart, { apiKey: editor, kinds: ['PUBLISHED'] });
    expect(onlyPublications.changes.map((change) => change.recordId)).toEqual([briefId]);
  });

  it('hands out a change as soon as its transaction commits, whatever other databases of the server are doing', async () => {
    // Transactions of another database start and end all the time; one that ends while a read of the feed is
    // under way must not make a change already committed here wait.
    const elsewhereUrl = new URL(database.url);
    elsewhereUrl.pathname = '/postgres';
    const churners = await Promise.all(
      Array.from({ length: 3 }, async () => {
        const client = new Client({ connectionString: elsewhereUrl.toString() });
        await client.connect();
        return client;
      }),
    );
    let churning = true;
    const churn = churners.map(async (client) => {
      while (churning) await client.query('SELECT pg_current_xact_id()');
    });
    try {
      const dataSource = server.database.dataSource;
      let position = (await readStoredChanges(dataSource, feedStart, 0)).head ?? feedStart;
      for (let write = 0; write < 200; write += 1) {
        await dataSource.query(`UPDATE theme SET description = $1 WHERE slug = 'school-turnaround'`, [`Churn ${write}.`]);
        const read = await readStoredChanges(dataSource, position, 10);
        expect({ write, changes: read.changes.length, heldBack: read.heldBack }).toEqual({ write, changes: 1, heldBack: false });
        position = positionOf(read.changes[0]);
      }
    } finally {
      churning = false;
      await Promise.all(churn);
      await Promise.all(churners.map((client) => client.end()));
    }
  });

  it('refuses a cursor older than the changes kept, and forged cursors', async () => {
    const { endCursor: old } = await readFeed(null, { apiKey: editor });
    await createOrganization('feed-expiring');
    await server.database.dataSource.query(`UPDATE record_change SET occurred_at = now() - interval '30 days'`);
    expect(await server.pruneRecordChanges()).toBeGreaterThan(0);
    const expired = await server.graphql(feedQuery, { after: old, first: 10 }, { apiKey: editor });
    expect(expired.errors![0].extensions).toMatchObject({ code: 'CHANGE_CURSOR_EXPIRED', argumentName: 'after' });
    // Starting afresh works, and so does a cursor from after the pruning.
    const fresh = await readFeed(null, { apiKey: editor });
    expect(fresh.changes).toEqual([]);
    await createOrganization('feed-after-pruning');
    expect((await readFeed(fresh.endCursor, { apiKey: editor })).changes).toHaveLength(1);

    const forged = await server.graphql(feedQuery, { after: 'eyJ4Ijox.fake', first: 10 });
    expect(forged.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
    const drafts = await server.graphql(feedQuery, { first: 10, kinds: ['PUBLISHED'] });
    expect(drafts.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'kinds' });
    const unknownKind = await server.graphql(feedQuery, { first: 10, kinds: ['RENAMED'] });
    expect(unknownKind.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const tooMany = await server.graphql(feedQuery, { first: 501 });
    expect(tooMany.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'first' });
  });
});
