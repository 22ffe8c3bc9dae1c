/**
 * A schema a normalised cache and a union-heavy client can use as it is: the natural selection
 * of every union and interface (each field name its members share, selected on every member
 * in inline fragments, without aliases) passes GraphQL validation, so no two members give one
 * field name incompatible types; and every object type is either addressable (a `Node`, with
 * an `id`) or says in its description why it has none. Through the server: those selections
 * run, and /graphql/possible-types.json tells a client cache the members of each abstract type.
 */
import {
  getNamedType,
  isAbstractType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isRequiredArgument,
  parse,
  validate,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { buildBriefgraphSchema } from '../src/schema';
import { startTestServer, type TestServer } from './support/test-server';

const schema = buildBriefgraphSchema();
const maximumDepth = 4;

/** The object types a composite type stands for: itself, or the members of a union or interface. */
function objectTypesOf(schema: GraphQLSchema, typeName: string): readonly GraphQLObjectType[] {
  const type = schema.getType(typeName);
  if (isObjectType(type)) return [type];
  if (isAbstractType(type)) return schema.getPossibleTypes(type);
  return [];
}

/** A literal of the type, for arguments a field requires (none of the natural selection does today). */
function sampleLiteral(type: GraphQLInputType): string {
  if (isNonNullType(type)) return sampleLiteral(type.ofType);
  if (isListType(type)) return `[${sampleLiteral(type.ofType)}]`;
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((field) => isNonNullType(field.type) && field.defaultValue === undefined);
    return `{ ${fields.map((field) => `${field.name}: ${sampleLiteral(field.type)}`).join(', ')} }`;
  }
  return { Int: '1', Float: '1', Boolean: 'true' }[type.name] ?? '"x"';
}

function requiredArguments(args: readonly GraphQLArgument[]): string {
  const required = args.filter(isRequiredArgument);
  return required.length === 0 ? '' : `(${required.map((argument) => `${argument.name}: ${sampleLiteral(argument.type)}`).join(', ')})`;
}

/**
 * The natural selection over some object types: an inline fragment on each, selecting every
 * field name that at least two of them have (deprecated fields left out: they are on their way
 * out, and new selections do not use them). A shared field of a composite type selects, in
 * turn, the natural selection over the types it returns on the different members.
 */
function naturalSelection(schema: GraphQLSchema, types: readonly GraphQLObjectType[], depth = 0): string {
  const liveFields = (type: GraphQLObjectType) => Object.values(type.getFields()).filter((field) => !field.deprecationReason);
  const owners = new Map<string, number>();
  for (const type of types) for (const field of liveFields(type)) owners.set(field.name, (owners.get(field.name) ?? 0) + 1);
  const fragments = types.map((type) => {
    const fields = liveFields(type).filter((field) => (owners.get(field.name) ?? 0) >= 2 || types.length === 1);
    const selections = fields.map((field) => {
      const named = getNamedType(field.type);
      if (!isCompositeType(named)) return `${field.name}${requiredArguments(field.args)}`;
      const returned = new Set(
        types.flatMap((other) => {
          const same = other.getFields()[field.name];
          return same && !same.deprecationReason && isCompositeType(getNamedType(same.type)) ? [getNamedType(same.type).name] : [];
        }),
      );
      // One named type on every member cannot conflict below this field; several can.
      const inner =
        returned.size > 1 && depth < maximumDepth
          ? naturalSelection(schema, [...new Set([...returned].flatMap((name) => objectTypesOf(schema, name)))], depth + 1)
          : '__typename';
      return `${field.name}${requiredArguments(field.args)} { ${inner} }`;
    });
    return `... on ${type.name} { __typename ${selections.join(' ')} }`;
  });
  return fragments.join(' ');
}

/** A query reaching a field of the abstract type, so the selection is validated in place. */
function operationSelecting(abstractTypeName: string, selection: string): string {
  return `fragment Natural on ${abstractTypeName} { ${selection} }`;
}

describe('unions and interfaces', () => {
  const abstractTypes = Object.values(schema.getTypeMap()).filter((type) => isAbstractType(type) && !type.name.startsWith('__'));

  it('are checked: SearchResult and Node at least', () => {
    expect(abstractTypes.map((type) => type.name)).toEqual(expect.arrayContaining(['SearchResult', 'Node']));
  });

  it.each(abstractTypes.map((type) => [type.name]))('%s: the natural selection of its members is valid', (typeName) => {
    const type = schema.getType(typeName)!;
    const selection = naturalSelection(schema, objectTypesOf(schema, typeName));
    const document = parse(`${operationSelecting(type.name, selection)}\nquery Uses { __typename }`);
    // A fragment that is never spread is an error of its own, not a conflict: leave that rule's complaint out.
    const problems = validate(schema, document)
      .map((error) => error.message)
      .filter((message) => !message.includes('is never used'));
    expect(problems).toEqual([]);
  });

  it('catches an incompatible shared field (the check is not vacuous)', () => {
    // Brief.kind and District.kind, both deprecated for this reason, have different enum types.
    const document = parse('fragment Clash on SearchResult { ... on Brief { kind } ... on District { kind } }\nquery Uses { __typename }');
    const problems = validate(schema, document)
      .map((error) => error.message)
      .filter((message) => !message.includes('is never used'));
    expect(problems.join('\n')).toMatch(/"kind" conflict because they return conflicting types/);
  });
});

describe('object types', () => {
  /** Not things: the roots, and the plumbing of connections and mutation answers. */
  const isPlumbing = (type: GraphQLObjectType) =>
    type === schema.getQueryType() ||
    type === schema.getMutationType() ||
    type === schema.getSubscriptionType() ||
    type.name === 'PageInfo' ||
    /(Connection|Edge|Payload)$/.test(type.name);

  // A value type's description says so in these words, with the reason: "A value with no id: it belongs to …".
  it('are addressable (a Node with an id), or say in their description why they have "no id"', () => {
    const node = schema.getType('Node');
    const unexplained = Object.values(schema.getTypeMap())
      .filter((type): type is GraphQLObjectType => isObjectType(type) && !type.name.startsWith('__') && !isPlumbing(type))
      .filter((type) => !type.getInterfaces().some((implemented) => implemented === node))
      .filter((type) => !/\bno id\b/i.test(type.description ?? ''))
      .map((type) => type.name);
    expect(unexplained).toEqual([]);
  });
});

describe('through the server', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers the natural selection of search results and nodes', async () => {
    const searchResult = naturalSelection(schema, objectTypesOf(schema, 'SearchResult'));
    const node = naturalSelection(schema, objectTypesOf(schema, 'Node'));
    const meetings = await server.graphql('{ meetings(first: 1, orderBy: NUMBER_ASC) { nodes { id number } } }');
    const firstMeeting = meetings.data!.meetings.nodes[0];
    const response = await server.graphql(
      `query($ids: [ID!]!) { search(query: "improvement", first: 30) { nodes { ${searchResult} } } nodes(ids: $ids) { ${node} } }`,
      { ids: [firstMeeting.id] },
    );
    expect(response.errors).toBeUndefined();
    const results = response.data!.search.nodes as Array<{ __typename: string; title?: unknown }>;
    expect(new Set(results.map((result) => result.__typename)).size).toBeGreaterThan(1);
    for (const result of results) if ('title' in result) expect(typeof result.title).toBe('string');
    // Meeting 11's sources give it no title: it is called by its number.
    expect(firstMeeting.number).toBe(11);
    expect(response.data!.nodes[0]).toMatchObject({ __typename: 'Meeting', title: 'Meeting 11' });
  });

  it('reads each kind under its own name, the same as the deprecated `kind`', async () => {
    const response = await server.graphql(`{
      briefs(first: 3) { nodes { kind briefKind } }
      districts(first: 3) { nodes { kind districtKind } }
      districtNetworks(first: 3) { nodes { kind networkKind } }
      organizations(first: 3) { nodes { kind organizationKind } }
      sourceDocuments { kind documentKind }
      meetings(first: 3) { nodes { materials { kind materialKind } } }
      lessons(first: 20, filter: { linkKinds: [SUPPORTS] }) { nodes { links(first: 3) { nodes { kind linkKind } } } }
    }`);
    expect(response.errors).toBeUndefined();
    interface KindPair {
      kind: string;
      [namedKind: string]: string;
    }
    const data = response.data!;
    const pairs = [
      ...data.briefs.nodes.map((record: KindPair) => [record.kind, record.briefKind]),
      ...data.districts.nodes.map((record: KindPair) => [record.kind, record.districtKind]),
      ...data.districtNetworks.nodes.map((record: KindPair) => [record.kind, record.networkKind]),
      ...data.organizations.nodes.map((record: KindPair) => [record.kind, record.organizationKind]),
      ...data.sourceDocuments.map((record: KindPair) => [record.kind, record.documentKind]),
      ...data.meetings.nodes.flatMap((meeting: { materials: KindPair[] }) => meeting.materials.map((record: KindPair) => [record.kind, record.materialKind])),
      ...data.lessons.nodes.flatMap((lesson: { links: { nodes: KindPair[] } }) => lesson.links.nodes.map((record: KindPair) => [record.kind, record.linkKind])),
    ];
    expect(pairs.length).toBeGreaterThan(10);
    for (const [deprecated, named] of pairs) expect(named).toBe(deprecated);
    expect(new Set(pairs.map(([, named]) => named)).size).toBeGreaterThan(5);
  });

  it('serves the possible types of every union and interface for client caches, cacheably', async () => {
    const response = await fetch(`${server.url}/graphql/possible-types.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const possibleTypes = await response.json();
    const abstractTypes = Object.values(schema.getTypeMap()).filter((type) => isAbstractType(type) && !type.name.startsWith('__'));
    expect(Object.keys(possibleTypes).sort()).toEqual(abstractTypes.map((type) => type.name).sort());
    expect(possibleTypes.SearchResult).toEqual(['Brief', 'District', 'DistrictNetwork', 'Lesson', 'Meeting', 'Organization', 'Person', 'Theme']);
    expect(possibleTypes.Node).toEqual(expect.arrayContaining(['Brief', 'Lesson', 'MeetingMaterial', 'SourceDocument']));
    const etag = response.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await fetch(`${server.url}/graphql/possible-types.json`, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
  });
});
