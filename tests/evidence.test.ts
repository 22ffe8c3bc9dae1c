/**
 * Evidence through the HTTP endpoint: every lesson and lesson link says on what it
 * rests, where in its source and why; filters and facets by basis agree; a report's
 * declared number of lessons stands apart from the number recorded; editors write
 * the basis with the lesson.
 */
import { ApiKeyRole } from '../src/auth/api-key.entity';
import { readSeedDataset } from '../src/seed/seed-reader';
import { seedDirectory, startTestServer, type TestServer } from './support/test-server';

describe('evidence', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('shows anonymous readers the basis, source, locator and explanation of a lesson', async () => {
    const { data, errors } = await server.graphql(`{
      brief(slug: "lessons-from-the-core-districts") {
        declaredLessonCount
        lessons { totalCount nodes { position basis locator reportLessonNumber explanation source { slug url } } }
      }
    }`);
    expect(errors).toBeUndefined();
    const brief = data!.brief;
    expect(brief.declaredLessonCount).toBe(6);
    expect(brief.lessons.totalCount).toBe(3);
    expect(
      brief.lessons.nodes.map((lesson: { position: number; basis: string; reportLessonNumber: number | null; source: { slug: string } }) => [
        lesson.position,
        lesson.basis,
        lesson.reportLessonNumber,
        lesson.source.slug,
      ]),
    ).toEqual([
      [1, 'STATED', 1, 'pace-learning-and-practicing-page'],
      [2, 'STATED', null, 'pace-core-districts-publications'],
      [3, 'STATED', 2, 'pace-learning-and-practicing-page'],
    ]);
    expect(brief.lessons.nodes[0].source.url).toMatch(/^https:\/\/edpolicyinca\.org\//);
    for (const lesson of brief.lessons.nodes) {
      expect(lesson.locator).toEqual(expect.any(String));
      expect(lesson.explanation).toEqual(expect.any(String));
    }
  });

  it('shows the basis and explanation of every lesson link', async () => {
    const { data } = await server.graphql(`{ lessons(first: 50) { nodes { links(direction: OUTGOING) { nodes { basis rationale explanation } } } } }`);
    const links = data!.lessons.nodes.flatMap((lesson: { links: { nodes: Array<{ basis: string; explanation: string }> } }) => lesson.links.nodes);
    expect(links).toHaveLength(7);
    for (const link of links) {
      expect(link.basis).toBe('EDITORIAL_INFERENCE');
      expect(link.explanation.length).toBeGreaterThan(40);
    }
  });

  it('filters lessons by basis, and counts them by basis as the filter does', async () => {
    interface LessonList {
      totalCount: number;
      nodes: Array<{ id: string }>;
    }
    const { data } = await server.graphql<{
      all: { totalCount: number; nodes: Array<{ id: string; basis: string; position: number; brief: { slug: string } }> };
      facets: { bases: Array<{ basis: string; count: number }> };
      stated: LessonList;
      summarized: LessonList;
      inferred: LessonList;
      statedOnTurnaround: { totalCount: number };
      briefs: { bases: Array<{ basis: string }> };
    }>(`{
      all: lessons(first: 100) { totalCount nodes { id basis position brief { slug } } }
      facets: lessonFacets { bases { basis count } }
      stated: lessons(first: 100, filter: { bases: [STATED] }) { totalCount nodes { id } }
      summarized: lessons(first: 100, filter: { bases: [SUMMARIZED] }) { totalCount nodes { id } }
      inferred: lessons(first: 100, filter: { bases: [EDITORIAL_INFERENCE] }) { totalCount nodes { id } }
      statedOnTurnaround: lessons(filter: { bases: [STATED], themes: { anyOf: [] } }) { totalCount }
      briefs: briefFacets { bases { basis } }
    }`);
    // Other tests in this file add lessons, so each lesson is checked by its own basis, and the seeded
    // ones (known by brief and position, as the seed loader keys them) by the basis the seeds give them.
    const all = data!.all.nodes;
    expect(all).toHaveLength(data!.all.totalCount);
    const idsWith = (basis: string) =>
      all
        .filter((lesson) => lesson.basis === basis)
        .map((lesson) => lesson.id)
        .sort();
    const idsOf = (list: LessonList) => list.nodes.map((lesson) => lesson.id).sort();
    expect([idsOf(data!.stated), idsOf(data!.summarized), idsOf(data!.inferred)]).toEqual([
      idsWith('STATED'),
      idsWith('SUMMARIZED'),
      idsWith('EDITORIAL_INFERENCE'),
    ]);
    expect([data!.stated.totalCount, data!.summarized.totalCount, data!.inferred.totalCount]).toEqual([
      idsWith('STATED').length,
      idsWith('SUMMARIZED').length,
      idsWith('EDITORIAL_INFERENCE').length,
    ]);
    const byBasis = (list: Array<{ basis: string; count: number }>) => [...list].sort((left, right) => left.basis.localeCompare(right.basis));
    const counted = ['EDITORIAL_INFERENCE', 'STATED', 'SUMMARIZED']
      .map((basis) => ({ basis, count: idsWith(basis).length }))
      .filter((facet) => facet.count > 0);
    expect(byBasis(data!.facets.bases)).toEqual(counted);

    const seeded = new Map(
      readSeedDataset(seedDirectory).briefs.flatMap((brief) =>
        (brief.lessons ?? []).map((lesson, index) => [`${brief.slug}#${index + 1}`, lesson.basis ?? 'EDITORIAL_INFERENCE'] as const),
      ),
    );
    const seededLessons = all.filter((lesson) => seeded.has(`${lesson.brief.slug}#${lesson.position}`));
    expect(seededLessons).toHaveLength(seeded.size);
    for (const lesson of seededLessons) expect(lesson.basis).toBe(seeded.get(`${lesson.brief.slug}#${lesson.position}`));
    const seededWith = (basis: string) => seededLessons.filter((lesson) => lesson.basis === basis).length;
    expect([seededWith('STATED'), seededWith('SUMMARIZED'), seededWith('EDITORIAL_INFERENCE')]).toEqual([9, 10, 0]);

    expect(data!.statedOnTurnaround.totalCount).toBe(0);
    expect(data!.briefs.bases).toEqual([]);
    // The facet ignores its own filter and applies the others.
    const narrowed = await server.graphql(`{ lessonFacets(filter: { bases: [STATED], briefs: [] }) { bases { basis count } } }`);
    expect(narrowed.data!.lessonFacets.bases).toEqual([]);
  });

  it("restricts a theme's timeline to stated findings when asked", async () => {
    const { data } = await server.graphql(`{ theme(slug: "continuous-improvement") {
      all: timeline { years { year lessons briefs } undatedLessons }
      stated: timeline(bases: [STATED]) { years { year lessons briefs } undatedLessons }
    } }`);
    const lessonsOf = (timeline: { years: Array<{ lessons: number }>; undatedLessons: number }) =>
      timeline.years.reduce((sum, year) => sum + year.lessons, timeline.undatedLessons);
    expect(lessonsOf(data!.theme.stated)).toBeLessThan(lessonsOf(data!.theme.all));
    expect(lessonsOf(data!.theme.stated)).toBeGreaterThan(0);
    // Briefs are counted all the same.
    expect(data!.theme.stated.years.map((year: { briefs: number }) => year.briefs)).toEqual(
      data!.theme.all.years.map((year: { briefs: number }) => year.briefs),
    );
  });

  it('includes sub-themes by default everywhere: theme.briefs as ThemeMatch does', async () => {
    const { data } = await server.graphql(`{ theme(slug: "improvement-strategies") { id
      briefs { totalCount } direct: briefs(includeSubthemes: false) { totalCount }
      lessons { totalCount } meetings { totalCount } } }`);
    const filtered = await server.graphql(
      `query($theme: ID!) { briefs(filter: { themes: { anyOf: [$theme] } }) { totalCount } lessons(filter: { themes: { anyOf: [$theme] } }) { totalCount } }`,
      { theme: data!.theme.id },
    );
    expect(data!.theme.briefs.totalCount).toBe(filtered.data!.briefs.totalCount);
    expect(data!.theme.lessons.totalCount).toBe(filtered.data!.lessons.totalCount);
    expect(data!.theme.briefs.totalCount).toBeGreaterThan(data!.theme.direct.totalCount);
  });

  it('says which briefs study a district themselves and which are inferred through a network', async () => {
    const briefsOf = async () => {
      const { data, errors } = await server.graphql(`{ district(slug: "los-angeles-unified") {
        any: briefs { nodes { slug } } direct: briefs(studied: DIRECT) { nodes { slug } } inferred: briefs(studied: THROUGH_NETWORK) { nodes { slug } } } }`);
      expect(errors).toBeUndefined();
      const slugs = (list: { nodes: Array<{ slug: string }> }) => list.nodes.map((brief) => brief.slug).sort();
      return { any: slugs(data!.district.any), direct: slugs(data!.district.direct), inferred: slugs(data!.district.inferred) };
    };
    // No brief names Los Angeles itself; two are about a network it is a member of.
    expect(await briefsOf()).toEqual({
      any: ['core-districts-measurement-capacity-building-and-shared-accountability', 'lessons-from-the-core-districts'],
      direct: [],
      inferred: ['core-districts-measurement-capacity-building-and-shared-accountability', 'lessons-from-the-core-districts'],
    });
    // Once a brief names the district (its case study), it is a direct study and no longer an inference.
    const editor = await server.createApiKey(ApiKeyRole.EDITOR);
    const { data } = await server.graphql(`{ brief(slug: "lessons-from-the-core-districts") { id } district(slug: "los-angeles-unified") { id } }`);
    const added = await server.graphql(
      `mutation($id: ID!, $ids: [ID!]!) { briefAddDistricts(id: $id, districtIds: $ids) { userErrors { code } } }`,
      { id: data!.brief.id, ids: [data!.district.id] },
      { apiKey: editor },
    );
    expect(added.data!.briefAddDistricts.userErrors).toEqual([]);
    expect(await briefsOf()).toEqual({
      any: ['core-districts-measurement-capacity-building-and-shared-accountability', 'lessons-from-the-core-districts'],
      direct: ['lessons-from-the-core-districts'],
      inferred: ['core-districts-measurement-capacity-building-and-shared-accountability'],
    });
    // Leave the knowledge base as the other tests expect it.
    await server.graphql(
      `mutation($id: ID!, $ids: [ID!]!) { briefRemoveDistricts(id: $id, districtIds: $ids) { userErrors { code } } }`,
      { id: data!.brief.id, ids: [data!.district.id] },
      { apiKey: editor },
    );
  });

  it('infers a study through a network only while the district was a member, and lists the two case-study districts as direct', async () => {
    const { data, errors } = await server.graphql(`{
      sanger: district(slug: "sanger-unified") { any: briefs { nodes { slug } } inferred: briefs(studied: THROUGH_NETWORK) { nodes { slug } } }
      longBeach: district(slug: "long-beach-unified") { direct: briefs(studied: DIRECT) { nodes { slug } } }
      core: districtNetwork(slug: "core-districts") { briefs(first: 100) { nodes { slug } } }
      filtered: briefs(filter: { districtSlugs: ["sanger-unified"] }) { totalCount }
      facets: briefFacets { districts { district { slug } count } }
    }`);
    expect(errors).toBeUndefined();
    // Sanger left CORE in 2014; the CORE briefs on record came out later, so none is inferred to study it.
    expect(data!.sanger).toEqual({ any: { nodes: [] }, inferred: { nodes: [] } });
    expect(data!.filtered.totalCount).toBe(0);
    expect(data!.facets.districts.map((facet: { district: { slug: string } }) => facet.district.slug)).not.toContain('sanger-unified');
    // The 2019 report's case studies: Long Beach and Garden Grove unified, named by the report itself.
    expect(data!.longBeach.direct.nodes.map((brief: { slug: string }) => brief.slug)).toEqual(['lessons-from-the-core-districts']);
    expect(data!.core.briefs.nodes.map((brief: { slug: string }) => brief.slug)).toContain('lessons-from-the-core-districts');
  });

  it('writes the basis and locator with a lesson, and refuses a null basis on update', async () => {
    const editor = await server.createApiKey(ApiKeyRole.EDITOR);
    const { data } = await server.graphql(`{ brief(slug: "always-room-for-improvement") { id } }`);
    const created = await server.graphql(
      `mutation($input: LessonCreateInput!) { lessonCreate(input: $input) { lesson { id basis locator reportLessonNumber } userErrors { field code } } }`,
      { input: { briefId: data!.brief.id, statement: 'A lesson with its basis', basis: 'SUMMARIZED', locator: 'summary, sentence 3', reportLessonNumber: 4 } },
      { apiKey: editor },
    );
    expect(created.data!.lessonCreate).toMatchObject({
      lesson: { basis: 'SUMMARIZED', locator: 'summary, sentence 3', reportLessonNumber: 4 },
      userErrors: [],
    });
    const plain = await server.graphql(
      `mutation($input: LessonCreateInput!) { lessonCreate(input: $input) { lesson { basis } } }`,
      { input: { briefId: data!.brief.id, statement: 'A lesson without a stated basis' } },
      { apiKey: editor },
    );
    expect(plain.data!.lessonCreate.lesson.basis).toBe('EDITORIAL_INFERENCE');
    const update = await server.graphql(
      `mutation($id: ID!) { lessonUpdate(id: $id, input: { basis: null }) { userErrors { field code } } }`,
      { id: created.data!.lessonCreate.lesson.id },
      { apiKey: editor },
    );
    expect(update.data!.lessonUpdate.userErrors).toEqual([{ field: ['input', 'basis'], code: 'BLANK' }]);
  });
});
