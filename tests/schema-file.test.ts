import fs from 'node:fs';
import { printBriefgraphSchema, schemaFile } from '../src/schema';

describe('schema.graphql', () => {
  it('matches the schema the resolvers build (run `npm run schema:emit` after changing the API)', () => {
    expect(fs.readFileSync(schemaFile, 'utf8')).toBe(printBriefgraphSchema());
  });
});
