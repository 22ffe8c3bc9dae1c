/**
 * Fills a database with realistic, deterministic synthetic data at any scale, in
 * the proportions of a real research collaborative's output: about four lessons a
 * brief, a meeting for every hundred lessons, a district for every fifty, links
 * between a quarter of the lessons. Written with bulk statements, a batch at a time.
 */
import type { EntityManager } from 'typeorm';
import { Random } from './random';

const topics = [
  'continuous improvement',
  'school turnaround',
  'data use',
  'accountability',
  'equity',
  'leadership',
  'teacher quality',
  'early literacy',
  'mathematics',
  'college readiness',
  'English learners',
  'school finance',
  'attendance',
  'social-emotional learning',
  'assessment',
  'professional learning',
  'family engagement',
  'career pathways',
  'special education',
  'charter schools',
  'school climate',
  'curriculum',
  'graduation rates',
  'summer learning',
  'tutoring',
  'principal pipelines',
  'networked improvement',
  'statewide support',
  'county offices',
];
const verbs = ['strengthens', 'depends on', 'undermines', 'requires', 'accelerates', 'slows', 'reshapes', 'clarifies', 'builds', 'tests'];
const subjects = [
  'District leaders',
  'School teams',
  'Networks of districts',
  'County offices',
  'State policy',
  'Local improvement teams',
  'Principals',
  'Teachers',
];
const states = ['CA', 'CA', 'CA', 'CA', 'OR', 'WA', 'NV', 'AZ', 'TX', 'NY'];
const cities = ['Sacramento', 'Fresno', 'Long Beach', 'Oakland', 'San Diego', 'Menlo Park', 'Placerville', 'Riverside', 'Stockton', 'Santa Ana'];
const briefKinds = ['POLICY_BRIEF', 'REPORT', 'RESEARCH_PAPER', 'MEETING_SUMMARY', 'CASE_STUDY'];
const linkKinds = ['SUPPORTS', 'EXTENDS', 'QUALIFIES', 'CONTRADICTS', 'REPLICATES'];
const materialKinds = ['SUMMARY', 'LOGISTICS', 'BRIEFING_BOOK', 'COVER_LETTER', 'SUPPLEMENTAL_MATERIALS'];

const batchSize = 5000;

function sentence(random: Random): string {
  const [first, second] = random.sample(topics, 2);
  return `${random.pick(subjects)} ${random.pick(verbs)} ${first} when ${second} is ${random.pick(['a shared priority', 'measured locally', 'supported by the state', 'led by teachers', 'funded over several years'])}.`;
}

function padded(value: number): string {
  return String(value).padStart(7, '0');
}

/** Inserts rows column by column through unnest(), in batches; `columns` maps each column, in row order, to its type. */
async function insertColumns(manager: EntityManager, table: string, columns: Record<string, string>, rows: unknown[][]): Promise<void> {
  const names = Object.keys(columns);
  const types = Object.values(columns);
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    const arrays = names.map((_, index) => batch.map((row) => row[index]));
    await manager.query(
      `INSERT INTO ${table} (${names.join(', ')})
       SELECT * FROM unnest(${types.map((type, index) => `$${index + 1}::${type}[]`).join(', ')})`,
      arrays,
    );
  }
}

/** Fills a join table of two int columns. */
async function insertLinks(manager: EntityManager, table: string, columns: [string, string], rows: unknown[][]): Promise<void> {
  await insertColumns(manager, table, { [columns[0]]: 'int', [columns[1]]: 'int' }, rows);
}

async function keysBySlug(manager: EntityManager, table: string, prefix: string): Promise<Map<string, number>> {
  const rows = (await manager.query(`SELECT id, slug FROM ${table} WHERE slug LIKE $1`, [`${prefix}%`])) as Array<{ id: number; slug: string }>;
  return new Map(rows.map((row) => [row.slug, row.id]));
}

export interface SyntheticSummary {
  organizations: number;
  themes: number;
  districts: number;
  networks: number;
  meetings: number;
  briefs: number;
  lessons: number;
  lessonLinks: number;
}

/** What every stage of a synthetic fill uses: the transaction, the random sequence (in a fixed order of calls), the scale and the source. */
interface SyntheticRun {
  manager: EntityManager;
  random: Random;
  lessonCount: number;
  sourceKey: number;
}

/** How many of each record a fill of `lessonCount` lessons adds, besides themes, briefs and links. */
function scaleOf(lessonCount: number) {
  return {
    organizations: 12 + Math.floor(lessonCount / 5000),
    districts: Math.max(20, Math.floor(lessonCount / 50)),
    networks: Math.max(4, Math.floor(lessonCount / 2000)),
    meetings: Math.max(3, Math.floor(lessonCount / 100)),
  };
}

/** The source document every synthetic record names; returns its id. */
async function writeSyntheticSource(manager: EntityManager): Promise<number> {
  await manager.query(
    `INSERT INTO source_document (slug, title, kind, description) VALUES ('synthetic-data', 'Synthetic data', 'EDITORIAL_ANALYSIS', 'Generated for benchmarks and tests; not real publications.')
     ON CONFLICT (slug) DO NOTHING`,
  );
  const [{ id }] = (await manager.query(`SELECT id FROM source_document WHERE slug = 'synthetic-data'`)) as Array<{ id: number }>;
  return id;
}

async function writeOrganizations({ manager, random, lessonCount, sourceKey }: SyntheticRun): Promise<number[]> {
  const organizationCount = scaleOf(lessonCount).organizations;
  await insertColumns(
    manager,
    'organization',
    { slug: 'text', name: 'text', kind: 'organization_kind', source_id: 'int' },
    Array.from({ length: organizationCount }, (_, index) => [
      `synthetic-organization-${padded(index)}`,
      `Synthetic Research Group ${index + 1}`,
      random.pick(['RESEARCH_COLLABORATIVE', 'RESEARCH_INSTITUTE', 'UNIVERSITY_POLICY_CENTER']),
      sourceKey,
    ]),
  );
  return [...(await keysBySlug(manager, 'organization', 'synthetic-organization-')).values()];
}

/** Themes: eight roots with four children each. */
async function writeThemes({ manager, random, sourceKey }: SyntheticRun): Promise<number[]> {
  const roots = random.sample(topics, 8);
  await insertColumns(
    manager,
    'theme',
    { slug: 'text', name: 'text', source_id: 'int' },
    roots.map((name, index) => [`synthetic-theme-${padded(index)}`, `Synthetic ${name}`, sourceKey]),
  );
  const rootKeys = [...(await keysBySlug(manager, 'theme', 'synthetic-theme-')).values()];
  const childRows: unknown[][] = [];
  rootKeys.forEach((rootKey, rootIndex) => {
    for (let child = 0; child < 4; child++)
      childRows.push([`synthetic-subtheme-${padded(rootIndex * 4 + child)}`, `Synthetic ${roots[rootIndex]}: strand ${child + 1}`, rootKey, sourceKey]);
  });
  await insertColumns(manager, 'theme', { slug: 'text', name: 'text', parent_id: 'int', source_id: 'int' }, childRows);
  return [...rootKeys, ...(await keysBySlug(manager, 'theme', 'synthetic-subtheme-')).values()];
}

async function writeDistricts({ manager, random, lessonCount, sourceKey }: SyntheticRun): Promise<number[]> {
  const districtCount = scaleOf(lessonCount).districts;
  await insertColumns(
    manager,
    'district',
    { slug: 'text', name: 'text', state: 'text', kind: 'district_kind', source_id: 'int' },
    Array.from({ length: districtCount }, (_, index) => [
      `synthetic-district-${padded(index)}`,
      `${random.pick(cities)} Synthetic District ${index + 1}`,
      random.pick(states),
      random.chance(0.1) ? 'COUNTY_OFFICE_OF_EDUCATION' : 'SCHOOL_DISTRICT',
      sourceKey,
    ]),
  );
  return [...(await keysBySlug(manager, 'district', 'synthetic-district-')).values()];
}

/** Networks, coordinated by an organization, with two to twelve member districts each. */
async function writeNetworks(run: SyntheticRun, organizations: number[], districts: number[]): Promise<number[]> {
  const { manager, random, lessonCount, sourceKey } = run;
  const networkCount = scaleOf(lessonCount).networks;
  await insertColumns(
    manager,
    'district_network',
    { slug: 'text', name: 'text', kind: 'district_network_kind', coordinator_id: 'int', source_id: 'int' },
    Array.from({ length: networkCount }, (_, index) => [
      `synthetic-network-${padded(index)}`,
      `Synthetic Network ${index + 1}`,
      random.pick(['CONSORTIUM', 'LEARNING_PARTNERSHIP', 'IMPROVEMENT_NETWORK', 'DATA_COLLABORATIVE']),
      random.pick(organizations),
      sourceKey,
    ]),
  );
  const networks = [...(await keysBySlug(manager, 'district_network', 'synthetic-network-')).values()];
  await insertLinks(
    manager,
    'district_network_member',
    ['network_id', 'district_id'],
    networks.flatMap((network) => random.sample(districts, random.integer(2, 12)).map((district) => [network, district])),
  );
  return networks;
}

/** Meetings numbered after the highest stored one; returns their ids in number order. */
async function writeMeetingRows({ manager, random, lessonCount, sourceKey }: SyntheticRun, organizations: number[]): Promise<number[]> {
  const meetingCount = scaleOf(lessonCount).meetings;
  const [{ highest }] = (await manager.query(`SELECT coalesce(max(number), 0)::int AS highest FROM meeting`)) as Array<{ highest: number }>;
  const meetingRows = Array.from({ length: meetingCount }, (_, index) => {
    const start = new Date(Date.UTC(2000, 0, 1) + random.integer(0, 9000) * 86_400_000);
    const end = new Date(start.getTime() + random.integer(0, 2) * 86_400_000);
    const dates = [start.toISOString().slice(0, 10), end.toISOString().slice(0, 10)];
    return [
      highest + index + 1,
      `Synthetic meeting on ${random.pick(topics)}`,
      ...dates,
      random.pick(cities),
      'CA',
      random.pick(organizations),
      sentence(random),
      sourceKey,
    ];
  });
  await insertColumns(
    manager,
    'meeting',
    {
      number: 'int',
      title: 'text',
      starts_on: 'date',
      ends_on: 'date',
      city: 'text',
      state: 'text',
      convener_id: 'int',
      description: 'text',
      source_id: 'int',
    },
    meetingRows,
  );
  const rows = (await manager.query(`SELECT id FROM meeting WHERE number > $1 ORDER BY number`, [highest])) as Array<{ id: number }>;
  return rows.map((row) => row.id);
}

/** Meetings with their themes, districts, materials and agenda; returns the meetings' ids. */
async function writeMeetings(run: SyntheticRun, organizations: number[], themes: number[], districts: number[]): Promise<number[]> {
  const { manager, random } = run;
  const meetingKeys = await writeMeetingRows(run, organizations);
  await insertLinks(
    manager,
    'meeting_theme',
    ['meeting_id', 'theme_id'],
    meetingKeys.flatMap((meeting) => random.sample(themes, random.integer(1, 3)).map((theme) => [meeting, theme])),
  );
  await insertLinks(
    manager,
    'meeting_district',
    ['meeting_id', 'district_id'],
    meetingKeys.flatMap((meeting) => random.sample(districts, random.integer(0, 2)).map((district) => [meeting, district])),
  );
  await insertColumns(
    manager,
    'meeting_material',
    { meeting_id: 'int', position: 'int', kind: 'meeting_material_kind', title: 'text', file_format: 'text', size_kilobytes: 'numeric' },
    meetingKeys.flatMap((meeting) =>
      Array.from({ length: random.integer(2, 4) }, (_, position) => [
        meeting,
        position + 1,
        materialKinds[position],
        `Material ${position + 1}`,
        'PDF',
        random.integer(50, 900),
      ]),
    ),
  );
  await insertColumns(
    manager,
    'agenda_topic',
    { meeting_id: 'int', position: 'int', title: 'text' },
    meetingKeys.flatMap((meeting) =>
      Array.from({ length: random.integer(3, 5) }, (_, position) => [meeting, position + 1, `Session on ${random.pick(topics)}`]),
    ),
  );
  return meetingKeys;
}

/** Exactly lessonCount lessons spread over briefs, one to seven each: how many each brief gets. */
function lessonsPerBrief(random: Random, lessonCount: number): number[] {
  const counts: number[] = [];
  for (let remaining = lessonCount; remaining > 0;) {
    const count = Math.min(remaining, random.integer(1, 7));
    counts.push(count);
    remaining -= count;
  }
  return counts;
}

/** The briefs' own rows; returns their ids, in the order of `lessonCounts`. */
async function writeBriefRows(run: SyntheticRun, lessonCounts: number[], organizations: number[], meetingKeys: number[]): Promise<number[]> {
  const { manager, random, sourceKey } = run;
  const briefRows = lessonCounts.map((_, index) => {
    const year = random.integer(2000, 2025);
    const month = random.integer(1, 12);
    const dated = random.chance(0.9);
    return [
      `synthetic-brief-${padded(index)}`,
      `${random.pick(['Lessons on', 'Learning from', 'Rethinking', 'Sustaining', 'Scaling'])} ${random.pick(topics)} in ${random.pick(cities)} (${index + 1})`,
      random.pick(briefKinds),
      dated ? `${year}-${String(month).padStart(2, '0')}-01` : null,
      dated ? 'MONTH' : null,
      sentence(random) + ' ' + sentence(random),
      random.pick(organizations),
      random.chance(0.3) ? random.pick(meetingKeys) : null,
      sourceKey,
    ];
  });
  const columns = { slug: 'text', title: 'text', kind: 'brief_kind', published_on: 'date', publication_date_precision: 'date_precision', summary: 'text' };
  await insertColumns(manager, 'brief', { ...columns, publisher_id: 'int', follows_up_meeting_id: 'int', source_id: 'int' }, briefRows);
  const briefBySlug = await keysBySlug(manager, 'brief', 'synthetic-brief-');
  return briefRows.map((row) => briefBySlug.get(row[0] as string)!);
}

interface SyntheticKeys {
  organizations: number[];
  themes: number[];
  districts: number[];
  networks: number[];
  meetings: number[];
}

/** Briefs with their themes, districts, networks and the briefs they build on; returns their ids. */
async function writeBriefs(run: SyntheticRun, lessonCounts: number[], keys: SyntheticKeys): Promise<number[]> {
  const { manager, random } = run;
  const briefs = await writeBriefRows(run, lessonCounts, keys.organizations, keys.meetings);
  await insertLinks(
    manager,
    'brief_theme',
    ['brief_id', 'theme_id'],
    briefs.flatMap((brief) => random.sample(keys.themes, random.integer(1, 3)).map((theme) => [brief, theme])),
  );
  await insertLinks(
    manager,
    'brief_district',
    ['brief_id', 'district_id'],
    briefs.flatMap((brief) => random.sample(keys.districts, random.integer(0, 3)).map((district) => [brief, district])),
  );
  await insertLinks(
    manager,
    'brief_network',
    ['brief_id', 'network_id'],
    briefs.filter(() => random.chance(0.2)).map((brief) => [brief, random.pick(keys.networks)]),
  );
  await insertLinks(
    manager,
    'brief_builds_on',
    ['brief_id', 'builds_on_brief_id'],
    briefs.flatMap((brief, index) => (index > 0 && random.chance(0.1) ? [[brief, briefs[random.integer(0, index - 1)]]] : [])),
  );
  return briefs;
}

type LessonKey = { id: number; brief_id: number };

/** Each brief's lessons, with their themes and districts; returns the lessons' ids with their briefs'. */
async function writeLessons(run: SyntheticRun, briefs: number[], lessonCounts: number[], keys: SyntheticKeys): Promise<LessonKey[]> {
  const { manager, random, sourceKey } = run;
  const lessonRows = briefs.flatMap((brief, index) =>
    Array.from({ length: lessonCounts[index] }, (_, position) => [
      brief,
      position + 1,
      sentence(random),
      random.chance(0.5) ? sentence(random) : null,
      sourceKey,
    ]),
  );
  await insertColumns(manager, 'lesson', { brief_id: 'int', position: 'int', statement: 'text', explanation: 'text', source_id: 'int' }, lessonRows);
  const lessonKeys = (await manager.query(
    `SELECT l.id, l.brief_id FROM lesson l JOIN brief b ON b.id = l.brief_id WHERE b.slug LIKE 'synthetic-brief-%' ORDER BY l.id`,
  )) as LessonKey[];
  await insertLinks(
    manager,
    'lesson_theme',
    ['lesson_id', 'theme_id'],
    lessonKeys.flatMap((lesson) => random.sample(keys.themes, random.integer(1, 3)).map((theme) => [lesson.id, theme])),
  );
  await insertLinks(
    manager,
    'lesson_district',
    ['lesson_id', 'district_id'],
    lessonKeys.flatMap((lesson) => random.sample(keys.districts, random.integer(0, 2)).map((district) => [lesson.id, district])),
  );
  return lessonKeys;
}

/** Links between lessons of different briefs, for about a quarter of the lessons; returns how many. */
async function writeLessonLinks({ manager, random, lessonCount, sourceKey }: SyntheticRun, lessonKeys: LessonKey[]): Promise<number> {
  const links = new Map<string, unknown[]>();
  for (let attempt = 0; attempt < (lessonCount / 4) * 2 && links.size < Math.floor(lessonCount / 4); attempt++) {
    const from = random.pick(lessonKeys);
    const to = random.pick(lessonKeys);
    if (from.brief_id === to.brief_id) continue;
    const kind = random.pick(linkKinds);
    links.set(`${from.id}:${to.id}:${kind}`, [from.id, to.id, kind, `Synthetic rationale: ${sentence(random)}`, sourceKey]);
  }
  const columns = { from_lesson_id: 'int', to_lesson_id: 'int', kind: 'lesson_link_kind', rationale: 'text', source_id: 'int' };
  await insertColumns(manager, 'lesson_link', columns, [...links.values()]);
  return links.size;
}

/** Adds synthetic records for `lessonCount` lessons. Run it on a database without earlier synthetic data. */
export async function writeSyntheticData(manager: EntityManager, lessonCount: number, seed = 20261123): Promise<SyntheticSummary> {
  const random = new Random(seed);
  const [{ exists }] = (await manager.query(`SELECT EXISTS (SELECT 1 FROM brief WHERE slug LIKE 'synthetic-%') AS exists`)) as Array<{ exists: boolean }>;
  if (exists) throw new Error('the database already holds synthetic data; use a fresh database');
  const run: SyntheticRun = { manager, random, lessonCount, sourceKey: await writeSyntheticSource(manager) };
  const organizations = await writeOrganizations(run);
  const themes = await writeThemes(run);
  const districts = await writeDistricts(run);
  const networks = await writeNetworks(run, organizations, districts);
  const meetings = await writeMeetings(run, organizations, themes, districts);
  const keys: SyntheticKeys = { organizations, themes, districts, networks, meetings };
  const lessonCounts = lessonsPerBrief(random, lessonCount);
  const briefs = await writeBriefs(run, lessonCounts, keys);
  const lessonKeys = await writeLessons(run, briefs, lessonCounts, keys);
  const lessonLinks = await writeLessonLinks(run, lessonKeys);
  await manager.query('ANALYZE');
  const scale = scaleOf(lessonCount);
  return {
    organizations: scale.organizations,
    themes: themes.length,
    districts: scale.districts,
    networks: scale.networks,
    meetings: scale.meetings,
    briefs: briefs.length,
    lessons: lessonKeys.length,
    lessonLinks,
  };
}
