/**
 * Interoperability: the Relay compiler (the strictest client of the Relay server
 * specification) accepts our schema with @connection fields (the ranked related briefs and
 * lessons among them), paging both ways, and @refetchable fragments, which need `Node` and
 * `node(id:)`.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { schemaFile } from '../src/schema';

describe('Relay compatibility', () => {
  it('compiles connection and refetchable fragments against schema.graphql', () => {
    const project = fs.mkdtempSync(path.join(os.tmpdir(), 'briefgraph-relay-'));
    fs.mkdirSync(path.join(project, 'src'));
    fs.mkdirSync(path.join(project, 'generated'));
    fs.copyFileSync(path.join(__dirname, 'fixtures', 'relay', 'Components.ts'), path.join(project, 'src', 'Components.ts'));
    fs.copyFileSync(schemaFile, path.join(project, 'schema.graphql'));
    fs.writeFileSync(
      path.join(project, 'relay.config.json'),
      JSON.stringify({ src: './src', schema: './schema.graphql', language: 'typescript', artifactDirectory: './generated' }),
    );
    const compiler = require.resolve('relay-compiler/cli.js');
    try {
      const output = execFileSync(process.execPath, [compiler], { cwd: project, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      expect(output).toContain('Compilation completed');
      const artifacts = fs.readdirSync(path.join(project, 'generated')).sort();
      expect(artifacts).toEqual(
        expect.arrayContaining([
          'ComponentsBriefCardRefetchQuery.graphql.ts',
          'ComponentsBriefsPageQuery.graphql.ts',
          'ComponentsMeetingsBackwardsQuery.graphql.ts',
          'ComponentsRelatedBriefsPaginationQuery.graphql.ts',
          'ComponentsRelatedLessonsPaginationQuery.graphql.ts',
          'ComponentsThemeLessonsPaginationQuery.graphql.ts',
        ]),
      );
      const refetch = fs.readFileSync(path.join(project, 'generated', 'ComponentsBriefCardRefetchQuery.graphql.ts'), 'utf8');
      expect(refetch).toMatch(/node\(id: \$id\)/);
    } finally {
      fs.rmSync(project, { recursive: true, force: true });
    }
  });
});
