/**
 * The follower behind subscriptions (src/subscription/record-change-follower.ts) reads the
 * change feed only for someone: writes made while nobody is subscribed cost the instance no
 * read of the feed, and a subscriber still gets every change that commits once it listens,
 * and none from before.
 */
import { Client, type Pool } from 'pg';
import { TableChanges } from '../src/caching/table-changes';
import type { StoredChange } from '../src/change/change-feed.service';
import { connectionConfig } from '../src/database/connection-config';
import { createLogger } from '../src/shared/logger';
import { RecordChangeFollower } from '../src/subscription/record-change-follower';
import { createMigratedDatabase, type MigratedDatabase } from './support/test-database';
import { waitUntil } from './support/wait-until';

const logger = createLogger('silent', 'pretty');

describe('the change feed follower', () => {
  let database: MigratedDatabase;
  let changes: TableChanges;
  let writer: Client;
  let themeCounter = 0;

  beforeAll(async () => {
    database = await createMigratedDatabase();
    changes = new TableChanges({ connection: connectionConfig(database.dataSource, 10_000), logger });
    await changes.start();
    // Writes go through their own connection, so the data source's pool serves only the follower.
    writer = new Client({ connectionString: database.url });
    await writer.connect();
  });
  afterAll(async () => {
    await writer.end();
    await changes.stop();
    await database.close();
  });

  /** Creates a theme (committed when this resolves) and returns its id. */
  async function writeThemeUnheard(): Promise<number> {
    const number = ++themeCounter;
    const { rows } = await writer.query(`INSERT INTO theme (slug, name) VALUES ($1, $2) RETURNING id`, [`follower-${number}`, `Follower ${number}`]);
    return Number(rows[0].id);
  }

  /** Creates a theme and resolves once this instance has heard that the feed grew; returns the theme's id. */
  async function writeTheme(): Promise<number> {
    const heard = new Promise<void>((resolve) => {
      const stop = changes.onChange((table) => {
        if (table !== 'record_change') return;
        stop();
        resolve();
      });
    });
    const id = await writeThemeUnheard();
    await heard;
    return id;
  }

  /** Counts the connections the data source's pool hands out until stopped. */
  function connectionsTaken(): { readonly count: number; stop(): void } {
    const pool = (database.dataSource.driver as unknown as { master: Pool }).master;
    let count = 0;
    const taken = () => count++;
    pool.on('acquire', taken);
    return {
      get count() {
        return count;
      },
      stop: () => pool.off('acquire', taken),
    };
  }

  it('reads nothing from the feed for writes made while nobody is subscribed', async () => {
    const follower = new RecordChangeFollower(database.dataSource, changes, logger);
    const taken = connectionsTaken();
    follower.start();
    try {
      for (let write = 0; write < 3; write++) await writeTheme();
    } finally {
      await follower.stop(); // waits for a read it may have begun
      taken.stop();
    }
    expect(taken.count).toBe(0);
  });

  it('hands a subscriber every change committed once it listens, and none from before', async () => {
    const follower = new RecordChangeFollower(database.dataSource, changes, logger);
    follower.start();
    try {
      const before = await writeTheme();
      const received: StoredChange[] = [];
      const stop = follower.listen((change) => received.push(change));
      await waitUntil(() => follower.listenerCount === 1, 'the subscriber to be listening');
      const after = [await writeTheme(), await writeTheme()];
      await waitUntil(() => received.filter((change) => change.record_table === 'theme').length >= 2, 'both changes to reach the subscriber');
      stop();
      expect(received.filter((change) => change.record_table === 'theme').map((change) => Number(change.record_id))).toEqual(after);
      expect(received.map((change) => Number(change.record_id))).not.toContain(before);
      expect(follower.listenerCount).toBe(0);
    } finally {
      await follower.stop();
    }
  });

  it('forgets its place once its last subscriber leaves, and a new one starts from where the feed then ends', async () => {
    const follower = new RecordChangeFollower(database.dataSource, changes, logger);
    follower.start();
    try {
      const first: StoredChange[] = [];
      const stopFirst = follower.listen((change) => first.push(change));
      await waitUntil(() => follower.listenerCount === 1, 'the first subscriber to be listening');
      stopFirst();
      // Committed, and the next subscriber comes before this instance hears of it.
      const whileNobody = await writeThemeUnheard();
      const second: StoredChange[] = [];
      const stopSecond = follower.listen((change) => second.push(change));
      await waitUntil(() => follower.listenerCount === 1, 'the second subscriber to be listening');
      const afterwards = await writeTheme();
      await waitUntil(() => second.some((change) => Number(change.record_id) === afterwards), 'the change to reach the second subscriber');
      stopSecond();
      expect(second.map((change) => Number(change.record_id))).not.toContain(whileNobody);
      expect(first).toEqual([]);
    } finally {
      await follower.stop();
    }
  });
});
