import { buildSchema, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { measureWithCostOnce } from './query-limits';

const schema = buildSchema(`
  type Lesson { statement: String! }
  type LessonConnection { nodes: [Lesson!]! pageInfo: PageInfo! }
  type PageInfo { hasNextPage: Boolean! }
  type Brief { title: String! lessons(first: Int): LessonConnection! }
  type Query { brief(slug: String!): Brief }
`);

function parsed(text: string) {
  const document = parse(text);
  const operation = document.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)!;
  return { document, operation };
}

describe('measureWithCostOnce', () => {
  it('measures an operation once for every value of a variable the measure does not read', () => {
    const { document, operation } = parsed('query ($slug: String!, $first: Int) { brief(slug: $slug) { lessons(first: $first) { nodes { statement } } } }');
    const first = measureWithCostOnce(schema, document, operation, { slug: 'a', first: 5 });
    // The very measure kept, not a new one that happens to be equal.
    expect(measureWithCostOnce(schema, document, operation, { slug: 'b', first: 5 })).toBe(first);
    expect(measureWithCostOnce(schema, document, operation, { slug: 'a', first: 6 })).not.toBe(first);
  });

  it('measures again when a variable it reads changes, and tells a value left out from null', () => {
    const { document, operation } = parsed('query ($slug: String!, $first: Int = 7) { brief(slug: $slug) { lessons(first: $first) { nodes { statement } } } }');
    expect(measureWithCostOnce(schema, document, operation, { slug: 'a', first: 5 }).nodes).toBe(5);
    expect(measureWithCostOnce(schema, document, operation, { slug: 'a', first: 50 }).nodes).toBe(50);
    expect(measureWithCostOnce(schema, document, operation, { slug: 'a' }).nodes).toBe(7);
    expect(measureWithCostOnce(schema, document, operation, { slug: 'a', first: null }).nodes).toBe(20);
    expect(measureWithCostOnce(schema, document, operation, { slug: 'b', first: 5 }).nodes).toBe(5);
  });
});
