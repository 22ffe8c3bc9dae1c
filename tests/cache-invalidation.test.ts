/**
 * The response cache follows what every filter reads: for each argument of each list
 * filter in the schema, an answer using it is cached, then a write (as psql would make
 * it, outside the API) changes what the filter selects, and once the server has heard
 * of the write the next read is answered afresh. A filter argument without a case here
 * fails the last test, so a new filter cannot be added without one.
 */
import { getNamedType, isInputObjectType, type GraphQLSchema } from 'graphql';
import { ApiKeyRole } from '../src/auth/api-key.entity';
import { buildBriefgraphSchema } from '../src/schema';
import { startTestServer, type TestServer } from './support/test-server';

interface FilterCase {
  /** A root list and its filter, selecting totalCount or the nodes' keys. */
  query: string;
  /** SQL that changes what the filter selects. */
  write: string;
  /** The table the write changes (the server hears of it by name). */
  table: string;
}

const count = (list: string, filter: string) => `{ ${list}(filter: ${filter}) { totalCount } }`;
const themeId = (slug: string) => `(SELECT id FROM theme WHERE slug = '${slug}')`;

/** By "<filter type>.<field>". */
const cases: Record<string, FilterCase> = {
  'BriefFilter.themes': {
    query: count('briefs', '{ themes: { anyOf: [$data-use], includeSubthemes: false } }'),
    write: `INSERT INTO brief_theme (brief_id, theme_id) SELECT id, ${themeId('data-use')} FROM brief WHERE slug = 'district-role-in-school-turnaround' ON CONFLICT DO NOTHING`,
    table: 'brief_theme',
  },
  'BriefFilter.districts': {
    query: count('briefs', '{ districts: [$district:oakland-unified] }'),
    write: `INSERT INTO brief_district (brief_id, district_id) SELECT b.id, d.id FROM brief b, district d WHERE b.slug = 'district-role-in-school-turnaround' AND d.slug = 'oakland-unified' ON CONFLICT DO NOTHING`,
    table: 'brief_district',
  },
  'BriefFilter.networks': {
    query: count('briefs', '{ networks: [$network:fresno-long-beach-learning-partnership] }'),
    write: `INSERT INTO brief_network (brief_id, network_id) SELECT b.id, n.id FROM brief b, district_network n
            WHERE n.slug = 'fresno-long-beach-learning-partnership' AND b.slug = 'district-role-in-school-turnaround' ON CONFLICT DO NOTHING`,
    table: 'brief_network',
  },
  'BriefFilter.kinds': {
    query: count('briefs', '{ kinds: [CASE_STUDY] }'),
    write: `UPDATE brief SET kind = 'CASE_STUDY' WHERE slug = 'always-room-for-improvement'`,
    table: 'brief',
  },
  'BriefFilter.publishers': {
    query: count('briefs', '{ publishers: [$organization:american-institutes-for-research] }'),
    write: `UPDATE brief SET publisher_id = (SELECT id FROM organization WHERE slug = 'american-institutes-for-research') WHERE slug = 'always-room-for-improvement'`,
    table: 'brief',
  },
  'BriefFilter.published': {
    query: count('briefs', '{ published: { from: "1990-01-01", to: "1990-12-31" } }'),
    write: `UPDATE brief SET published_on = '1990-06-01', publication_date_precision = 'DAY' WHERE slug = 'always-room-for-improvement'`,
    table: 'brief',
  },
  'BriefFilter.followsUpMeetings': {
    query: count('briefs', '{ followsUpMeetings: [$meeting:11] }'),
    write: `UPDATE brief SET follows_up_meeting_id = (SELECT id FROM meeting WHERE number = 11) WHERE slug = 'always-room-for-improvement'`,
    table: 'brief',
  },
  'MeetingFilter.city': {
    query: count('meetings', '{ city: "Quokka Springs" }'),
    write: `UPDATE meeting SET city = 'Quokka Springs' WHERE number = 12`,
    table: 'meeting',
  },
  'MeetingFilter.conveners': {
    query: count('meetings', '{ conveners: [$organization:american-institutes-for-research] }'),
    write: `UPDATE meeting SET convener_id = (SELECT id FROM organization WHERE slug = 'american-institutes-for-research') WHERE number = 12`,
    table: 'meeting',
  },
  'MeetingFilter.dates': {
    query: count('meetings', '{ dates: { from: "1991-01-01", to: "1991-12-31" } }'),
    write: `UPDATE meeting SET starts_on = '1991-03-01', ends_on = '1991-03-02' WHERE number = 12`,
    table: 'meeting',
  },
  'MeetingFilter.states': {
    query: count('meetings', '{ states: ["OR"] }'),
    write: `UPDATE meeting SET state = 'OR' WHERE number = 12`,
    table: 'meeting',
  },
  'MeetingFilter.themes': {
    query: count('meetings', '{ themes: { anyOf: [$data-use], includeSubthemes: false } }'),
    write: `INSERT INTO meeting_theme (meeting_id, theme_id) SELECT id, ${themeId('data-use')} FROM meeting WHERE number = 12 ON CONFLICT DO NOTHING`,
    table: 'meeting_theme',
  },
  'LessonFilter.briefs': {
    query: count('lessons', '{ briefs: [$brief:always-room-for-improvement] }'),
    write: `INSERT INTO lesson (brief_id, position, statement) SELECT id, 99, 'A lesson written in psql' FROM brief WHERE slug = 'always-room-for-improvement'`,
    table: 'lesson',
  },
  'LessonFilter.districts': {
    query: count('lessons', '{ districts: [$district:oakland-unified] }'),
    write: `INSERT INTO lesson_district (lesson_id, district_id) SELECT l.id, d.id FROM lesson l, district d WHERE d.slug = 'oakland-unified' ORDER BY l.id LIMIT 1 ON CONFLICT DO NOTHING`,
    table: 'lesson_district',
  },
  'LessonFilter.linkKinds': {
    query: count('lessons', '{ linkKinds: [CONTRADICTS] }'),
    write: `INSERT INTO lesson_link (from_lesson_id, to_lesson_id, kind, rationale)
            SELECT a.id, b.id, 'CONTRADICTS', 'written in psql' FROM lesson a JOIN lesson b ON b.brief_id <> a.brief_id ORDER BY a.id, b.id LIMIT 1`,
    table: 'lesson_link',
  },
  'LessonFilter.bases': {
    query: count('lessons', '{ bases: [EDITORIAL_INFERENCE] }'),
    write: `UPDATE lesson SET basis = 'EDITORIAL_INFERENCE' WHERE id = (SELECT min(id) FROM lesson WHERE basis <> 'EDITORIAL_INFERENCE')`,
    table: 'lesson',
  },
  'LessonFilter.kinds': {
    query: count('lessons', '{ kinds: [CASE_STUDY] }'),
    write: `UPDATE brief SET kind = 'CASE_STUDY' WHERE slug = 'always-room-for-improvement'`,
    table: 'brief',
  },
  'LessonFilter.publishers': {
    query: count('lessons', '{ publishers: [$organization:american-institutes-for-research] }'),
    write: `UPDATE brief SET publisher_id = (SELECT id FROM organization WHERE slug = 'american-institutes-for-research') WHERE slug = 'always-room-for-improvement'`,
    table: 'brief',
  },
  'LessonFilter.published': {
    query: count('lessons', '{ published: { from: "1990-01-01", to: "1990-12-31" } }'),
    write: `UPDATE brief SET published_on = '1990-06-01', publication_date_precision = 'DAY' WHERE slug = 'always-room-for-improvement'`,
    table: 'brief',
  },
  'LessonFilter.themes': {
    query: count('lessons', '{ themes: { anyOf: [$data-use], includeSubthemes: false } }'),
    write: `INSERT INTO lesson_theme (lesson_id, theme_id) SELECT l.id, ${themeId('data-use')} FROM lesson l
            WHERE NOT EXISTS (SELECT 1 FROM lesson_theme x WHERE x.lesson_id = l.id AND x.theme_id = ${themeId('data-use')}) ORDER BY l.id LIMIT 1`,
    table: 'lesson_theme',
  },
  'DistrictFilter.kinds': {
    query: count('districts', '{ kinds: [COUNTY_OFFICE_OF_EDUCATION] }'),
    write: `UPDATE district SET kind = 'COUNTY_OFFICE_OF_EDUCATION' WHERE slug = 'oakland-unified'`,
    table: 'district',
  },
  'DistrictFilter.networks': {
    query: count('districts', '{ networks: [$network:fresno-long-beach-learning-partnership] }'),
    write: `INSERT INTO district_network_member (network_id, district_id) SELECT n.id, d.id FROM district_network n, district d
            WHERE n.slug = 'fresno-long-beach-learning-partnership' AND d.slug = 'oakland-unified' ON CONFLICT DO NOTHING`,
    table: 'district_network_member',
  },
  'DistrictFilter.states': {
    query: count('districts', '{ states: ["WA"] }'),
    write: `UPDATE district SET state = 'WA' WHERE slug = 'oakland-unified'`,
    table: 'district',
  },
  'ThemeFilter.parent': {
    query: count('themes', '{ parent: $theme:school-turnaround }'),
    write: `UPDATE theme SET parent_id = ${themeId('school-turnaround')} WHERE slug = 'accountability'`,
    table: 'theme',
  },
  'ThemeFilter.rootsOnly': {
    query: count('themes', '{ rootsOnly: true }'),
    write: `UPDATE theme SET parent_id = NULL WHERE slug = 'improvement-science'`,
    table: 'theme',
  },
  'OrganizationFilter.kinds': {
    query: count('organizations', '{ kinds: [STATE_AGENCY] }'),
    write: `UPDATE organization SET kind = 'STATE_AGENCY' WHERE slug = 'american-institutes-for-research'`,
    table: 'organization',
  },
  'DistrictNetworkFilter.kinds': {
    query: count('districtNetworks', '{ kinds: [DATA_COLLABORATIVE] }'),
    write: `UPDATE district_network SET kind = 'DATA_COLLABORATIVE' WHERE slug = 'fresno-long-beach-learning-partnership'`,
    table: 'district_network',
  },
  'PersonFilter.organizations': {
    query: `{ people(filter: { organizations: [$organization:american-institutes-for-research] }) { totalCount } }`,
    write: `INSERT INTO person_affiliation (person_id, position, organization_id) SELECT p.id, 1, o.id FROM person p, organization o
            WHERE p.slug = 'kate-kennedy' AND o.slug = 'american-institutes-for-research'`,
    table: 'person_affiliation',
  },
  'LessonLinkFilter.kinds': {
    query: `{ lessons(first: 50) { nodes { links(filter: { kinds: [QUALIFIES] }) { totalCount } } } }`,
    write: `UPDATE lesson_link SET kind = 'QUALIFIES' WHERE id = (SELECT min(id) FROM lesson_link)`,
    table: 'lesson_link',
  },
  'LessonLinkFilter.bases': {
    query: `{ lessons(first: 50) { nodes { links(filter: { bases: [STATED] }) { totalCount } } } }`,
    write: `UPDATE lesson_link SET basis = 'STATED' WHERE id = (SELECT min(id) FROM lesson_link)`,
    table: 'lesson_link',
  },
  'BriefFilter.districtSlugs': {
    query: count('briefs', '{ districtSlugs: ["oakland-unified"] }'),
    write: `INSERT INTO brief_district (brief_id, district_id) SELECT b.id, d.id FROM brief b, district d WHERE b.slug = 'district-role-in-school-turnaround' AND d.slug = 'oakland-unified' ON CONFLICT DO NOTHING`,
    table: 'brief_district',
  },
  'BriefFilter.networkSlugs': {
    query: count('briefs', '{ networkSlugs: ["fresno-long-beach-learning-partnership"] }'),
    write: `INSERT INTO brief_network (brief_id, network_id) SELECT b.id, n.id FROM brief b, district_network n
            WHERE n.slug = 'fresno-long-beach-learning-partnership' AND b.slug = 'district-role-in-school-turnaround' ON CONFLICT DO NOTHING`,
    table: 'brief_network',
  },
  'BriefFilter.publisherSlugs': {
    query: count('briefs', '{ publisherSlugs: ["american-institutes-for-research"] }'),
    write: `UPDATE brief SET publisher_id = (SELECT id FROM organization WHERE slug = 'american-institutes-for-research') WHERE slug = 'always-room-for-improvement'`,
    table: 'brief',
  },
  'MeetingFilter.convenerSlugs': {
    query: count('meetings', '{ convenerSlugs: ["american-institutes-for-research"] }'),
    write: `UPDATE meeting SET convener_id = (SELECT id FROM organization WHERE slug = 'american-institutes-for-research') WHERE number = 12`,
    table: 'meeting',
  },
  'LessonFilter.briefSlugs': {
    query: count('lessons', '{ briefSlugs: ["always-room-for-improvement"] }'),
    write: `INSERT INTO lesson (brief_id, position, statement) SELECT id, 99, 'A lesson written in psql' FROM brief WHERE slug = 'always-room-for-improvement'`,
    table: 'lesson',
  },
  'LessonFilter.districtSlugs': {
    query: count('lessons', '{ districtSlugs: ["oakland-unified"] }'),
    write: `INSERT INTO lesson_district (lesson_id, district_id) SELECT l.id, d.id FROM lesson l, district d WHERE d.slug = 'oakland-unified' ORDER BY l.id LIMIT 1 ON CONFLICT DO NOTHING`,
    table: 'lesson_district',
  },
  'LessonFilter.publisherSlugs': {
    query: count('lessons', '{ publisherSlugs: ["american-institutes-for-research"] }'),
    write: `UPDATE brief SET publisher_id = (SELECT id FROM organization WHERE slug = 'american-institutes-for-research') WHERE slug = 'always-room-for-improvement'`,
    table: 'brief',
  },
  'DistrictFilter.networkSlugs': {
    query: count('districts', '{ networkSlugs: ["fresno-long-beach-learning-partnership"] }'),
    write: `INSERT INTO district_network_member (network_id, district_id) SELECT n.id, d.id FROM district_network n, district d
            WHERE n.slug = 'fresno-long-beach-learning-partnership' AND d.slug = 'oakland-unified' ON CONFLICT DO NOTHING`,
    table: 'district_network_member',
  },
};

/**
 * `updatedSince` and `updatedBefore`, which every list filter has: a write from psql moves
 * one row's `updated_at` into the window (a statement that sets it keeps its value).
 * By filter type: the list's query for a filter, the table, and the row written.
 */
const updatedAtLists: Record<string, [(filter: string) => string, string, string]> = {
  BriefFilter: [(filter) => count('briefs', filter), 'brief', `slug = 'always-room-for-improvement'`],
  MeetingFilter: [(filter) => count('meetings', filter), 'meeting', 'number = 12'],
  LessonFilter: [(filter) => count('lessons', filter), 'lesson', 'id = (SELECT min(id) FROM lesson)'],
  DistrictFilter: [(filter) => count('districts', filter), 'district', `slug = 'oakland-unified'`],
  ThemeFilter: [(filter) => count('themes', filter), 'theme', `slug = 'accountability'`],
  OrganizationFilter: [(filter) => count('organizations', filter), 'organization', `slug = 'american-institutes-for-research'`],
  DistrictNetworkFilter: [(filter) => count('districtNetworks', filter), 'district_network', `slug = 'fresno-long-beach-learning-partnership'`],
  LessonLinkFilter: [
    (filter) => `{ lessons(first: 50) { nodes { links(filter: ${filter}) { totalCount } } } }`,
    'lesson_link',
    'id = (SELECT min(id) FROM lesson_link)',
  ],
  PersonFilter: [(filter) => count('people', filter), 'person', `slug = 'kate-kennedy'`],
};
for (const [filterType, [query, table, row]] of Object.entries(updatedAtLists)) {
  cases[`${filterType}.updatedSince`] = {
    query: query('{ updatedSince: "2100-01-01T00:00:00Z" }'),
    write: `UPDATE ${table} SET updated_at = '2100-06-01Z' WHERE ${row}`,
    table,
  };
  cases[`${filterType}.updatedBefore`] = {
    query: query('{ updatedBefore: "2000-01-01T00:00:00Z" }'),
    write: `UPDATE ${table} SET updated_at = '1999-06-01Z' WHERE ${row}`,
    table,
  };
}

/** Every filter input field of the lists anonymous answers can be cached for (not the admins' audit log and delivery log). */
function filterFieldsOf(schema: GraphQLSchema): string[] {
  const names = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!('getFields' in type) || isInputObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const filter = field.args.find((argument) => argument.name === 'filter');
      if (!filter) continue;
      const filterType = getNamedType(filter.type);
      if (!isInputObjectType(filterType) || ['AuditFilter', 'SearchFilter', 'WebhookDeliveryFilter'].includes(filterType.name)) continue;
      for (const input of Object.values(filterType.getFields())) names.add(`${filterType.name}.${input.name}`);
    }
  }
  return [...names].sort();
}

describe('the response cache drops answers whose filters read what changed', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer({ server: { cacheMaxAgeSeconds: 60 } });
  });
  afterEach(async () => {
    await server.close();
  });

  /** Replaces "$<type>:<key>" placeholders with global IDs, and "$<slug>" with a theme's ID. */
  async function withIds(query: string): Promise<string> {
    const lookups: Record<string, string> = {
      district: 'district(slug: "%") { id }',
      network: 'districtNetwork(slug: "%") { id }',
      organization: 'organization(slug: "%") { id }',
      brief: 'brief(slug: "%") { id }',
      meeting: 'meeting(number: %) { id }',
      theme: 'theme(slug: "%") { id }',
    };
    let result = query;
    for (const match of query.matchAll(/\$(?:(\w+):)?([\w-]+)/g)) {
      const [placeholder, type = 'theme', key] = match;
      const lookup = lookups[type].replace('%', key);
      const { data } = await server.graphql(`{ found: ${lookup} }`);
      result = result.replace(placeholder, JSON.stringify(data!.found.id));
    }
    return result;
  }

  it.each(Object.entries(cases))('%s', async (_name, filterCase) => {
    const query = await withIds(filterCase.query);
    const before = await server.graphql(query);
    expect(before.errors).toBeUndefined();
    const cached = await server.graphql(query);
    expect(cached.headers.get('x-cache')).toBe('HIT');
    const heard = server.changeHeard(filterCase.table);
    await server.database.dataSource.query(filterCase.write);
    await heard;
    const after = await server.graphql(query);
    expect(after.headers.get('x-cache')).toBe('MISS');
    expect(after.data).not.toEqual(before.data);
    // And the fresh answer is what a request that bypasses the cache gets.
    const keyed = await server.graphql(query, undefined, { apiKey: await server.createApiKey(ApiKeyRole.EDITOR) });
    expect(after.data).toEqual(keyed.data);
  });

  it('has a case for every filter argument of every list', () => {
    expect(filterFieldsOf(buildBriefgraphSchema()).filter((name) => !cases[name])).toEqual([]);
  });
});
