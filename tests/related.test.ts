/**
 * Related records that discriminate and explain: text similarity spreads briefs apart
 * instead of scoring every pair alike, an explicit link's reason carries the link
 * itself, and related lessons can be restricted to stated findings.
 */
import { startTestServer, type TestServer } from './support/test-server';

describe('related records', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('tells briefs on the same matter from briefs that merely share a vocabulary', async () => {
    const { data, errors } = await server.graphql(
      `{ briefs(first: 20) { nodes { slug relatedBriefs(first: 20) { edges { score node { slug } reasons { kind weight } } } } } }`,
    );
    expect(errors).toBeUndefined();
    const similarities: Record<string, number> = {};
    for (const brief of data!.briefs.nodes) {
      for (const edge of brief.relatedBriefs.edges) {
        const text = edge.reasons.find((reason: { kind: string; weight: number }) => reason.kind === 'TEXT_SIMILARITY');
        similarities[`${brief.slug} ~ ${edge.node.slug}`] = text?.weight ?? 0;
        // Scores and weights are rounded to three decimals.
        expect(Math.round(edge.score * 1000) / 1000).toBe(edge.score);
      }
    }
    const values = Object.values(similarities);
    for (const value of values) expect(value).toBeLessThanOrEqual(1);
    expect(Math.max(...values) - Math.min(...values)).toBeGreaterThan(0.25);
    // The two PACE items on the CORE Data Collaborative are closer to each other than the 2011 turnaround brief is to either.
    const dataPair = similarities['learning-from-the-core-data-collaborative ~ data-use-for-improvement-in-networked-structures'];
    expect(dataPair).toBeGreaterThan(similarities['district-role-in-school-turnaround ~ learning-from-the-core-data-collaborative'] ?? 0);
    expect(dataPair).toBeGreaterThan(similarities['district-role-in-school-turnaround ~ data-use-for-improvement-in-networked-structures'] ?? 0);
  });

  it('gives an explicit link reason the link itself: its kind, basis, rationale and explanation', async () => {
    const { data } = await server.graphql(`{ brief(slug: "district-role-in-school-turnaround") { relatedBriefs(first: 5) { edges { node { slug } reasons {
      kind weight linkKind lessonLink { kind basis rationale explanation from { brief { slug } } to { brief { slug } } } } } } } }`);
    const edge = data!.brief.relatedBriefs.edges.find(
      (candidate: { node: { slug: string } }) => candidate.node.slug === 'engaging-district-school-and-teacher-leaders-in-improvement',
    );
    const link = edge.reasons.find((reason: { kind: string }) => reason.kind === 'EXPLICIT_LINK');
    expect(link).toMatchObject({
      weight: 0.8,
      linkKind: 'SUPPORTS',
      lessonLink: {
        kind: 'SUPPORTS',
        basis: 'EDITORIAL_INFERENCE',
        rationale: expect.stringContaining('centre of improvement'),
        explanation: expect.any(String),
        from: { brief: { slug: 'engaging-district-school-and-teacher-leaders-in-improvement' } },
        to: { brief: { slug: 'district-role-in-school-turnaround' } },
      },
    });
    for (const reason of edge.reasons.filter((other: { kind: string }) => other.kind !== 'EXPLICIT_LINK')) expect(reason.lessonLink).toBeNull();
  });

  it('restricts related lessons to the bases asked for, links included', async () => {
    const { data } = await server.graphql(`{ brief(slug: "engaging-district-school-and-teacher-leaders-in-improvement") { lessons { nodes {
      any: relatedLessons(first: 20) { nodes { basis } edges { reasons { kind } } }
      stated: relatedLessons(first: 20, bases: [STATED]) { nodes { basis } edges { reasons { kind } } }
    } } } }`);
    interface RelatedLessons {
      nodes: Array<{ basis: string }>;
      edges: Array<{ reasons: Array<{ kind: string }> }>;
    }
    const lessons = data!.brief.lessons.nodes as Array<{ any: RelatedLessons; stated: RelatedLessons }>;
    expect(lessons.flatMap((lesson) => lesson.any.nodes.map((node) => node.basis))).toEqual(expect.arrayContaining(['STATED', 'SUMMARIZED']));
    const stated = lessons.flatMap((lesson) => lesson.stated.nodes.map((node) => node.basis));
    expect(stated.length).toBeGreaterThan(0);
    expect(new Set(stated)).toEqual(new Set(['STATED']));
    // Every link is an editorial reading, so none is a reason among stated findings.
    expect(lessons.flatMap((lesson) => lesson.stated.edges.flatMap((edge) => edge.reasons.map((reason) => reason.kind)))).not.toContain('EXPLICIT_LINK');
    const refused = await server.graphql(`{ lessons(first: 1) { nodes { relatedLessons(bases: []) { nodes { id } } } } }`);
    expect(refused.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argumentName: 'bases' } });
  });
});
