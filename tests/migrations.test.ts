import { connectDataSource } from '../src/database/connect';
import { createDataSource } from '../src/database/data-source';
import { runPendingMigrations } from '../src/database/migrate';
import { silentLogger } from '../src/shared/logger';
import { createEmptyDatabase, type TestDatabase } from './support/test-database';

describe('migrations', () => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createEmptyDatabase();
  });
  afterEach(async () => {
    await database.drop();
  });

  async function tablesOf(url: string): Promise<string[]> {
    const dataSource = await connectDataSource(createDataSource(url), url);
    try {
      const rows = (await dataSource.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`)) as Array<{
        table_name: string;
      }>;
      return rows.map((row) => row.table_name);
    } finally {
      await dataSource.destroy();
    }
  }

  it('build every table from an empty database', async () => {
    const dataSource = await connectDataSource(createDataSource(database.url), database.url);
    const applied = await runPendingMigrations(dataSource, silentLogger);
    await dataSource.destroy();

    expect(applied.length).toBeGreaterThan(0);
    expect(await tablesOf(database.url)).toEqual(
      expect.arrayContaining([
        'agenda_topic',
        'brief',
        'brief_builds_on',
        'brief_district',
        'brief_network',
        'brief_theme',
        'district',
        'district_network',
        'district_network_member',
        'lesson',
        'lesson_district',
        'lesson_link',
        'lesson_theme',
        'meeting',
        'meeting_district',
        'meeting_material',
        'meeting_theme',
        'organization',
        'schema_migration',
        'source_document',
        'theme',
      ]),
    );
  });

  it('leave nothing for the entities to add: the committed migrations match the entities', async () => {
    const dataSource = await connectDataSource(createDataSource(database.url), database.url);
    try {
      await runPendingMigrations(dataSource, silentLogger);
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((query) => query.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('are not applied twice', async () => {
    const dataSource = await connectDataSource(createDataSource(database.url), database.url);
    try {
      await runPendingMigrations(dataSource, silentLogger);
      expect(await runPendingMigrations(dataSource, silentLogger)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('can all be reverted, leaving only the migrations table', async () => {
    const dataSource = await connectDataSource(createDataSource(database.url), database.url);
    try {
      const applied = await runPendingMigrations(dataSource, silentLogger);
      for (let index = 0; index < applied.length; index++) await dataSource.undoLastMigration({ transaction: 'each' });
    } finally {
      await dataSource.destroy();
    }
    expect(await tablesOf(database.url)).toEqual(['schema_migration']);
  });

  it('enforce the domain rules in the database too', async () => {
    const dataSource = await connectDataSource(createDataSource(database.url), database.url);
    try {
      await runPendingMigrations(dataSource, silentLogger);
      await dataSource.query(`INSERT INTO organization (slug, name, kind) VALUES ('org', 'Org', 'OTHER')`);
      const insertMeeting = (number: number, startsOn: string, endsOn: string) =>
        dataSource.query(
          `INSERT INTO meeting (number, starts_on, ends_on, city, state, convener_id) VALUES ($1, $2, $3, 'Sacramento', 'CA', (SELECT id FROM organization))`,
          [number, startsOn, endsOn],
        );
      await insertMeeting(1, '2020-01-01', '2020-01-02');
      await expect(insertMeeting(1, '2020-02-01', '2020-02-02')).rejects.toThrow(/duplicate key/);
      await expect(insertMeeting(2, '2020-02-02', '2020-02-01')).rejects.toThrow(/meeting_ends_on_or_after_start/);
      await expect(dataSource.query(`INSERT INTO organization (slug, name, kind) VALUES ('org', 'Again', 'OTHER')`)).rejects.toThrow(/duplicate key/);
      await expect(dataSource.query(`INSERT INTO brief (slug, title, kind, summary, publisher_id) VALUES ('b', 'B', 'REPORT', 's', 999)`)).rejects.toThrow(
        /foreign key/,
      );
    } finally {
      await dataSource.destroy();
    }
  });
});
