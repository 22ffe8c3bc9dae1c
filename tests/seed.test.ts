import { loadSeedDataset } from '../src/seed/seed-loader';
import { createMigratedDatabase, type MigratedDatabase } from './support/test-database';
import { seedDirectory } from './support/test-server';
import { everyTable } from './support/seeded-tables';

const sourcedTables = ['organization', 'theme', 'district', 'district_network', 'meeting', 'brief', 'lesson', 'lesson_link'];

describe('the seed dataset', () => {
  let database: MigratedDatabase;
  beforeAll(async () => {
    database = await createMigratedDatabase();
    await loadSeedDataset(database.dataSource, seedDirectory);
  });
  afterAll(async () => {
    await database.close();
  });
  const query = <Row = Record<string, unknown>>(sql: string, parameters?: unknown[]) => database.dataSource.query(sql, parameters) as Promise<Row[]>;

  it('holds the three meetings with their numbers, dates and places', async () => {
    const meetings = await query(`SELECT number, title, starts_on, ends_on, city, state FROM meeting ORDER BY number`);
    expect(meetings).toEqual([
      { number: 11, title: null, starts_on: '2009-12-17', ends_on: '2009-12-18', city: 'Menlo Park', state: 'CA' },
      { number: 12, title: null, starts_on: '2010-03-23', ends_on: '2010-03-24', city: 'Sacramento', state: 'CA' },
      {
        number: 34,
        title: 'Building a Statewide System of Support for Equity and Improvement: Principles, Players, and Proposals',
        starts_on: '2017-12-14',
        ends_on: '2017-12-15',
        city: 'Placerville',
        state: 'CA',
      },
    ]);
  });

  it('keeps the published file sizes of meeting materials', async () => {
    const materials = await query(
      `SELECT m.number, mm.kind, mm.title, mm.file_format, mm.size_kilobytes::float AS size FROM meeting_material mm JOIN meeting m ON m.id = mm.meeting_id
        WHERE mm.size_kilobytes IS NOT NULL ORDER BY m.number, mm.position`,
    );
    expect(materials).toEqual([
      { number: 11, kind: 'SUMMARY', title: 'Meeting Summary', file_format: 'PDF', size: 161 },
      { number: 11, kind: 'COVER_LETTER', title: 'Cover Letter', file_format: 'PDF', size: 120 },
      { number: 12, kind: 'SUMMARY', title: 'Meeting Summary', file_format: 'PDF', size: 182 },
      { number: 12, kind: 'COVER_LETTER', title: 'Cover Letter', file_format: 'PDF', size: 92.6 },
    ]);
  });

  it('holds the briefs with their exact titles, kinds, publishers and month-precise dates', async () => {
    const briefs = await query(
      `SELECT b.title, b.kind, b.published_on, b.publication_date_precision AS precision, o.short_name AS publisher
         FROM brief b JOIN organization o ON o.id = b.publisher_id ORDER BY b.slug`,
    );
    expect(briefs).toHaveLength(7);
    expect(briefs).toEqual(
      expect.arrayContaining([
        {
          title: 'Always Room for Improvement: The California System of Support as a Catalyst for Change',
          kind: 'POLICY_BRIEF',
          published_on: '2018-09-01',
          precision: 'MONTH',
          publisher: 'the Collaborative',
        },
        {
          title: 'Engaging District, School, and Teacher Leaders in Improvement',
          kind: 'REPORT',
          published_on: '2019-01-01',
          precision: 'MONTH',
          publisher: 'PACE',
        },
        {
          title: 'Learning and Practicing Continuous Improvement: Lessons from the CORE Districts',
          kind: 'REPORT',
          published_on: '2019-10-01',
          precision: 'MONTH',
          publisher: 'PACE',
        },
        { title: 'Learning from the CORE Data Collaborative', kind: 'REPORT', published_on: null, precision: null, publisher: 'PACE' },
        {
          title: "Local Control in Action: Learning from the CORE Districts' Focus on Measurement, Capacity Building, and Shared Accountability",
          kind: 'POLICY_BRIEF',
          published_on: '2016-10-14',
          precision: 'DAY',
          publisher: 'PACE',
        },
      ]),
    );
  });

  it('links the follow-up brief to Meeting 34', async () => {
    const [row] = await query(`SELECT b.slug FROM brief b JOIN meeting m ON m.id = b.follows_up_meeting_id WHERE m.number = 34`);
    expect(row.slug).toBe('always-room-for-improvement');
  });

  it('has the number of lessons each brief draws', async () => {
    const counts = await query(
      `SELECT b.slug, count(l.id)::int AS lessons FROM brief b LEFT JOIN lesson l ON l.brief_id = b.id GROUP BY b.slug ORDER BY b.slug`,
    );
    expect(Object.fromEntries(counts.map((row) => [row.slug, row.lessons]))).toEqual({
      'always-room-for-improvement': 3,
      'core-districts-measurement-capacity-building-and-shared-accountability': 2,
      'data-use-for-improvement-in-networked-structures': 3,
      'district-role-in-school-turnaround': 2,
      'engaging-district-school-and-teacher-leaders-in-improvement': 4,
      'learning-from-the-core-data-collaborative': 2,
      'lessons-from-the-core-districts': 3,
    });
  });

  it('says on what every lesson rests, where in its source, and why (docs/dataset-review.md, 1.1)', async () => {
    const rows = await query(
      `SELECT b.slug || '#' || l.position AS lesson, l.basis, s.slug AS source, l.locator IS NOT NULL AS located, l.report_lesson_number AS number,
              length(coalesce(l.explanation, '')) > 40 AS explained
         FROM lesson l JOIN brief b ON b.id = l.brief_id LEFT JOIN source_document s ON s.id = l.source_id ORDER BY 1`,
    );
    const stated = (source: string, number: number | null = null) => ({ basis: 'STATED', source, located: true, number, explained: true });
    const summarized = (source: string) => ({ basis: 'SUMMARIZED', source, located: true, number: null, explained: true });
    expect(Object.fromEntries(rows.map(({ lesson, ...rest }) => [lesson, rest]))).toEqual({
      'always-room-for-improvement#1': summarized('collaborative-meeting-34'),
      'always-room-for-improvement#2': summarized('collaborative-meeting-34'),
      'always-room-for-improvement#3': summarized('collaborative-meeting-34'),
      'core-districts-measurement-capacity-building-and-shared-accountability#1': summarized('pace-core-districts-publications'),
      'core-districts-measurement-capacity-building-and-shared-accountability#2': summarized('pace-core-districts-publications'),
      'data-use-for-improvement-in-networked-structures#1': summarized('pace-core-districts-publications'),
      'data-use-for-improvement-in-networked-structures#2': summarized('pace-core-districts-publications'),
      'data-use-for-improvement-in-networked-structures#3': summarized('pace-core-districts-publications'),
      'district-role-in-school-turnaround#1': stated('air-beyond-the-school-press-release', 1),
      'district-role-in-school-turnaround#2': stated('air-beyond-the-school-press-release', 2),
      'engaging-district-school-and-teacher-leaders-in-improvement#1': stated('pace-engaging-leaders-in-improvement', 1),
      'engaging-district-school-and-teacher-leaders-in-improvement#2': stated('pace-engaging-leaders-in-improvement', 2),
      'engaging-district-school-and-teacher-leaders-in-improvement#3': stated('pace-engaging-leaders-in-improvement', 3),
      'engaging-district-school-and-teacher-leaders-in-improvement#4': stated('pace-engaging-leaders-in-improvement', 4),
      'learning-from-the-core-data-collaborative#1': summarized('pace-core-districts-publications'),
      'learning-from-the-core-data-collaborative#2': summarized('pace-core-districts-publications'),
      'lessons-from-the-core-districts#1': stated('pace-learning-and-practicing-page', 1),
      'lessons-from-the-core-districts#2': stated('pace-core-districts-publications'),
      'lessons-from-the-core-districts#3': stated('pace-learning-and-practicing-page', 2),
    });
  });

  it("no longer turns the State Board's aim into a finding that support works better", async () => {
    const [row] = await query(
      `SELECT l.statement, l.explanation FROM lesson l JOIN brief b ON b.id = l.brief_id WHERE b.slug = 'always-room-for-improvement' AND l.position = 1`,
    );
    expect(row.statement).toMatch(/^The State Board's aim/);
    expect(row.statement).not.toMatch(/works better/);
    expect(row.explanation).toMatch(/not evidence that support works better/);
  });

  it("keeps the listing's shortened titles as alternate titles of the full public titles", async () => {
    const rows = await query(`SELECT slug, alternate_titles FROM brief WHERE cardinality(alternate_titles) > 0 ORDER BY slug`);
    expect(rows).toEqual([
      {
        slug: 'core-districts-measurement-capacity-building-and-shared-accountability',
        alternate_titles: ["Learning from the CORE Districts' Focus on Measurement, Capacity Building, and Shared Accountability"],
      },
      { slug: 'lessons-from-the-core-districts', alternate_titles: ['Lessons from the CORE Districts'] },
    ]);
  });

  it("flags Meeting 34's listing month against its dates, and credits its quotation to the State Board's memos", async () => {
    const [meeting] = await query(`SELECT starts_on, ends_on, editorial_note FROM meeting WHERE number = 34`);
    expect([meeting.starts_on, meeting.ends_on]).toEqual(['2017-12-14', '2017-12-15']);
    expect(meeting.editorial_note).toMatch(/lists this\s+meeting under November 2017/);
    expect(meeting.editorial_note).toMatch(/State Board of Education memos/);
  });

  it("describes the Collaborative's host-district meetings, policy working groups and district voice", async () => {
    const [organization] = await query(`SELECT description FROM organization WHERE slug = 'california-collaborative-on-district-reform'`);
    expect(organization.description).toMatch(/in one member district/);
    expect(organization.description).toMatch(/working groups/);
    expect(organization.description).toMatch(/coherent voice/);
  });

  it('records how many lessons each report declares, apart from how many are recorded', async () => {
    const rows = await query(`SELECT slug, declared_lesson_count AS declared FROM brief WHERE declared_lesson_count IS NOT NULL ORDER BY slug`);
    expect(rows).toEqual([
      { slug: 'district-role-in-school-turnaround', declared: 2 },
      { slug: 'engaging-district-school-and-teacher-leaders-in-improvement', declared: 4 },
      { slug: 'lessons-from-the-core-districts', declared: 6 },
    ]);
  });

  it('marks every lesson link as an editorial reading, with an explanation', async () => {
    const rows = await query(`SELECT basis, count(*)::int AS links, count(explanation)::int AS explained FROM lesson_link GROUP BY basis`);
    expect(rows).toEqual([{ basis: 'EDITORIAL_INFERENCE', links: 7, explained: 7 }]);
  });

  it('records that the Collaborative is housed at AIR', async () => {
    const [row] = await query(
      `SELECT parent.short_name FROM organization o JOIN organization parent ON parent.id = o.housed_by_id WHERE o.slug = 'california-collaborative-on-district-reform'`,
    );
    expect(row.short_name).toBe('AIR');
  });

  it('has the two-district Fresno-Long Beach partnership and the CORE network with nine recorded memberships', async () => {
    const members = await query(
      `SELECT n.slug, count(*)::int AS members FROM district_network n JOIN district_network_member m ON m.network_id = n.id GROUP BY n.slug ORDER BY n.slug`,
    );
    expect(members).toEqual([
      { slug: 'core-districts', members: 9 },
      { slug: 'fresno-long-beach-learning-partnership', members: 2 },
    ]);
  });

  it('dates CORE memberships from public records: five founders in 2010, Oakland 2012, Garden Grove and Santa Ana 2013, Sanger gone in 2014', async () => {
    const rows = await query(
      `SELECT d.slug, m.joined_on::text AS joined, m.joined_on_precision AS joined_precision, m.left_on::text AS left, m.left_on_precision AS left_precision, s.slug AS source
         FROM district_network_member m JOIN district_network n ON n.id = m.network_id JOIN district d ON d.id = m.district_id
         LEFT JOIN source_document s ON s.id = m.source_id
        WHERE n.slug = 'core-districts' ORDER BY d.slug`,
    );
    const founder = (slug: string) => ({
      slug,
      joined: '2010-01-01',
      joined_precision: 'YEAR',
      left: null,
      left_precision: null,
      source: 'core-districts-history',
    });
    expect(rows).toEqual([
      founder('fresno-unified'),
      { slug: 'garden-grove-unified', joined: '2013-01-01', joined_precision: 'YEAR', left: null, left_precision: null, source: 'edweek-core-districts-2013' },
      founder('long-beach-unified'),
      founder('los-angeles-unified'),
      {
        slug: 'oakland-unified',
        joined: '2012-01-01',
        joined_precision: 'YEAR',
        left: null,
        left_precision: null,
        source: 'oakland-core-data-collaborative-about',
      },
      founder('sacramento-city-unified'),
      founder('san-francisco-unified'),
      {
        slug: 'sanger-unified',
        joined: null,
        joined_precision: null,
        left: '2014-01-01',
        left_precision: 'YEAR',
        source: 'gardner-center-core-waiver-extended',
      },
      { slug: 'santa-ana-unified', joined: '2013-01-01', joined_precision: 'YEAR', left: null, left_precision: null, source: 'edweek-core-districts-2013' },
    ]);
    // The partnership's members are named by the network's own source, so their memberships carry none of their own.
    const [partnership] = await query(
      `SELECT count(*)::int AS undated FROM district_network_member m JOIN district_network n ON n.id = m.network_id
        WHERE n.slug = 'fresno-long-beach-learning-partnership' AND m.joined_on IS NULL AND m.left_on IS NULL AND m.source_id IS NULL`,
    );
    expect(partnership.undated).toBe(2);
  });

  it('records the two districts "Lessons from the CORE Districts" studies directly, and the 2011 brief\'s ERIC number', async () => {
    const districts = await query(
      `SELECT d.slug FROM brief_district x JOIN brief b ON b.id = x.brief_id JOIN district d ON d.id = x.district_id WHERE b.slug = 'lessons-from-the-core-districts' ORDER BY d.slug`,
    );
    expect(districts.map((row) => row.slug)).toEqual(['garden-grove-unified', 'long-beach-unified']);
    const identifiers = await query(
      `SELECT i.scheme, i.value, s.slug AS source FROM brief_identifier i JOIN brief b ON b.id = i.brief_id LEFT JOIN source_document s ON s.id = i.source_id
        WHERE b.slug = 'district-role-in-school-turnaround'`,
    );
    expect(identifiers).toEqual([{ scheme: 'ERIC', value: 'ED526853', source: 'eric-ed526853' }]);
  });

  it('links lessons only across different briefs', async () => {
    const links = await query(
      `SELECT f.brief_id AS from_brief, t.brief_id AS to_brief FROM lesson_link k JOIN lesson f ON f.id = k.from_lesson_id JOIN lesson t ON t.id = k.to_lesson_id`,
    );
    expect(links.length).toBe(7);
    for (const link of links) expect(link.from_brief).not.toBe(link.to_brief);
  });

  it('says where every record came from', async () => {
    for (const table of sourcedTables) {
      const [row] = await query(`SELECT count(*)::int AS missing FROM ${table} WHERE source_id IS NULL`);
      expect({ table, missing: row.missing }).toEqual({ table, missing: 0 });
    }
    const publicRecords = await query(
      `SELECT count(*)::int AS count FROM district d JOIN source_document s ON s.id = d.source_id WHERE s.kind = 'PUBLIC_RECORD'`,
    );
    expect(publicRecords[0].count).toBe(9);
  });

  it('changes nothing when loaded a second time', async () => {
    const snapshot = async () => {
      const tables: Record<string, unknown> = {};
      for (const table of everyTable) tables[table] = await query(`SELECT * FROM ${table} ORDER BY 1, 2`);
      return JSON.stringify(tables);
    };
    const before = await snapshot();
    const summary = await loadSeedDataset(database.dataSource, seedDirectory);
    expect(await snapshot()).toBe(before);
    for (const counts of Object.values(summary)) {
      expect(counts.created).toBe(0);
      expect(counts.updated).toBe(0);
    }
    expect(summary.briefs.unchanged).toBe(7);
  });
});
