import { buildSchema, Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { measureOperation } from './query-cost';

const schema = buildSchema(`
  type PageInfo { hasNextPage: Boolean! }
  type Theme { name: String! }
  type Lesson { statement: String! themes: [Theme!]! related(first: Int = 5): [Lesson!]! }
  type LessonConnection { nodes: [Lesson!]! pageInfo: PageInfo! totalCount: Int! }
  type Brief { title: String! lessons(first: Int, last: Int): LessonConnection! }
  type BriefConnection { nodes: [Brief!]! edges: [BriefEdge!]! pageInfo: PageInfo! }
  type BriefEdge { node: Brief! cursor: String! }
  type FacetCount { value: String! }
  type FacetCounts { kinds: [FacetCount!]! }
  type Query { briefs(first: Int, last: Int): BriefConnection! brief: Brief nodes(ids: [ID!]!): [Brief]! facets: FacetCounts! }
  type Mutation { briefDelete: Brief }
`);

function measure(text: string, variables: Record<string, unknown> = {}) {
  const document = parse(text);
  const operation = document.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  return measureOperation(schema, operation, fragments, variables);
}

describe('query cost', () => {
  it('counts a connection as its page size, 20 when none is given', () => {
    expect(measure('{ briefs(first: 7) { nodes { title } } }')).toEqual({ depth: 3, nodes: 7, work: 0 });
    expect(measure('{ briefs { nodes { title } } }')).toEqual({ depth: 3, nodes: 20, work: 0 });
    expect(measure('{ briefs(last: 3) { edges { node { title } } } }')).toEqual({ depth: 4, nodes: 3, work: 0 });
  });

  it('multiplies nested connections by the pages around them', () => {
    expect(measure('{ briefs(first: 10) { nodes { lessons(first: 50) { nodes { statement } } } } }')).toEqual({ depth: 5, nodes: 10 + 10 * 50, work: 0 });
  });

  it('reads page sizes from variables, and from the defaults the operation declares', () => {
    expect(measure('query($n: Int) { briefs(first: $n) { nodes { title } } }', { n: 4 }).nodes).toBe(4);
    expect(measure('query($n: Int = 9) { briefs(first: $n) { nodes { title } } }').nodes).toBe(9);
  });

  it('counts a plain list as the most it may hold (100 related records), a list of IDs as its length, facet lists as fifty', () => {
    expect(measure('{ brief { lessons(first: 2) { nodes { themes { name } } } } }').nodes).toBe(2 + 2 * 100);
    expect(measure('{ nodes(ids: ["a", "b", "c"]) { title } }').nodes).toBe(3);
    expect(measure('{ facets { kinds { value } } }').nodes).toBe(50);
  });

  it('counts ranked lists that take first by their default page', () => {
    expect(measure('{ brief { lessons(first: 1) { nodes { related { statement } } } } }').nodes).toBe(1 + 5);
  });

  it('follows fragments, inline or named, and never loops on a cycle', () => {
    const text = '{ briefs(first: 2) { ...Page } } fragment Page on BriefConnection { nodes { ... on Brief { lessons(first: 3) { nodes { statement } } } } }';
    expect(measure(text)).toEqual({ depth: 5, nodes: 2 + 2 * 3, work: 0 });
    expect(measure('{ brief { ...A } } fragment A on Brief { title ...A }')).toEqual({ depth: 2, nodes: 0, work: 0 });
  });

  it('measures mutations from the mutation type, and introspection like other fields', () => {
    expect(measure('mutation { briefDelete { title } }')).toEqual({ depth: 2, nodes: 0, work: 0 });
    expect(measure('{ __schema { types { name } } }')).toEqual({ depth: 3, nodes: 5, work: 0 });
  });
});
