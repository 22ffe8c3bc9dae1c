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

/** Inserts rows column by column through unnest(), in batches; returns nothing. */
async function insertColumns(manager: EntityManager, table: string, columns: Array<[name: string, type: string]>, rows: unknown[][]): Promise<void> {
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    const arrays = columns.map((_, index) => batch.map((row) => row[index]));
    await manager.query(
      `INSERT INTO ${table} (${columns.map(([name]) => name).join(', ')})
       SELECT * FROM unnest(${columns.map(([, type], index) => `$${index + 1}::${type}[]`).join(', ')})`,
      arrays,
    );
  }
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

/** Adds synthetic records for `lessonCount` lessons. Run it on a database without earlier synthetic data. */
export async function writeSyntheticData(manager: EntityManager, lessonCount: number, seed = 20261123): Promise<SyntheticSummary> {
  const random = new Random(seed);
  const [{ exists }] = (await manager.query(`SELECT EXISTS (SELECT 1 FROM brief WHERE slug LIKE 'synthetic-%') AS exists`)) as Array<{ exists: boolean }>;
  if (exists) throw new Error('the database already holds synthetic data; use a fresh database');

  await manager.query(
    `INSERT INTO source_document (slug, title, kind, description) VALUES ('synthetic-data', 'Synthetic data', 'EDITORIAL_ANALYSIS', 'Generated for benchmarks and tests; not real publications.')
     ON CONFLICT (slug) DO NOTHING`,
  );
  const [{ id: sourceKey }] = (await manager.query(`SELECT id FROM source_document WHERE slug = 'synthetic-data'`)) as Array<{ id: number }>;

  const organizationCount = 12 + Math.floor(lessonCount / 5000);
  await insertColumns(
    manager,
    'organization',
    [
      ['slug', 'text'],
      ['name', 'text'],
      ['kind', 'organization_kind'],
      ['source_id', 'int'],
    ],
    Array.from({ length: organizationCount }, (_, index) => [
      `synthetic-organization-${padded(index)}`,
      `Synthetic Research Group ${index + 1}`,
      random.pick(['RESEARCH_COLLABORATIVE', 'RESEARCH_INSTITUTE', 'UNIVERSITY_POLICY_CENTER']),
      sourceKey,
    ]),
  );
  const organizations = [...(await keysBySlug(manager, 'organization', 'synthetic-organization-')).values()];

  // Themes: eight roots with four children each.
  const roots = random.sample(topics, 8);
  await insertColumns(
    manager,
    'theme',
    [
      ['slug', 'text'],
      ['name', 'text'],
      ['source_id', 'int'],
    ],
    roots.map((name, index) => [`synthetic-theme-${padded(index)}`, `Synthetic ${name}`, sourceKey]),
  );
  const rootKeys = [...(await keysBySlug(manager, 'theme', 'synthetic-theme-')).values()];
  const childRows: unknown[][] = [];
  rootKeys.forEach((rootKey, rootIndex) => {
    for (let child = 0; child < 4; child++)
      childRows.push([`synthetic-subtheme-${padded(rootIndex * 4 + child)}`, `Synthetic ${roots[rootIndex]}: strand ${child + 1}`, rootKey, sourceKey]);
  });
  await insertColumns(
    manager,
    'theme',
    [
      ['slug', 'text'],
      ['name', 'text'],
      ['parent_id', 'int'],
      ['source_id', 'int'],
    ],
    childRows,
  );
  const themes = [...rootKeys, ...(await keysBySlug(manager, 'theme', 'synthetic-subtheme-')).values()];

  const districtCount = Math.max(20, Math.floor(lessonCount / 50));
  await insertColumns(
    manager,
    'district',
    [
      ['slug', 'text'],
      ['name', 'text'],
      ['state', 'text'],
      ['kind', 'district_kind'],
      ['source_id', 'int'],
    ],
    Array.from({ length: districtCount }, (_, index) => [
      `synthetic-district-${padded(index)}`,
      `${random.pick(cities)} Synthetic District ${index + 1}`,
      random.pick(states),
      random.chance(0.1) ? 'COUNTY_OFFICE_OF_EDUCATION' : 'SCHOOL_DISTRICT',
      sourceKey,
    ]),
  );
  const districts = [...(await keysBySlug(manager, 'district', 'synthetic-district-')).values()];

  const networkCount = Math.max(4, Math.floor(lessonCount / 2000));
  await insertColumns(
    manager,
    'district_network',
    [
      ['slug', 'text'],
      ['name', 'text'],
      ['kind', 'district_network_kind'],
      ['coordinator_id', 'int'],
      ['source_id', 'int'],
    ],
    Array.from({ length: networkCount }, (_, index) => [
      `synthetic-network-${padded(index)}`,
      `Synthetic Network ${index + 1}`,
      random.pick(['CONSORTIUM', 'LEARNING_PARTNERSHIP', 'IMPROVEMENT_NETWORK', 'DATA_COLLABORATIVE']),
      random.pick(organizations),
      sourceKey,
    ]),
  );
  const networks = [...(await keysBySlug(manager, 'district_network', 'synthetic-network-')).values()];
  await insertColumns(
    manager,
    'district_network_member',
    [
      ['network_id', 'int'],
      ['district_id', 'int'],
    ],
    networks.flatMap((network) => random.sample(districts, random.integer(2, 12)).map((district) => [network, district])),
  );

  const meetingCount = Math.max(3, Math.floor(lessonCount / 100));
  const [{ highest }] = (await manager.query(`SELECT coalesce(max(number), 0)::int AS highest FROM meeting`)) as Array<{ highest: number }>;
  const meetingRows = Array.from({ length: meetingCount }, (_, index) => {
    const start = new Date(Date.UTC(2000, 0, 1) + random.integer(0, 9000) * 86_400_000);
    const end = new Date(start.getTime() + random.integer(0, 2) * 86_400_000);
    return [
      highest + index + 1,
      `Synthetic meeting on ${random.pick(topics)}`,
      start.toISOString().slice(0, 10),
      end.toISOString().slice(0, 10),
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
    [
      ['number', 'int'],
      ['title', 'text'],
      ['starts_on', 'date'],
      ['ends_on', 'date'],
      ['city', 'text'],
      ['state', 'text'],
      ['convener_id', 'int'],
      ['description', 'text'],
      ['source_id', 'int'],
    ],
    meetingRows,
  );
  const meetingKeys = ((await manager.query(`SELECT id FROM meeting WHERE number > $1 ORDER BY number`, [highest])) as Array<{ id: number }>).map(
    (row) => row.id,
  );
  await insertColumns(
    manager,
    'meeting_theme',
    [
      ['meeting_id', 'int'],
      ['theme_id', 'int'],
    ],
    meetingKeys.flatMap((meeting) => random.sample(themes, random.integer(1, 3)).map((theme) => [meeting, theme])),
  );
  await insertColumns(
    manager,
    'meeting_district',
    [
      ['meeting_id', 'int'],
      ['district_id', 'int'],
    ],
    meetingKeys.flatMap((meeting) => random.sample(districts, random.integer(0, 2)).map((district) => [meeting, district])),
  );
  await insertColumns(
    manager,
    'meeting_material',
    [
      ['meeting_id', 'int'],
      ['position', 'int'],
      ['kind', 'meeting_material_kind'],
      ['title', 'text'],
      ['file_format', 'text'],
      ['size_kilobytes', 'numeric'],
    ],
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
    [
      ['meeting_id', 'int'],
      ['position', 'int'],
      ['title', 'text'],
    ],
    meetingKeys.flatMap((meeting) =>
      Array.from({ length: random.integer(3, 5) }, (_, position) => [meeting, position + 1, `Session on ${random.pick(topics)}`]),
    ),
  );

  // Briefs, then exactly lessonCount lessons spread over them (one to seven each).
  const lessonsPerBrief: number[] = [];
  for (let remaining = lessonCount; remaining > 0;) {
    const count = Math.min(remaining, random.integer(1, 7));
    lessonsPerBrief.push(count);
    remaining -= count;
  }
  const briefRows = lessonsPerBrief.map((_, index) => {
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
  await insertColumns(
    manager,
    'brief',
    [
      ['slug', 'text'],
      ['title', 'text'],
      ['kind', 'brief_kind'],
      ['published_on', 'date'],
      ['publication_date_precision', 'date_precision'],
      ['summary', 'text'],
      ['publisher_id', 'int'],
      ['follows_up_meeting_id', 'int'],
      ['source_id', 'int'],
    ],
    briefRows,
  );
  const briefBySlug = await keysBySlug(manager, 'brief', 'synthetic-brief-');
  const briefs = briefRows.map((row) => briefBySlug.get(row[0] as string)!);
  await insertColumns(
    manager,
    'brief_theme',
    [
      ['brief_id', 'int'],
      ['theme_id', 'int'],
    ],
    briefs.flatMap((brief) => random.sample(themes, random.integer(1, 3)).map((theme) => [brief, theme])),
  );
  await insertColumns(
    manager,
    'brief_district',
    [
      ['brief_id', 'int'],
      ['district_id', 'int'],
    ],
    briefs.flatMap((brief) => random.sample(districts, random.integer(0, 3)).map((district) => [brief, district])),
  );
  await insertColumns(
    manager,
    'brief_network',
    [
      ['brief_id', 'int'],
      ['network_id', 'int'],
    ],
    briefs.filter(() => random.chance(0.2)).map((brief) => [brief, random.pick(networks)]),
  );
  await insertColumns(
    manager,
    'brief_builds_on',
    [
      ['brief_id', 'int'],
      ['builds_on_brief_id', 'int'],
    ],
    briefs.flatMap((brief, index) => (index > 0 && random.chance(0.1) ? [[brief, briefs[random.integer(0, index - 1)]]] : [])),
  );

  const lessonRows = briefs.flatMap((brief, index) =>
    Array.from({ length: lessonsPerBrief[index] }, (_, position) => [
      brief,
      position + 1,
      sentence(random),
      random.chance(0.5) ? sentence(random) : null,
      sourceKey,
    ]),
  );
  await insertColumns(
    manager,
    'lesson',
    [
      ['brief_id', 'int'],
      ['position', 'int'],
      ['statement', 'text'],
      ['explanation', 'text'],
      ['source_id', 'int'],
    ],
    lessonRows,
  );
  const lessonKeys = (await manager.query(
    `SELECT l.id, l.brief_id FROM lesson l JOIN brief b ON b.id = l.brief_id WHERE b.slug LIKE 'synthetic-brief-%' ORDER BY l.id`,
  )) as Array<{ id: number; brief_id: number }>;
  await insertColumns(
    manager,
    'lesson_theme',
    [
      ['lesson_id', 'int'],
      ['theme_id', 'int'],
    ],
    lessonKeys.flatMap((lesson) => random.sample(themes, random.integer(1, 3)).map((theme) => [lesson.id, theme])),
  );
  await insertColumns(
    manager,
    'lesson_district',
    [
      ['lesson_id', 'int'],
      ['district_id', 'int'],
    ],
    lessonKeys.flatMap((lesson) => random.sample(districts, random.integer(0, 2)).map((district) => [lesson.id, district])),
  );
  const links = new Map<string, unknown[]>();
  for (let attempt = 0; attempt < (lessonCount / 4) * 2 && links.size < Math.floor(lessonCount / 4); attempt++) {
    const from = random.pick(lessonKeys);
    const to = random.pick(lessonKeys);
    if (from.brief_id === to.brief_id) continue;
    const kind = random.pick(linkKinds);
    links.set(`${from.id}:${to.id}:${kind}`, [from.id, to.id, kind, `Synthetic rationale: ${sentence(random)}`, sourceKey]);
  }
  await insertColumns(
    manager,
    'lesson_link',
    [
      ['from_lesson_id', 'int'],
      ['to_lesson_id', 'int'],
      ['kind', 'lesson_link_kind'],
      ['rationale', 'text'],
      ['source_id', 'int'],
    ],
    [...links.values()],
  );
  await manager.query('ANALYZE');
  return {
    organizations: organizationCount,
    themes: themes.length,
    districts: districtCount,
    networks: networkCount,
    meetings: meetingCount,
    briefs: briefs.length,
    lessons: lessonKeys.length,
    lessonLinks: links.size,
  };
}
