/**
 * The explorer is the API's reference client: every operation it sends must be valid against
 * schema.graphql (type-checked at build time too, by gql.tada), and stay cheap enough for the
 * public rate limit: a page view should cost a handful of points, not hundreds.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, Kind, validate, type DocumentNode } from 'graphql';

const explorerSources = path.join(__dirname, '..', 'explorer', 'src');
const schema = buildSchema(fs.readFileSync(path.join(__dirname, '..', 'schema.graphql'), 'utf8'));

function operationModules(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return operationModules(full);
    return /\.(queries|fragments)\.ts$/.test(entry.name) ? [full] : [];
  });
}

function operationsOf(file: string): Array<[string, DocumentNode]> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exports = require(file) as Record<string, unknown>;
  return Object.entries(exports).filter((entry): entry is [string, DocumentNode] => (entry[1] as DocumentNode)?.kind === Kind.DOCUMENT);
}

const operations = operationModules(explorerSources).flatMap((file) =>
  operationsOf(file).map(([name, document]) => ({ name: `${path.relative(explorerSources, file)}: ${name}`, document })),
);
const queries = operations.filter(({ document }) => document.definitions.some((definition) => definition.kind === Kind.OPERATION_DEFINITION));

describe('the explorer’s GraphQL operations', () => {
  it('are found (every page has its own)', () => {
    expect(queries.length).toBeGreaterThanOrEqual(25);
  });

  it.each(queries.map(({ name, document }) => [name, document] as const))('%s is valid against schema.graphql', (_name, document) => {
    expect(validate(schema, document).map((error) => error.message)).toEqual([]);
  });

  it('are all queries: the explorer never writes', () => {
    for (const { document } of queries) {
      for (const definition of document.definitions) if (definition.kind === Kind.OPERATION_DEFINITION) expect(definition.operation).toBe('query');
    }
  });
});
