/**
 * Paths that follow meaning: `connections` ranks chains of relations by the weights of
 * their kinds, so the editors' explicit link between the 2011 turnaround brief and the
 * 2019 CIC report comes before the shorter chain through a shared theme; `via` and
 * `basis` restrict what a path may pass through.
 */
import { startTestServer, type TestServer } from './support/test-server';

describe('paths between records', () => {
  let server: TestServer;
  let ids: Record<string, string>;
  beforeAll(async () => {
    server = await startTestServer();
    const { data } = await server.graphql(`{
      turnaround: brief(slug: "district-role-in-school-turnaround") { id }
      engaging: brief(slug: "engaging-district-school-and-teacher-leaders-in-improvement") { id }
      meeting11: meeting(number: 11) { id }
    }`);
    ids = Object.fromEntries(Object.entries(data!).map(([name, value]) => [name, (value as { id: string }).id]));
  });
  afterAll(async () => {
    await server.close();
  });

  const pathFields = `hops strength nodes { __typename id } steps { relation kind linkKind basis strength from { id } to { id } }`;
  interface Path {
    hops: number;
    strength: number;
    nodes: Array<{ __typename: string; id: string }>;
    steps: Array<{ relation: string; kind: string; linkKind: string | null; basis: string | null; strength: number; from: { id: string }; to: { id: string } }>;
  }
  const connections = async (variables: Record<string, unknown>) => {
    const response = await server.graphql<{ connections: Path[] }>(
      `query($from: ID!, $to: ID!, $first: Int, $via: [RelationKind!], $basis: [EvidenceBasis!]) {
         connections(from: $from, to: $to, first: $first, via: $via, basis: $basis) { ${pathFields} }
       }`,
      variables,
    );
    expect(response.errors).toBeUndefined();
    return response.data!.connections;
  };

  it("puts the editors' lesson link between the 2011 and 2019 reports first, before a shared theme", async () => {
    const paths = await connections({ from: ids.turnaround, to: ids.engaging, first: 3 });
    expect(paths).toHaveLength(3);
    const [best, ...others] = paths;
    expect(best.hops).toBe(3);
    expect(best.nodes.map((node) => node.__typename)).toEqual(['Brief', 'Lesson', 'Lesson', 'Brief']);
    expect(best.steps.map((step) => [step.relation, step.kind, step.linkKind, step.basis])).toEqual([
      ['DRAWS', 'LESSON_OF_BRIEF', null, null],
      ['LINKED_FROM', 'LESSON_LINK', 'SUPPORTS', 'EDITORIAL_INFERENCE'],
      ['DRAWN_IN', 'LESSON_OF_BRIEF', null, null],
    ]);
    // 0.9 (a brief's lesson) × 1 (a lesson link) × 0.8 (an editorial reading) × 0.9
    expect(best.strength).toBe(0.648);
    expect(best.steps.map((step) => step.strength)).toEqual([0.9, 0.8, 0.9]);
    for (const other of others) expect(other.strength).toBeLessThanOrEqual(best.strength);
    expect(others.some((path) => path.hops === 2 && path.steps.every((step) => step.kind === 'THEME'))).toBe(true);
    // Paths are simple and run from one end to the other.
    for (const path of paths) {
      expect(path.nodes[0].id).toBe(ids.turnaround);
      expect(path.nodes.at(-1)?.id).toBe(ids.engaging);
      expect(new Set(path.nodes.map((node) => node.id)).size).toBe(path.nodes.length);
    }
  });

  it('answers `connection` with the strongest path, and keeps the shared theme when that is the best there is', async () => {
    const { data } = await server.graphql(
      `query($a: ID!, $b: ID!, $c: ID!) { link: connection(from: $a, to: $b) { hops strength } theme: connection(from: $c, to: $b) { steps { kind } } }`,
      { a: ids.turnaround, b: ids.engaging, c: ids.meeting11 },
    );
    expect(data!.link).toEqual({ hops: 3, strength: 0.648 });
    expect(data!.theme.steps).toEqual([{ kind: 'THEME' }, { kind: 'THEME' }]);
  });

  it('follows only the kinds of relation asked for', async () => {
    const viaLinks = await connections({ from: ids.turnaround, to: ids.engaging, first: 5, via: ['LESSON_LINK', 'FOLLOW_UP', 'BUILDS_ON'] });
    expect(viaLinks.length).toBeGreaterThan(0);
    for (const path of viaLinks) for (const step of path.steps) expect(['LESSON_LINK', 'LESSON_OF_BRIEF']).toContain(step.kind);
    const viaThemes = await connections({ from: ids.turnaround, to: ids.engaging, first: 5, via: ['THEME'] });
    for (const path of viaThemes) expect(path.steps.some((step) => step.kind === 'LESSON_LINK')).toBe(false);
  });

  it('passes only through stated findings when asked: the link, an editorial reading, is left out', async () => {
    const stated = await connections({ from: ids.turnaround, to: ids.engaging, first: 10, basis: ['STATED'] });
    for (const path of stated) expect(path.steps.some((step) => step.kind === 'LESSON_LINK')).toBe(false);
    const anyBasis = await connections({ from: ids.turnaround, to: ids.engaging, first: 10, basis: ['STATED', 'SUMMARIZED', 'EDITORIAL_INFERENCE'] });
    expect(anyBasis[0].steps[1].kind).toBe('LESSON_LINK');
    const nothing = await connections({ from: ids.turnaround, to: ids.engaging, first: 3, via: ['LESSON_LINK'], basis: ['STATED'] });
    expect(nothing).toEqual([]);
  });

  it('refuses `first`, `via` and `basis` out of range', async () => {
    const errorOf = async (extra: string) =>
      (await server.graphql(`query($from: ID!, $to: ID!) { connections(from: $from, to: $to, ${extra}) { hops } }`, { from: ids.turnaround, to: ids.engaging }))
        .errors![0];
    expect(await errorOf('first: 11')).toMatchObject({ message: 'Argument "first" must be from 1 to 10, got 11', extensions: { code: 'BAD_USER_INPUT' } });
    expect(await errorOf('first: 0')).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argumentName: 'first' } });
    expect(await errorOf('via: []')).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argumentName: 'via' } });
    expect(await errorOf('basis: []')).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argumentName: 'basis' } });
  });

  it('takes one statement per hop, whatever the number of paths asked for', async () => {
    const one = await server.graphql(`query($from: ID!, $to: ID!) { connections(from: $from, to: $to, first: 1) { hops } }`, {
      from: ids.turnaround,
      to: ids.engaging,
    });
    const ten = await server.graphql(`query($from: ID!, $to: ID!) { connections(from: $from, to: $to, first: 10) { hops } }`, {
      from: ids.turnaround,
      to: ids.engaging,
    });
    expect(one.headers.get('x-sql-statements')).toBe(ten.headers.get('x-sql-statements'));
  });
});
